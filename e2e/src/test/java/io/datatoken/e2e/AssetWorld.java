package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.chain.ChainConnection;
import io.datatoken.chain.ChainSettings;
import io.datatoken.chain.Web3jDataTokenLedger;
import io.datatoken.content.IpfsContentStore;
import io.datatoken.content.IpfsSettings;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.metadata.DdoCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * What the asset tests share on the running stack: the banks and the fintech registered on chain,
 * three fresh ops (one deprecated), readers of the chain and the content store behind the
 * services, and DDO builders. Set up once per test JVM; the JVM's end releases the connections.
 */
final class AssetWorld {

    static final String ASSETS = "/asset/api/v1/assets";
    static final String JSON_TYPE = "application/json";
    static final SecureRandom RANDOM = new SecureRandom();

    static Stack stack;
    static String opShare;
    static String opSum;
    static String opDeprecated;
    static ChainConnection operator;
    static Web3jDataTokenLedger chain;
    static IpfsContentStore ipfs;

    private AssetWorld() {
    }

    static synchronized void enter() {
        if (stack != null) {
            return;
        }
        try {
            Stack current = Stack.current();
            stack = current;
            String admin = stack.tokenOf("admin");
            adopt(admin, "bank-a", "[\"data-provider\",\"compute-provider\"]");
            adopt(admin, "bank-b", "[\"data-provider\",\"compute-provider\"]");
            adopt(admin, "fintech-c", "[\"algorithm-provider\",\"data-user\"]");
            opShare = publishOp(admin);
            opSum = publishOp(admin);
            opDeprecated = publishOp(admin);
            assertThat(stack.post("/asset/api/v1/ops/" + opDeprecated + "/deprecation", admin, "application/octet-stream",
                    new byte[0]).statusCode()).isEqualTo(200);
            operator = ChainConnection.open(ChainSettings.of(URI.create(stack.chainRpc()), 31337, stack::operatorKey));
            chain = new Web3jDataTokenLedger(operator, contract("DataTokenRegistry"));
            ipfs = new IpfsContentStore(IpfsSettings.of(URI.create(stack.ipfsRpc())));
        } catch (IOException e) {
            stack = null;
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> register(String token, String ddo) {
        return stack.post(ASSETS, token, JSON_TYPE, bytes(ddo));
    }

    static JsonNode created(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode asset = Stack.JSON.readTree(response.body());
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(ASSETS + "/" + asset.get("dt").asText()));
        return asset;
    }

    static String dataDdo(String dt, String owner, String consumer) {
        return "{\"dt\":\"" + dt + "\",\"kind\":\"DATA\",\"title\":\"Loans\",\"description\":\"loan book of " + owner
                + "\",\"owner\":\"" + owner + "\",\"services\":[{\"type\":\"compute-to-data\"," + endpointOf(owner)
                + "\"supportedOps\":[\"" + opShare + "\"],\"terms\":{\"allowedOps\":{\"" + opShare + "\":{\"rows\":100000}},"
                + "\"consumerOrganizations\":[" + (consumer.isEmpty() ? "" : "\"" + consumer + "\"")
                + "],\"purpose\":\"joint risk features\",\"maxUses\":5}}]}";
    }

    static String computeDdo(String dt, String owner, String consumer) {
        return "{\"dt\":\"" + dt + "\",\"kind\":\"COMPUTE\",\"title\":\"Compute node\",\"owner\":\"" + owner
                + "\",\"services\":[{\"type\":\"compute\"," + endpointOf(owner)
                + "\"supportedOps\":[\"" + opSum + "\"],\"terms\":{\"allowedOps\":{\"" + opSum + "\":{}},"
                + "\"consumerOrganizations\":[\"" + consumer + "\"]}}]}";
    }

    static String algorithmDdo(String dt, String owner, Map<String, String> workflow) {
        StringBuilder children = new StringBuilder();
        StringBuilder setOps = new StringBuilder();
        workflow.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            children.append(children.isEmpty() ? "" : ",").append('"').append(e.getKey()).append('"');
            setOps.append(setOps.isEmpty() ? "" : ",").append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
        });
        return "{\"dt\":\"" + dt + "\",\"kind\":\"ALGORITHM\",\"title\":\"Joint risk features\",\"owner\":\"" + owner
                + "\",\"services\":[{\"type\":\"workflow\"," + endpointOf(owner) + "\"childDts\":[" + children
                + "],\"workflow\":{\"setOps\":{" + setOps + "},\"configs\":{\"rounds\":\"1\"}},\"terms\":{\"purpose\":\"joint risk features\"}}]}";
    }

    /** {@code "endpoint":"<the owner's compute node>",} when the stack runs one for the owner, else nothing. */
    private static String endpointOf(String owner) {
        try {
            return "\"endpoint\":\"" + stack.computeNode(owner) + "\",";
        } catch (IllegalStateException noNode) {
            return "";
        }
    }

    static String withTitle(String ddo, String title) {
        try {
            ObjectNode tree = (ObjectNode) Stack.JSON.readTree(ddo);
            tree.put("title", title);
            return Stack.JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String canonicalOf(String ddo) {
        var codec = new DdoCodec();
        return new String(codec.canonicalBytes(codec.parse(bytes(ddo))), StandardCharsets.UTF_8);
    }

    static void adopt(String admin, String alias, String roles) {
        var response = stack.post("/asset/api/v1/organizations/" + URLEncoder.encode(alias, StandardCharsets.UTF_8)
                + "/registration", admin, JSON_TYPE, bytes("{\"roles\":" + roles + "}"));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201, 409);
    }

    static String publishOp(String admin) throws IOException {
        byte[] codePackage = new byte[128];
        RANDOM.nextBytes(codePackage);
        var response = stack.post("/asset/api/v1/ops?name=op-" + UUID.randomUUID().toString().substring(0, 8)
                + "&version=1.0.0", admin, "application/octet-stream", codePackage);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Stack.JSON.readTree(response.body()).get("opHash").asText();
    }

    static ChainAddress contract(String name) {
        try {
            return ChainAddress.of(Stack.JSON.readTree(stack.deployment().toFile()).at("/contracts/" + name + "/address").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String newDt() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return "0x" + HexFormat.of().formatHex(id);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** bank-a's and bank-b's data (offered to fintech-c) and fintech-c's algorithm over both, running ss-share. */
    static Composition twoBanksAndAnAlgorithm(String alice, String bob, String carol) throws IOException {
        Composition c = new Composition(newDt(), newDt(), newDt());
        created(register(alice, dataDdo(c.aData(), "bank-a", "fintech-c")));
        created(register(bob, dataDdo(c.bData(), "bank-b", "fintech-c")));
        created(register(carol, algorithmDdo(c.algorithm(), "fintech-c", Map.of(c.aData(), opShare, c.bData(), opShare))));
        return c;
    }

    /** The dts of a composition and its two children. */
    record Composition(String aData, String bData, String algorithm) {
    }
}
