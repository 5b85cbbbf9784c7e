package io.datatoken.tracer.index;

import io.datatoken.support.persistence.SchemaMigration;
import io.datatoken.tracer.FixedDelayWork;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Catches the index up with the chain every {@code datatoken.tracer.poll-interval}, on the server's
 * managed scheduled executor (CDI, JTA and JPA work on its threads). A failed catch-up (chain or
 * database down, a reorganization too deep) is logged and tried again on the next tick.
 */
@ApplicationScoped
public class IndexSchedule extends FixedDelayWork {

    @Inject
    Indexer indexer;

    @Inject
    SchemaMigration migration;

    /** Between the end of one catch-up and the start of the next. */
    @Inject
    @ConfigProperty(name = "datatoken.tracer.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @Resource
    ManagedScheduledExecutorService executor;

    /** After the schema is migrated (whose observer runs first). */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER)
                 @Initialized(ApplicationScoped.class) Object ignored) {
        start(executor);
    }

    @Override
    protected Duration interval() {
        return pollInterval;
    }

    /** Migrates a schema whose database was late at start-up. */
    @Override
    protected Optional<String> notReady() {
        return migration.migrate().done() ? Optional.empty()
                : Optional.of("the schema " + migration.schema() + " is not migrated: " + migration.state().failure());
    }

    @Override
    protected int runOnce() {
        return indexer.catchUp();
    }

    @Override
    protected String what() {
        return "index catch-up";
    }
}
