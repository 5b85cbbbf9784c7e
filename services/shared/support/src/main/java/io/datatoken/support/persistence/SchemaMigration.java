package io.datatoken.support.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Migrates the service's schema at start-up. Each service owns one schema (its name is the
 * service name) and keeps its scripts in {@code db/migration/<schema>}; the data source is
 * looked up by the JNDI name {@code jdbc/<schema>} that the server configuration defines.
 * Liberty's class loaders cannot list a directory, so every migration folder holds an empty
 * {@code flyway.location} marker file by which Flyway finds it.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Inject
    @ConfigProperty(name = "datatoken.db.schema")
    String schema;

    private final AtomicReference<State> state = new AtomicReference<>(State.pending());

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        migrate();
    }

    /** Runs pending migrations; safe to call again after a failure (for example a late database). */
    public synchronized State migrate() {
        if (state.get().done()) {
            return state.get();
        }
        try {
            String location = "classpath:db/migration/" + schema;
            Flyway flyway = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource())
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .locations(location)
                    .callbackLocations(location)
                    .failOnMissingLocations(true)
                    .load();
            flyway.migrate();
            var current = flyway.info().current();
            if (current == null) {
                throw new IllegalStateException("no migration found in " + location);
            }
            String version = current.getVersion().getVersion();
            LOG.info(() -> "schema " + schema + " at version " + version);
            state.set(State.migrated(version));
        } catch (RuntimeException e) {
            LOG.severe(() -> "schema " + schema + " not migrated: " + e.getMessage());
            state.set(State.failed(e.getMessage()));
        }
        return state.get();
    }

    public State state() {
        return state.get();
    }

    public String schema() {
        return schema;
    }

    public DataSource dataSource() {
        try {
            return javax.naming.InitialContext.doLookup("jdbc/" + schema);
        } catch (javax.naming.NamingException e) {
            throw new IllegalStateException("no data source jdbc/" + schema + " in the server configuration", e);
        }
    }

    /** Where the migration stands. */
    public record State(boolean done, String version, String failure) {
        static State pending() {
            return new State(false, null, "not run yet");
        }

        static State migrated(String version) {
            return new State(true, version, null);
        }

        static State failed(String reason) {
            return new State(false, null, reason);
        }
    }
}
