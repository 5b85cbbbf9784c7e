package io.datatoken.compute.adapters;

import io.datatoken.chain.ChainReaders;
import io.datatoken.chain.Eip712ExecutionRequests;
import io.datatoken.compute.datasets.CsvMatrices;
import io.datatoken.compute.device.AssetListing;
import io.datatoken.compute.datasets.JdbcMatrices;
import io.datatoken.compute.executions.RequestSignatures;
import io.datatoken.content.IpfsContentStore;
import io.datatoken.content.IpfsSettings;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.metadata.DdoCodec;
import io.datatoken.metadata.DdoVerifier;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.datatoken.compute.kubernetes.KubernetesOps;
import io.datatoken.compute.ops.OpLibraries;
import io.datatoken.compute.ops.OpRunner;
import io.datatoken.compute.runs.NodeAccount;
import io.datatoken.compute.runs.NodeParty;
import io.datatoken.compute.runs.PartyStateSeal;
import io.datatoken.compute.runs.PeerNodes;
import io.datatoken.compute.refusals.TracerReports;
import io.datatoken.keycloak.AssetServiceAccounts;
import io.datatoken.keycloak.KeycloakSettings;
import io.datatoken.keycloak.ServiceAccountToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Supplier;
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

    /** The organization (or, on a device node, its end user) this node runs for; its account acts for it on chain. */
    @Inject
    NodeParty party;

    /** File holding the node's own chain private key (0x + 64 hex; a secret, mounted). */
    @Inject
    @ConfigProperty(name = "datatoken.compute.node-key-file")
    String nodeKeyFile;

    /** Python interpreter that runs ops (isolated mode, no site packages). */
    @Inject
    @ConfigProperty(name = "datatoken.compute.python", defaultValue = "/usr/bin/python3")
    String python;

    /** The launcher of JAR ops; by default the JVM this node runs on. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.java")
    Optional<String> java;

    /** Where the node keeps the library jars JVM ops name by hash (decision 0017); absent: JVM ops needing one fail. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.jvm-libraries", defaultValue = "jvm-libraries")
    String jvmLibraries;

    /** prlimit binary that caps an op's memory, CPU time and files; {@code none} runs ops without rlimits. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.prlimit", defaultValue = "/usr/bin/prlimit")
    Optional<String> prlimit;

    /** Wall-clock limit of one op run. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.op.time-limit", defaultValue = "PT5M")
    Duration opTimeLimit;

    /** Address-space limit of one op run, in bytes. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.op.memory-bytes", defaultValue = "2147483648")
    long opMemoryBytes;

    /** Where ops run: {@code process} (a child process of the node) or {@code kubernetes} (a Job each). */
    @Inject
    @ConfigProperty(name = "datatoken.compute.executor", defaultValue = "process")
    String executor;

    @Inject
    KubernetesOps kubernetes;

    /** How long the node waits for a peer node to take a transfer. */
    @Inject
    @ConfigProperty(name = "datatoken.compute.delivery.timeout", defaultValue = "PT30S")
    Duration deliveryTimeout;

    /**
     * Base URL of the tracer service (e.g. http://localhost:9080/tracer) the node reports its refusals
     * to; none: reporting is off and refusals wait in the node's outbox.
     */
    @Inject
    @ConfigProperty(name = "datatoken.compute.tracer-url")
    Optional<String> tracerUrl;

    /**
     * Base URL of the asset service's API (adds the node's account to its organization; lists a device's
     * end user's tokens in the catalog).
     */
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

    /** The node's own database, where JDBC-bound dataset tables live. */
    @Resource(lookup = "jdbc/compute")
    DataSource database;

    private ChainReaders chain;
    private ChainNodeAccount nodeAccount;

    private synchronized ChainReaders chain() {
        if (chain == null) {
            chain = ChainReaders.open(URI.create(rpcUrl), chainId, Path.of(deploymentFile));
        }
        return chain;
    }

    @PreDestroy
    synchronized void close() {
        if (nodeAccount != null) {
            nodeAccount.close();
        }
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

    @Produces
    @ApplicationScoped
    synchronized NodeAccount nodeAccount() {
        Supplier<String> key = () -> read(nodeKeyFile).strip();
        nodeAccount = new ChainNodeAccount(key, party.organization(), party.endUser(), chain(),
                new AssetServiceAccounts(URI.create(assetUrl), new ServiceAccountToken(new KeycloakSettings(
                        URI.create(keycloakUrl), keycloakRealm, keycloakClientId, read(keycloakClientSecretFile).strip(),
                        Duration.ofSeconds(15)))));
        return nodeAccount;
    }

    /** Seals parties' state between op steps with a key derived from the node's own key (decision 0018). */
    @Produces
    @Singleton
    PartyStateSeal partyStateSeal() {
        return PartyStateSeal.derivedFrom(read(nodeKeyFile));
    }

    @Produces
    @ApplicationScoped
    PeerNodes peerNodes() {
        return new HttpPeerNodes(deliveryTimeout);
    }

    @Produces
    @ApplicationScoped
    AssetListing assetListing() {
        return new HttpAssetListing(URI.create(assetUrl), deliveryTimeout);
    }

    @Produces
    @ApplicationScoped
    TracerReports tracerReports() {
        return tracerUrl.map(String::strip).filter(url -> !url.isEmpty())
                .<TracerReports>map(url -> new HttpTracerReports(URI.create(url), deliveryTimeout))
                .orElse(TracerReports.OFF);
    }

    @Produces
    @Singleton
    OpLibraries opLibraries() {
        return new OpLibraries(Path.of(jvmLibraries).toAbsolutePath().normalize());
    }

    @Produces
    @Singleton
    OpRunner opRunner() {
        Path limits = prlimit.filter(p -> !p.isBlank() && !p.equals("none")).map(Path::of).orElse(null);
        Path launcher = java.map(String::strip).filter(j -> !j.isEmpty()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
        OpRunner.Executor elsewhere = switch (executor.strip()) {
            case "process" -> null;
            case "kubernetes" -> kubernetes.executor(opTimeLimit, opMemoryBytes);
            default -> throw new IllegalStateException("datatoken.compute.executor is '" + executor
                    + "'; known: process, kubernetes");
        };
        return new OpRunner(Path.of(python), launcher, limits, opTimeLimit, opMemoryBytes, elsewhere);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Singleton, not application scoped: a final class cannot be proxied. */
    @Produces
    @Singleton
    DdoVerifier ddoVerifier() {
        return new DdoVerifier();
    }

    /** Parses and canonicalizes the DDOs a device node's end user registers. */
    @Produces
    @Singleton
    DdoCodec ddoCodec() {
        return new DdoCodec();
    }
}
