package io.datatoken.asset.adapters;

import io.datatoken.chain.ChainConnection;
import io.datatoken.chain.ChainDeployment;
import io.datatoken.chain.ChainSettings;
import io.datatoken.asset.grants.TermsChecks;
import io.datatoken.chain.KeyVault;
import io.datatoken.asset.endusers.OrganizationLedgers;
import io.datatoken.asset.onboarding.OrganizationAccounts;
import io.datatoken.asset.registration.DataTokenLedgers;
import io.datatoken.chain.Web3jDataTokenLedger;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenLedger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import io.datatoken.chain.Web3jOpLedger;
import io.datatoken.chain.Web3jOrganizationLedger;
import io.datatoken.domain.organization.OrganizationDirectory;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.keycloak.KeycloakOrganizationDirectory;
import io.datatoken.keycloak.KeycloakSettings;
import java.time.Duration;
import java.util.Base64;
import io.datatoken.content.IpfsContentStore;
import io.datatoken.content.IpfsSettings;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.organization.ChainAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Produces the adapters of the chain, the content store, Keycloak and the key vault. */
@ApplicationScoped
public class OutsideSystems {

    @Inject
    OrganizationAccounts accounts;

    /** JSON-RPC endpoint of the EVM chain. */
    @Inject
    @ConfigProperty(name = "datatoken.chain.rpc-url", defaultValue = "http://127.0.0.1:8545")
    String rpcUrl;

    /** Chain id the node must report (guards against signing for the wrong chain). */
    @Inject
    @ConfigProperty(name = "datatoken.chain.id", defaultValue = "31337")
    long chainId;

    /** The deployment record (contract addresses) written when the contracts were deployed. */
    @Inject
    @ConfigProperty(name = "datatoken.chain.deployment-file")
    String deploymentFile;

    /** File holding the platform operator's signing key (hex); a secret, mounted, never in git. */
    @Inject
    @ConfigProperty(name = "datatoken.chain.operator-key-file")
    String operatorKeyFile;

    /** Keycloak's base URL (without /realms), for its Admin REST API. */
    @Inject
    @ConfigProperty(name = "datatoken.keycloak.url", defaultValue = "http://localhost:8180")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "datatoken.keycloak.realm", defaultValue = "datatoken")
    String keycloakRealm;

    /** Confidential client whose service account may manage the realm's organizations and users. */
    @Inject
    @ConfigProperty(name = "datatoken.keycloak.client-id", defaultValue = "datatoken-services")
    String keycloakClientId;

    /** File holding that client's secret (a secret, mounted). */
    @Inject
    @ConfigProperty(name = "datatoken.keycloak.client-secret-file")
    String keycloakClientSecretFile;

    /** File holding the base64 of the 32-byte key that encrypts organizations' chain keys (a secret). */
    @Inject
    @ConfigProperty(name = "datatoken.vault.kek-file")
    String kekFile;

    /** Base URL of the verifier service's API, e.g. {@code http://verifier:9080/verifier/api}. */
    @Inject
    @ConfigProperty(name = "datatoken.verifier.url", defaultValue = "http://localhost:9080/verifier/api")
    String verifierUrl;

    /** Kubo RPC endpoint of the IPFS node. */
    @Inject
    @ConfigProperty(name = "datatoken.ipfs.url", defaultValue = "http://127.0.0.1:5001")
    String ipfsUrl;

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

    private ChainConnection operator;

    /** One connection signs as the platform operator, so its transactions share one nonce sequence. */
    private synchronized ChainConnection operator() {
        if (operator == null) {
            // The key is read when a transaction is signed, so a rotated key file needs no restart.
            operator = ChainConnection.open(chainSettings(() -> read(operatorKeyFile).strip()));
        }
        return operator;
    }

    private ChainSettings chainSettings(Supplier<String> privateKey) {
        return ChainSettings.of(URI.create(rpcUrl), chainId, privateKey);
    }

    /** Organizations' ledgers, one connection (so one nonce sequence) per organization account. */
    private final Map<OrganizationAlias, SignedLedgers> organizationLedgers = new ConcurrentHashMap<>();

    /** Both registries as one organization's account signs them, over its one connection. */
    private record SignedLedgers(ChainConnection connection, DataTokenLedger tokens, OrganizationLedger organizations) {
    }

    private SignedLedgers signedBy(OrganizationAlias organization) {
        // The key is opened from the vault once, when the organization first signs.
        return organizationLedgers.computeIfAbsent(organization, org -> {
            ChainConnection connection = ChainConnection.open(chainSettings(() -> accounts.privateKeyOf(org)));
            return new SignedLedgers(connection, new Web3jDataTokenLedger(connection, contractAddress("DataTokenRegistry")),
                    new Web3jOrganizationLedger(connection, contractAddress("OrganizationRegistry")));
        });
    }

    @PreDestroy
    synchronized void closeChain() {
        organizationLedgers.values().forEach(signed -> signed.connection().close());
        if (operator != null) {
            operator.close();
        }
    }

    @Produces
    @ApplicationScoped
    DataTokenLedgers dataTokenLedgers() {
        ChainAddress registry = contractAddress("DataTokenRegistry");
        DataTokenLedger reader = new Web3jDataTokenLedger(operator(), registry);
        return new DataTokenLedgers() {
            @Override
            public DataTokenLedger reader() {
                return reader;
            }

            @Override
            public DataTokenLedger signedBy(OrganizationAlias organization) {
                return OutsideSystems.this.signedBy(organization).tokens();
            }
        };
    }

    @Produces
    @ApplicationScoped
    OpLedger opLedger() {
        return new Web3jOpLedger(operator(), contractAddress("OpRegistry"));
    }

    @Produces
    @ApplicationScoped
    OrganizationLedger organizationLedger() {
        return new Web3jOrganizationLedger(operator(), contractAddress("OrganizationRegistry"));
    }

    @Produces
    @ApplicationScoped
    OrganizationLedgers organizationLedgers(OrganizationLedger operatorsLedger) {
        return new OrganizationLedgers() {
            @Override
            public OrganizationLedger reader() {
                return operatorsLedger;
            }

            @Override
            public OrganizationLedger signedBy(OrganizationAlias organization) {
                return OutsideSystems.this.signedBy(organization).organizations();
            }
        };
    }

    @Produces
    @ApplicationScoped
    OrganizationDirectory organizationDirectory() {
        return new KeycloakOrganizationDirectory(new KeycloakSettings(URI.create(keycloakUrl), keycloakRealm,
                keycloakClientId, read(keycloakClientSecretFile).strip(), Duration.ofSeconds(15)));
    }

    @Produces
    @ApplicationScoped
    TermsChecks termsChecks() {
        return new VerifierClient(URI.create(verifierUrl), Duration.ofSeconds(60));
    }

    /** Dependent: a final class cannot be proxied; its one user is application scoped anyway. */
    @Produces
    KeyVault keyVault() {
        return new KeyVault(Base64.getDecoder().decode(read(kekFile).strip()));
    }

    private ChainAddress contractAddress(String contract) {
        return ChainDeployment.read(Path.of(deploymentFile)).address(contract);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
