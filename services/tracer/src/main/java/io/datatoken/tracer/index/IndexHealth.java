package io.datatoken.tracer.index;

import io.datatoken.support.persistence.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The index's readiness ({@code tracer-index}): up while the chain and the index can be read, with the
 * lag (blocks between the head and the last applied block) and the last catch-up's failure, if any.
 */
@ApplicationScoped
public class IndexHealth {

    @Inject
    Indexer indexer;

    @Inject
    IndexSchedule schedule;

    @Inject
    SchemaMigration migration;

    @Produces
    @Readiness
    HealthCheck index() {
        return () -> {
            var check = HealthCheckResponse.named(migration.schema() + "-index");
            schedule.lastFailure().ifPresent(failure -> check.withData("lastFailure", failure));
            try {
                return check.up().withData("lag", indexer.lag()).build();
            } catch (RuntimeException e) {
                return check.down().withData("reason", String.valueOf(e.getMessage())).build();
            }
        };
    }
}
