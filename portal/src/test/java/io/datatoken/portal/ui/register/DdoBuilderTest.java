package io.datatoken.portal.ui.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.domain.asset.AssetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DdoBuilderTest {

    private static final String OP_A = "0x" + "1".repeat(64);
    private static final String OP_B = "0x" + "2".repeat(64);
    /** The schema the asset service validates with (the portal may not use its validator, only its shape). */
    private static final Path SCHEMA = Path.of("..", "services", "shared", "metadata", "src", "main", "resources",
            "io", "datatoken", "metadata", "ddo.schema.json");
    private static final Path EXAMPLES = Path.of("..", "services", "shared", "metadata", "src", "test", "resources",
            "io", "datatoken", "metadata");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RegisterForm filled() {
        RegisterForm form = new RegisterForm();
        form.setTitle("  Retail loans 2026 ");
        form.setDescription("loan book");
        form.setOpSet(Set.of(OP_B, OP_A));
        form.setConsumers("fintech-c, regulator");
        form.setExpiry(LocalDate.of(2030, 1, 31));
        form.setMaxUses(10);
        form.setEndpoint(" https://compute.bank-a.example/api/v1 ");
        return form;
    }

    @Test
    void aDataAssetOffersItsOpsOnComputeToDataWithItsTerms() {
        String dt = DdoBuilder.newDt();
        ObjectNode ddo = DdoBuilder.ddo(dt, "bank-a", AssetKind.DATA, filled());

        assertThat(dt).matches("0x[0-9a-f]{64}");
        assertThat(ddo.get("dt").asText()).isEqualTo(dt);
        assertThat(ddo.get("kind").asText()).isEqualTo("DATA");
        assertThat(ddo.get("title").asText()).isEqualTo("Retail loans 2026");
        assertThat(ddo.get("owner").asText()).isEqualTo("bank-a");
        JsonNode service = ddo.get("services").get(0);
        assertThat(service.get("type").asText()).isEqualTo("compute-to-data");
        assertThat(service.get("endpoint").asText()).isEqualTo("https://compute.bank-a.example/api/v1");
        assertThat(texts(service.get("supportedOps"))).containsExactly(OP_A, OP_B);
        JsonNode terms = service.get("terms");
        assertThat(terms.get("allowedOps").get(OP_A).isEmpty()).isTrue();
        assertThat(names(terms.get("allowedOps"))).containsExactly(OP_A, OP_B);
        assertThat(texts(terms.get("consumerOrganizations"))).containsExactly("fintech-c", "regulator");
        assertThat(terms.get("expiresAt").asText()).isEqualTo("2030-01-31T00:00:00Z");
        assertThat(terms.get("maxUses").asInt()).isEqualTo(10);
    }

    @Test
    void aComputeAssetIsANodeAndLeavesOutWhatWasNotGiven() {
        RegisterForm form = new RegisterForm();
        form.setTitle("node");
        form.setEndpoint("http://localhost:9080/compute");
        ObjectNode ddo = DdoBuilder.ddo(DdoBuilder.newDt(), "bank-a", AssetKind.COMPUTE, form);

        assertThat(ddo.has("description")).isFalse();
        JsonNode service = ddo.get("services").get(0);
        assertThat(service.get("type").asText()).isEqualTo("compute-node");
        assertThat(names(service.get("terms"))).containsExactly("allowedOps");
    }

    @Test
    void usesOnlyWhatTheSchemaDefinesAndAllItRequires() throws IOException {
        JsonNode schema = JSON.readTree(Files.readString(SCHEMA));
        ObjectNode ddo = DdoBuilder.ddo(DdoBuilder.newDt(), "bank-a", AssetKind.DATA, filled());

        assertThat(names(ddo)).containsAll(texts(schema.get("required")));
        assertThat(names(schema.get("properties"))).containsAll(names(ddo));
        JsonNode service = ddo.get("services").get(0);
        JsonNode serviceSchema = schema.get("$defs").get("service");
        assertThat(names(service)).containsAll(texts(serviceSchema.get("required")));
        assertThat(names(serviceSchema.get("properties"))).containsAll(names(service));
        assertThat(names(schema.get("$defs").get("terms").get("properties"))).containsAll(names(service.get("terms")));
        assertThat(service.get("type").asText()).matches(serviceSchema.get("properties").get("type").get("pattern").asText());
    }

    @Test
    void hasTheShapeOfTheExampleDdos() throws IOException {
        JsonNode example = JSON.readTree(Files.readString(EXAMPLES.resolve("ddo-data.json")));
        ObjectNode ddo = DdoBuilder.ddo(DdoBuilder.newDt(), "bank-a", AssetKind.DATA, filled());

        assertThat(names(ddo)).containsExactlyInAnyOrderElementsOf(names(example));
        JsonNode exampleService = example.get("services").get(0);
        JsonNode service = ddo.get("services").get(0);
        assertThat(service.get("type")).isEqualTo(exampleService.get("type"));
        assertThat(names(exampleService.get("terms"))).containsAll(names(service.get("terms")));
        JsonNode compute = JSON.readTree(Files.readString(EXAMPLES.resolve("ddo-compute.json")));
        assertThat(DdoBuilder.serviceType(AssetKind.COMPUTE)).isEqualTo(compute.get("services").get(0).get("type").asText());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
