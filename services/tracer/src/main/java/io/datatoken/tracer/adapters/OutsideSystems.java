package io.datatoken.tracer.adapters;

import io.datatoken.chain.ChainReaders;
import io.datatoken.content.IpfsContentStore;
import io.datatoken.content.IpfsSettings;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.ledger.ChainLog;
import io.datatoken.tracer.refusals.LedgerReportingRights;
import io.datatoken.tracer.refusals.ReportingRights;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the tracer's read-only views of the outside: the chain (the platform contracts' events for
 * the index, and who may report a DT's refusals) and the content store (compositions' documents, for
 * the ops of their workflows).
 */
@ApplicationScoped
public class OutsideSystems {

    /** JSON-RPC endpoint of the EVM chain. */
    @Inject
    @ConfigProperty(name = "datatoken.chain.rpc-url", defaultValue = "http://127.0.0.1:8545")
    String rpcUrl;

    /** Chain id the node must report. */
    @Inject
    @ConfigProperty(name = "datatoken.chain.id", defaultValue = "31337")
    long chainId;

    /** The deployment record (contract addresses). */
    @Inject
    @ConfigProperty(name = "datatoken.chain.deployment-file")
    String deploymentFile;

    /** Kubo RPC endpoint of the IPFS node. */
    @Inject
    @ConfigProperty(name = "datatoken.ipfs.url", defaultValue = "http://127.0.0.1:5001")
    String ipfsUrl;

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
    ChainLog chainLog() {
        return chain().chainLog();
    }

    /** Who may report a DT's refusals: accounts of its owner, read from the chain (read only, never signs). */
    @Produces
    @ApplicationScoped
    ReportingRights reportingRights() {
        return new LedgerReportingRights(chain().organizations(), chain().dataTokens());
    }

    @Produces
    @ApplicationScoped
    ContentStore contentStore() {
        return new IpfsContentStore(IpfsSettings.of(URI.create(ipfsUrl)));
    }

    void close(@Disposes ContentStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing on shutdown: nothing left to do
            }
        }
    }
}
