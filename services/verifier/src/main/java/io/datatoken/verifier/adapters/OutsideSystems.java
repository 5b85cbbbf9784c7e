package io.datatoken.verifier.adapters;

import io.datatoken.chain.ChainReaders;
import io.datatoken.content.IpfsContentStore;
import io.datatoken.content.IpfsSettings;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.domain.verification.TermsVerifier;
import io.datatoken.metadata.DdoVerifier;
import io.datatoken.verifier.verification.AssetGrants;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Produces the verifier's read-only view of the chain, the content store and the asset service client. */
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

    /** Base URL of the asset service's REST API, e.g. {@code http://asset:9080/asset/api}. */
    @Inject
    @ConfigProperty(name = "datatoken.asset.url", defaultValue = "http://localhost:9080/asset/api")
    String assetUrl;

    private ChainReaders chain;

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

    @Produces
    @ApplicationScoped
    AssetGrants assetGrants() {
        return new AssetServiceClient(URI.create(assetUrl), Duration.ofSeconds(60));
    }

    /** Singleton, not application scoped: final classes cannot be proxied. */
    @Produces
    @Singleton
    DdoVerifier ddoVerifier() {
        return new DdoVerifier();
    }

    @Produces
    @Singleton
    TermsVerifier termsVerifier() {
        return new TermsVerifier(Clock.systemUTC());
    }
}
