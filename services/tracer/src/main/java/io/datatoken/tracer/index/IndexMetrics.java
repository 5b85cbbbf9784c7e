package io.datatoken.tracer.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The index's lag as a metric ({@code /metrics?scope=application}), for alerting on an indexer that
 * falls behind: blocks between the chain's head and the last applied block, read at each scrape; -1
 * while the chain or the index cannot be read (the readiness check then says why).
 */
@ApplicationScoped
public class IndexMetrics {

    static final String LAG = "datatoken.tracer.index.lag";

    @Inject
    Indexer indexer;

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        registry.gauge(Metadata.builder().withName(LAG).withUnit(MetricUnits.NONE)
                .withDescription("Blocks between the chain's head and the index's last applied block; -1 while "
                        + "either cannot be read").build(), this::lag);
    }

    long lag() {
        try {
            return indexer.lag();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
