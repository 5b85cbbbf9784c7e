package io.datatoken.tracer.workflow;

import io.datatoken.domain.content.ContentStore;
import io.datatoken.metadata.DdoVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Produces the workflow reader on the content store and the DDO verifier. */
@ApplicationScoped
public class WorkflowConfiguration {

    /** Singleton, not application scoped: final classes cannot be proxied. */
    @Produces
    @Singleton
    DdoVerifier ddoVerifier() {
        return new DdoVerifier();
    }

    @Produces
    @ApplicationScoped
    WorkflowReader workflowReader(WorkflowStore store, ContentStore content, DdoVerifier verifier) {
        return new WorkflowReader(store, content, verifier, Clock.systemUTC(), Retries.DEFAULT);
    }
}
