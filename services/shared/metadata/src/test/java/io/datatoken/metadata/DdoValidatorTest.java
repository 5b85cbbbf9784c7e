package io.datatoken.metadata;

import static io.datatoken.metadata.Documents.A;
import static io.datatoken.metadata.Documents.D;
import static io.datatoken.metadata.Documents.OP_1;
import static io.datatoken.metadata.Documents.bytes;
import static io.datatoken.metadata.Documents.firstService;
import static io.datatoken.metadata.Documents.tree;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.domain.asset.Violation;
import io.datatoken.domain.content.ContentStore;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DdoValidatorTest {

    private static final DdoValidator VALIDATOR = new DdoValidator();

    @ParameterizedTest
    @ValueSource(strings = {Documents.DATA, Documents.COMPUTE, Documents.ALGORITHM})
    void accepts_a_valid_ddo_of_each_kind(String document) {
        assertThat(VALIDATOR.validate(bytes(document))).isEmpty();
    }

    @Test
    void names_a_missing_dt() {
        ObjectNode ddo = tree(Documents.DATA);
        ddo.remove("dt");

        assertThat(violations(ddo)).containsExactly(new Violation("/dt", "'dt' is required"));
    }

    @Test
    void names_a_dt_that_is_not_hex32() {
        ObjectNode ddo = tree(Documents.DATA);
        ddo.put("dt", "0x" + "g".repeat(64));

        assertThat(violations(ddo)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("/dt");
            assertThat(v.message()).contains("'0x" + "g".repeat(64) + "' must be 0x followed by 64 lower-case hex digits");
        });
    }

    @Test
    void names_an_unknown_kind() {
        ObjectNode ddo = tree(Documents.DATA);
        ddo.put("kind", "MODEL");

        assertThat(violations(ddo)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("/kind");
            assertThat(v.message()).contains("DATA", "COMPUTE", "ALGORITHM");
        });
    }

    @Test
    void names_a_malformed_op_hash() {
        ObjectNode ddo = tree(Documents.DATA);
        firstService(ddo).withArray("/supportedOps").set(1, "0x1234");

        assertThat(violations(ddo)).extracting(Violation::path).containsExactly("/services/0/supportedOps/1");
    }

    @Test
    void names_a_workflow_op_set_for_a_service_that_is_not_a_child() {
        ObjectNode ddo = tree(Documents.ALGORITHM);
        ObjectNode service = firstService(ddo);
        service.withArray("/childDts").remove(1);

        assertThat(violations(ddo)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("/services/0/workflow/setOps/" + D);
            assertThat(v.message()).contains("not one of this service's childDts");
        });
    }

    @Test
    void names_the_kind_rules_the_schema_cannot_express() {
        ObjectNode data = tree(Documents.DATA);
        firstService(data).putArray("childDts").add(D);
        ObjectNode algorithm = tree(Documents.ALGORITHM);
        ObjectNode service = firstService(algorithm);
        service.remove("childDts");
        service.remove("workflow");

        assertThat(violations(data)).extracting(Violation::path).containsExactly("/services/0/childDts");
        assertThat(violations(algorithm)).extracting(Violation::path).containsExactly("/services");
    }

    @Test
    void rejects_an_oversize_document_without_parsing_it() {
        byte[] oversize = new byte[ContentStore.MAX_CONTENT_BYTES + 1];
        Arrays.fill(oversize, (byte) '{'); // not JSON either: only the size may be reported

        assertThat(VALIDATOR.validate(oversize)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEmpty();
            assertThat(v.message()).contains(String.valueOf(oversize.length), String.valueOf(ContentStore.MAX_CONTENT_BYTES));
        });
    }

    @Test
    void honours_a_configured_size_limit() {
        assertThat(new DdoValidator(64).validate(bytes(Documents.DATA))).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("at most 64 bytes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"dt\":", "{} {}", "{\"dt\":\"x\",\"dt\":\"y\"}"})
    void rejects_what_is_not_one_json_document(String text) {
        assertThat(VALIDATOR.validate(text.getBytes(UTF_8))).singleElement().satisfies(v -> {
            assertThat(v.path()).isEmpty();
            assertThat(v.message()).containsAnyOf("not JSON", "empty");
        });
    }

    @Test
    void rejects_bytes_that_are_not_utf8() {
        assertThat(VALIDATOR.validate(new byte[] {'"', (byte) 0xC3, '"'})).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("UTF-8"));
    }

    @Test
    void names_values_of_the_wrong_type() {
        ObjectNode ddo = tree(Documents.DATA);
        ddo.put("title", 42);
        ObjectNode terms = (ObjectNode) firstService(ddo).get("terms");
        terms.put("maxUses", "ten");
        terms.putArray("allowedOps");

        assertThat(violations(ddo)).extracting(Violation::path)
                .containsExactly("/services/0/terms/allowedOps", "/services/0/terms/maxUses", "/title");
    }

    @Test
    void rejects_unknown_properties() {
        ObjectNode ddo = tree(Documents.DATA);
        ddo.put("proof", A);
        firstService(ddo).put("price", 3);

        assertThat(violations(ddo)).containsExactly(
                new Violation("/proof", "'proof' is not a known property here; remove it or check its spelling"),
                new Violation("/services/0/price", "'price' is not a known property here; remove it or check its spelling"));
    }

    @Test
    void names_a_malformed_expiry_and_endpoint() {
        ObjectNode ddo = tree(Documents.DATA);
        ObjectNode service = firstService(ddo);
        service.put("endpoint", "not a uri");
        ((ObjectNode) service.get("terms")).put("expiresAt", "next year");

        assertThat(violations(ddo)).extracting(Violation::path)
                .containsExactly("/services/0/endpoint", "/services/0/terms/expiresAt");
    }

    @Test
    void names_a_malformed_key_of_allowed_ops() {
        ObjectNode ddo = tree(Documents.DATA);
        ObjectNode allowed = (ObjectNode) firstService(ddo).get("terms").get("allowedOps");
        allowed.set("op-1", allowed.get(OP_1));

        assertThat(violations(ddo)).extracting(Violation::path).allMatch(p -> p.startsWith("/services/0/terms/allowedOps"));
        assertThat(violations(ddo)).isNotEmpty();
    }

    private static List<Violation> violations(ObjectNode ddo) {
        return VALIDATOR.validate(Documents.bytes(ddo));
    }
}
