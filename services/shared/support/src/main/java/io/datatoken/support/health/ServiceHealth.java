package io.datatoken.support.health;

import io.datatoken.support.persistence.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/** The three probes of a DataToken service, named after the service's schema. */
@ApplicationScoped
public class ServiceHealth {

    @Inject
    SchemaMigration migration;

    @Produces
    @Startup
    HealthCheck migrated() {
        return () -> {
            var state = migration.state().done() ? migration.state() : migration.migrate();
            return HealthCheckResponse.named(migration.schema() + "-schema")
                    .status(state.done())
                    .withData("version", String.valueOf(state.version()))
                    .withData("failure", String.valueOf(state.failure()))
                    .build();
        };
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            var check = HealthCheckResponse.named(migration.schema() + "-database");
            if (!migration.state().done()) {
                return check.down().withData("reason", "schema not migrated: " + migration.state().failure()).build();
            }
            try (Connection connection = migration.dataSource().getConnection()) {
                return check.status(connection.isValid(2)).build();
            } catch (Exception e) {
                return check.down().withData("reason", String.valueOf(e.getMessage())).build();
            }
        };
    }

    @Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.up(migration.schema() + "-alive");
    }
}
