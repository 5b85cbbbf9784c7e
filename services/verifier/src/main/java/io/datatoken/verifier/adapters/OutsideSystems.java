package io.datatoken.verifier.adapters;

import io.datatoken.chain.ChainAccounts;
import io.datatoken.chain.ChainConnection;
import io.datatoken.chain.ChainDeployment;
import io.datatoken.chain.ChainSettings;
import io.datatoken.chain.Web3jDataTokenLedger;
import io.datatoken.chain.Web3jOpLedger;
import io.datatoken.chain.Web3jOrganizationLedger;
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

    private ChainConnection reader;

    /** The verifier never signs: its connection's key is a throw-away one, used for reads only. */
    private synchronized ChainConnection reader() {
        if (reader == null) {
            String throwAway = ChainAccounts.generate().privateKey();
            reader = ChainConnection.open(ChainSettings.of(URI.create(rpcUrl), chainId, () -> throwAway));
        }
        return reader;
    }

    @PreDestroy
    synchronized void closeChain() {
        if (reader != null) {
            reader.close();
        }
    }

    @Produces
    @ApplicationScoped
    DataTokenLedger dataTokenLedger() {
        return new Web3jDataTokenLedger(reader(), ChainDeployment.read(Path.of(deploymentFile)).address("DataTokenRegistry"));
    }

    @Produces
    @ApplicationScoped
    OpLedger opLedger() {
        return new Web3jOpLedger(reader(), ChainDeployment.read(Path.of(deploymentFile)).address("OpRegistry"));
    }

    @Produces
    @ApplicationScoped
    OrganizationLedger organizationLedger() {
        return new Web3jOrganizationLedger(reader(), ChainDeployment.read(Path.of(deploymentFile))
                .address("OrganizationRegistry"));
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
