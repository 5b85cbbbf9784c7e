package io.datatoken.tracer.refusals;

import io.datatoken.chain.ChainReaders;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces {@link ReportingRights} read from the chain the index follows (the same keys as the
 * tracer's adapters, read-only, a throw-away key that never signs). A connection of its own, so the
 * refusals need nothing from the index's wiring.
 */
@ApplicationScoped
public class ChainReportingRights {

    @Inject
    @ConfigProperty(name = "datatoken.chain.rpc-url", defaultValue = "http://127.0.0.1:8545")
    String rpcUrl;

    @Inject
    @ConfigProperty(name = "datatoken.chain.id", defaultValue = "31337")
    long chainId;

    @Inject
    @ConfigProperty(name = "datatoken.chain.deployment-file")
    String deploymentFile;

    private ChainReaders chain;

    /** Opened on first use: a deployment record written after the start is read then. */
    private synchronized ChainReaders chain() {
        if (chain == null) {
            chain = ChainReaders.open(URI.create(rpcUrl), chainId, Path.of(deploymentFile));
        }
        return chain;
    }

    @PreDestroy
    synchronized void closeChain() {
        if (chain != null) {
            chain.close();
        }
    }

    @Produces
    @ApplicationScoped
    ReportingRights reportingRights() {
        return new LedgerReportingRights(chain().organizations(), chain().dataTokens());
    }
}
