package io.datatoken.tracer.workflow;

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
 * Reads the documents due every {@code datatoken.tracer.poll-interval}, on the server's managed
 * scheduled executor, apart from the index's catch-up: a slow content store never holds the index
 * back. A failed run (database down) is logged and tried again on the next tick.
 */
@ApplicationScoped
public class WorkflowSchedule extends FixedDelayWork {

    @Inject
    WorkflowReader reader;

    @Inject
    SchemaMigration migration;

    /** Between the end of one run and the start of the next: the index's poll interval. */
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

    /** The index's schedule migrates a late schema and reports it; its tables are needed here. */
    @Override
    protected Optional<String> notReady() {
        return migration.state().done() ? Optional.empty()
                : Optional.of("waiting for the schema " + migration.schema() + " to be migrated");
    }

    @Override
    protected int runOnce() {
        return reader.readDue();
    }

    @Override
    protected String what() {
        return "reading compositions' documents";
    }
}
