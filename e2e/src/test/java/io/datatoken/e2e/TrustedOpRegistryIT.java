package io.datatoken.e2e;

import static io.datatoken.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The admin publishes trusted ops through the asset service: the package's sha-256 goes on chain,
 * the package into IPFS; every bad request is refused with a problem report and publishes nothing.
 */
class TrustedOpRegistryIT {

    private static final String OPS = "/asset/api/v1/ops";
    private static final String OCTETS = "application/octet-stream";
    private final Stack stack = Stack.current();
    private final String admin = stack.tokenOf("admin");

    @Test
    void the_admin_publishes_an_op_whose_hash_is_on_chain_and_package_in_the_content_store() throws Exception {
        byte[] codePackage = randomPackage(2048);
        String name = uniqueName();

        var published = stack.post(OPS + "?name=" + name + "&version=1.0.0", admin, OCTETS, codePackage);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        JsonNode op = Stack.JSON.readTree(published.body());
        assertThat(op.get("opHash").asText()).isEqualTo("0x" + sha256(codePackage));
        assertThat(op.get("deprecated").asBoolean()).isFalse();
        assertThat(published.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(OPS + "/" + op.get("opHash").asText()));
        assertThat(fromIpfs(op.get("codeCid").asText())).isEqualTo(codePackage);

        var read = stack.get(OPS + "/" + op.get("opHash").asText(), stack.tokenOf("alice"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Stack.JSON.readTree(read.body()).get("name").asText()).isEqualTo(name);
    }

    @Test
    void the_same_package_or_the_same_name_and_version_is_refused_as_a_conflict() throws IOException {
        byte[] codePackage = randomPackage(512);
        String name = uniqueName();
        assertThat(stack.post(OPS + "?name=" + name + "&version=1", admin, OCTETS, codePackage).statusCode()).isEqualTo(201);

        var samePackage = stack.post(OPS + "?name=" + name + "&version=2", admin, OCTETS, codePackage);
        var sameVersion = stack.post(OPS + "?name=" + name + "&version=1", admin, OCTETS, randomPackage(512));

        assertProblem(samePackage, 409, "op-exists");
        assertProblem(sameVersion, 409, "version-exists");
    }

    @Test
    void deprecating_keeps_the_op_readable_but_marks_it() throws IOException {
        byte[] codePackage = randomPackage(256);
        var published = stack.post(OPS + "?name=" + uniqueName() + "&version=1", admin, OCTETS, codePackage);
        String opHash = Stack.JSON.readTree(published.body()).get("opHash").asText();

        var deprecated = stack.post(OPS + "/" + opHash + "/deprecation", admin, OCTETS, new byte[0]);

        assertThat(deprecated.statusCode()).as(deprecated.body()).isEqualTo(200);
        assertThat(Stack.JSON.readTree(stack.get(OPS + "/" + opHash, admin).body()).get("deprecated").asBoolean()).isTrue();
    }

    @Test
    void the_list_holds_every_op_by_name_and_version_and_filters_on_deprecation() throws IOException {
        String name = uniqueName();
        String v10 = opHashOf(stack.post(OPS + "?name=" + name + "&version=1.10.0", admin, OCTETS, randomPackage(128)));
        String v9 = opHashOf(stack.post(OPS + "?name=" + name + "&version=1.9.0", admin, OCTETS, randomPackage(128)));
        assertThat(stack.post(OPS + "/" + v9 + "/deprecation", admin, OCTETS, new byte[0]).statusCode()).isEqualTo(200);
        String alice = stack.tokenOf("alice");

        JsonNode all = listed(OPS, alice);
        JsonNode usable = listed(OPS + "?deprecated=false", alice);
        JsonNode deprecated = listed(OPS + "?deprecated=true", alice);

        assertThat(hashesOf(all, name)).containsExactly(v9, v10);
        assertThat(all).filteredOn(op -> op.get("opHash").asText().equals(v10)).singleElement().satisfies(op -> {
            assertThat(op.get("version").asText()).isEqualTo("1.10.0");
            assertThat(op.get("deprecated").asBoolean()).isFalse();
            assertThat(op.get("codeCid").asText()).isNotBlank();
            assertThat(op.get("publishedAt").asText()).endsWith("Z");
        });
        assertThat(hashesOf(usable, name)).containsExactly(v10);
        assertThat(hashesOf(deprecated, name)).containsExactly(v9);
        assertThat(all).extracting(op -> op.get("name").asText() + " " + op.get("version").asText())
                .as("sorted by name").isSortedAccordingTo(Comparator.comparing(s -> s.split(" ")[0]));
        assertProblem(stack.get(OPS + "?deprecated=maybe", alice), 400, "malformed-deprecated");
    }

    @Test
    void only_the_admin_publishes() throws IOException {
        var response = stack.post(OPS + "?name=" + uniqueName() + "&version=1", stack.tokenOf("alice"), OCTETS,
                randomPackage(64));

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void bad_requests_are_refused_with_a_reason_and_publish_nothing() throws IOException {
        assertProblem(stack.post(OPS + "?version=1", admin, OCTETS, randomPackage(64)), 400, "missing-parameter");
        assertProblem(stack.post(OPS + "?name=" + uniqueName() + "&version=1", admin, OCTETS, new byte[0]), 400,
                "empty-package");
        byte[] oversize = randomPackage(256 * 1024 + 1);
        assertProblem(stack.post(OPS + "?name=" + uniqueName() + "&version=1", admin, OCTETS, oversize), 413,
                "package-too-large");
        assertProblem(stack.get(OPS + "/0x12", admin), 400, "malformed-op-hash");
        assertProblem(stack.get(OPS + "/0x" + sha256(oversize), admin), 404, "unknown-op");
    }


    private static String opHashOf(HttpResponse<String> published) throws IOException {
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        return Stack.JSON.readTree(published.body()).get("opHash").asText();
    }

    private JsonNode listed(String path, String token) throws IOException {
        var response = stack.get(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.JSON.readTree(response.body());
    }

    /** The hashes of the listed ops of that name, in the list's order. */
    private static List<String> hashesOf(JsonNode ops, String name) {
        List<String> hashes = new ArrayList<>();
        ops.forEach(op -> {
            if (op.get("name").asText().equals(name)) {
                hashes.add(op.get("opHash").asText());
            }
        });
        return hashes;
    }

    private byte[] fromIpfs(String cid) {
        return Stack.sendForBytes(HttpRequest.newBuilder(URI.create(stack.ipfsRpc() + "/api/v0/cat?arg=" + cid))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String uniqueName() {
        return "op-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] randomPackage(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
