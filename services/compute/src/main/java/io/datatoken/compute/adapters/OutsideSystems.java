package io.datatoken.compute.adapters;

import io.datatoken.chain.ChainReaders;
import io.datatoken.chain.Eip712ExecutionRequests;
import io.datatoken.compute.datasets.CsvMatrices;
import io.datatoken.compute.datasets.JdbcMatrices;
import io.datatoken.compute.executions.RequestSignatures;
import io.datatoken.content.IpfsContentStore;
import io.datatoken.content.IpfsSettings;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.metadata.DdoVerifier;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The node's own read-only view of the chain and the content store: it trusts no service's copy. */
@ApplicationScoped
public class OutsideSystems {

    /** JSON-RPC endpoint of the EVM chain. */
    @Inject
    @ConfigProperty(name = "datatoken.chain.rpc-url", defaultValue = "http://127.0.0.1:8545")
    String rpcUrl;

    /** Chain id the node must report; also the EIP-712 domain of execution requests. */
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

    /** Directory of the node's CSV datasets; locations are relative to it and never leave it. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.datasets-dir", defaultValue = "datasets")
    String datasetsDir;

    /** The node's own database, where JDBC-bound dataset tables live. */
    @Resource(lookup = "jdbc/compute")
    DataSource database;

    private ChainReaders chain;

    private synchronized ChainReaders chain() {
        if (chain == null) {
            chain = ChainReaders.open(URI.create(rpcUrl), chainId, Path.of(deploymentFile));
        }
        return chain;
    }

    @PreDestroy
    synchronized void close() {
        if (chain != null) {
            chain.close();
        }
    }

    @Produces
    @ApplicationScoped
    DataTokenLedger dataTokenLedger() {
        return chain().dataTokens();
    }

    @Produces
    @ApplicationScoped
    OpLedger opLedger() {
        return chain().ops();
    }

    @Produces
    @ApplicationScoped
    OrganizationLedger organizationLedger() {
        return chain().organizations();
    }

    @Produces
    @ApplicationScoped
    TaskMarketLedger taskMarketLedger() {
        return chain().taskMarket();
    }

    @Produces
    @ApplicationScoped
    RequestSignatures requestSignatures() {
        Eip712ExecutionRequests domain = chain().executionRequests();
        return signed -> {
            try {
                return Optional.of(domain.signerOf(signed));
            } catch (IllegalArgumentException unrecoverable) {
                return Optional.empty();
            }
        };
    }

    @Produces
    @ApplicationScoped
    ContentStore contentStore() {
        return new IpfsContentStore(IpfsSettings.of(URI.create(ipfsUrl)));
    }

    @Produces
    @Singleton
    CsvMatrices csvMatrices() {
        return new CsvMatrices(Path.of(datasetsDir));
    }

    @Produces
    @Singleton
    JdbcMatrices jdbcMatrices() {
        return new JdbcMatrices(database);
    }

    /** Singleton, not application scoped: a final class cannot be proxied. */
    @Produces
    @Singleton
    DdoVerifier ddoVerifier() {
        return new DdoVerifier();
    }
}
