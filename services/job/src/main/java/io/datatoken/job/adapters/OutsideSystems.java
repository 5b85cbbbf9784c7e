package io.datatoken.job.adapters;

import io.datatoken.chain.ChainConnection;
import io.datatoken.chain.ChainReaders;
import io.datatoken.chain.Eip712ExecutionRequests;
import io.datatoken.chain.KeyVault;
import io.datatoken.chain.Web3jTaskMarketLedger;
import io.datatoken.content.IpfsContentStore;
import io.datatoken.content.IpfsSettings;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.job.custody.AccountRegistrar;
import io.datatoken.job.custody.CustodialAccounts;
import io.datatoken.job.market.ExecutionRequestSigner;
import io.datatoken.job.market.TaskMarkets;
import io.datatoken.job.orchestration.ComputeNodes;
import io.datatoken.keycloak.AssetServiceAccounts;
import io.datatoken.keycloak.KeycloakSettings;
import io.datatoken.keycloak.ServiceAccountToken;
import io.datatoken.metadata.DdoVerifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the job service's view of the chain and the content store, its vault, and its clients of
 * the asset service and of the parties' compute nodes.
 */
@ApplicationScoped
public class OutsideSystems {

    /** To connect to a compute node, and again for its answer (it checks the request on chain before it answers). */
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    CustodialAccounts custody;

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

    /** File holding the base64 of this service's 32-byte key-encryption key (a secret). */
    @Inject
    @ConfigProperty(name = "datatoken.vault.kek-file")
    String kekFile;

    /** Base URL of the asset service's API. */
    @Inject
    @ConfigProperty(name = "datatoken.asset.url", defaultValue = "http://localhost:9080/asset/api")
    String assetUrl;

    @Inject
    @ConfigProperty(name = "datatoken.keycloak.url", defaultValue = "http://localhost:8180")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "datatoken.keycloak.realm", defaultValue = "datatoken")
    String keycloakRealm;

    /** Confidential client whose service account has the platform-service role. */
    @Inject
    @ConfigProperty(name = "datatoken.keycloak.client-id", defaultValue = "datatoken-services")
    String keycloakClientId;

    /** File holding that client's secret (a secret, mounted). */
    @Inject
    @ConfigProperty(name = "datatoken.keycloak.client-secret-file")
    String keycloakClientSecretFile;

    /** Kubo RPC endpoint of the IPFS node (the DDOs a job's parties are read from). */
    @Inject
    @ConfigProperty(name = "datatoken.ipfs.url", defaultValue = "http://127.0.0.1:5001")
    String ipfsUrl;

    private ChainReaders chain;
    private ServiceAccountToken serviceAccount;
    private final Map<OrganizationAlias, Signed> signers = new ConcurrentHashMap<>();

    private record Signed(ChainConnection connection, TaskMarketLedger market) {
    }

    private synchronized ChainReaders chain() {
        if (chain == null) {
            chain = ChainReaders.open(URI.create(rpcUrl), chainId, Path.of(deploymentFile));
        }
        return chain;
    }

    @PreDestroy
    synchronized void close() {
        signers.values().forEach(s -> s.connection().close());
        if (chain != null) {
            chain.close();
        }
    }

    @Produces
    @ApplicationScoped
    TaskMarkets taskMarkets() {
        ChainAddress address = chain().address("TaskMarket");
        TaskMarketLedger read = chain().taskMarket();
        return new TaskMarkets() {
            @Override
            public TaskMarketLedger reader() {
                return read;
            }

            @Override
            public TaskMarketLedger signedBy(OrganizationAlias organization) {
                return signers.computeIfAbsent(organization, org -> {
                    ChainConnection connection = ChainConnection.open(chain().settingsFor(() -> custody.privateKeyOf(org)));
                    return new Signed(connection, new Web3jTaskMarketLedger(connection, address));
                }).market();
            }
        };
    }

    @Produces
    @ApplicationScoped
    ExecutionRequestSigner executionRequestSigner() {
        Eip712ExecutionRequests domain = chain().executionRequests();
        return domain::sign;
    }

    @Produces
    @ApplicationScoped
    OrganizationLedger organizationLedger() {
        return chain().organizations();
    }

    @Produces
    @ApplicationScoped
    AccountRegistrar accountRegistrar() {
        return new AssetServiceAccounts(URI.create(assetUrl), serviceAccount())::addAccount;
    }

    @Produces
    @ApplicationScoped
    DataTokenLedger dataTokenLedger() {
        return chain().dataTokens();
    }

    @Produces
    @ApplicationScoped
    ContentStore contentStore() {
        return new IpfsContentStore(IpfsSettings.of(URI.create(ipfsUrl)));
    }

    /** Singleton, not application scoped: a final class cannot be proxied. */
    @Produces
    @Singleton
    DdoVerifier ddoVerifier() {
        return new DdoVerifier();
    }

    @Produces
    @ApplicationScoped
    ComputeNodes computeNodes() {
        return new HttpComputeNodes(NODE_TIMEOUT);
    }

    /** One token for every call this service makes as itself, renewed shortly before it expires. */
    private synchronized ServiceAccountToken serviceAccount() {
        if (serviceAccount == null) {
            serviceAccount = new ServiceAccountToken(new KeycloakSettings(URI.create(keycloakUrl), keycloakRealm,
                    keycloakClientId, read(keycloakClientSecretFile).strip(), Duration.ofSeconds(15)));
        }
        return serviceAccount;
    }

    /** Dependent: a final class cannot be proxied. */
    @Produces
    KeyVault keyVault() {
        return new KeyVault(Base64.getDecoder().decode(read(kekFile).strip()));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
