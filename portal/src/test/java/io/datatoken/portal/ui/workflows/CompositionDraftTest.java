package io.datatoken.portal.ui.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.portal.services.Asset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositionDraftTest {

    private static final String DRAFT = "0x" + "c".repeat(64);
    private static final String SHARE = "0x" + "1".repeat(64);
    private static final String SUM = "0x" + "2".repeat(64);
    private static final String OTHER = "0x" + "3".repeat(64);
    private static final Asset A_DATA = asset("0x" + "a".repeat(64), "bank-a", "DATA", SHARE, OTHER);
    private static final Asset B_DATA = asset("0x" + "b".repeat(64), "bank-b", "DATA", SHARE);
    private static final Asset A_NODE = asset("0x" + "d".repeat(64), "bank-a", "COMPUTE", SUM);
    private static final Path SCHEMA = Path.of("..", "services", "shared", "metadata", "src", "main", "resources",
            "io", "datatoken", "metadata", "ddo.schema.json");
    private static final Path ALGORITHM_EXAMPLE = Path.of("..", "services", "shared", "metadata", "src", "test",
            "resources", "io", "datatoken", "metadata", "ddo-algorithm.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void childrenKeepTheOrderTheyWerePickedInAndAnOnlyOfferedOpIsPreselected() {
        CompositionDraft draft = new CompositionDraft(DRAFT, "fintech-c");

        assertThat(draft.add(A_DATA)).isTrue();
        assertThat(draft.add(B_DATA)).isTrue();
        assertThat(draft.add(A_NODE)).isTrue();

        assertThat(draft.steps()).extracting(step -> step.child().dt())
                .containsExactly(A_DATA.dt(), B_DATA.dt(), A_NODE.dt());
        assertThat(draft.steps()).extracting(CompositionDraft.Step::op).containsExactly(null, SHARE, SUM);
        assertThat(draft.withoutOp()).containsExactly(A_DATA);
    }

    @Test
    void aChildIsAddedOnceAndNeverTheCompositionItself() {
        CompositionDraft draft = new CompositionDraft(DRAFT, "fintech-c");
        draft.add(B_DATA);

        assertThat(draft.add(B_DATA)).isFalse();
        assertThat(draft.add(asset(DRAFT, "fintech-c", "ALGORITHM", SHARE))).isFalse();
        assertThat(draft.steps()).hasSize(1);
        draft.remove(B_DATA.dt());
        assertThat(draft.isEmpty()).isTrue();
    }

    @Test
    void onlyAnOpTheChildOffersCanBeChosen() {
        CompositionDraft draft = new CompositionDraft(DRAFT, "fintech-c");
        draft.add(A_DATA);

        draft.setOp(A_DATA.dt(), OTHER);
        assertThat(draft.find(A_DATA.dt())).hasValueSatisfying(step -> assertThat(step.op()).isEqualTo(OTHER));
        assertThatThrownBy(() -> draft.setOp(A_DATA.dt(), SUM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> draft.setOp(B_DATA.dt(), SHARE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDdoIsAnAlgorithmWhoseWorkflowRunsTheChosenOpOnEachChild() {
        CompositionDraft draft = s1Like();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("recipient", "fintech-c");
        params.put("scale_bits", "16");

        ObjectNode ddo = draft.ddo(" Joint risk ", "Z = X_A W_A + X_B W_B", "http://localhost:9183/compute/api",
                "joint risk features", params);

        assertThat(ddo.get("dt").asText()).isEqualTo(DRAFT);
        assertThat(ddo.get("kind").asText()).isEqualTo("ALGORITHM");
        assertThat(ddo.get("title").asText()).isEqualTo("Joint risk");
        assertThat(ddo.get("owner").asText()).isEqualTo("fintech-c");
        JsonNode service = ddo.get("services").get(0);
        assertThat(service.get("endpoint").asText()).isEqualTo("http://localhost:9183/compute/api");
        assertThat(texts(service.get("childDts"))).containsExactly(A_DATA.dt(), B_DATA.dt(), A_NODE.dt());
        assertThat(texts(service.get("supportedOps"))).containsExactly(SHARE, SUM);
        JsonNode setOps = service.get("workflow").get("setOps");
        assertThat(setOps.get(A_DATA.dt()).asText()).isEqualTo(SHARE);
        assertThat(setOps.get(A_NODE.dt()).asText()).isEqualTo(SUM);
        assertThat(service.get("workflow").get("configs").get("scale_bits").asText()).isEqualTo("16");
        assertThat(service.get("terms").get("purpose").asText()).isEqualTo("joint risk features");
    }

    @Test
    void aChildWithoutAnOpIsLeftOutOfSetOpsSoTheVerifierSaysWhatIsMissing() {
        CompositionDraft draft = new CompositionDraft(DRAFT, "fintech-c");
        draft.add(A_DATA);

        JsonNode service = draft.ddo("t", null, null, "", Map.of()).get("services").get(0);

        assertThat(texts(service.get("childDts"))).containsExactly(A_DATA.dt());
        assertThat(service.get("workflow").get("setOps").isEmpty()).isTrue();
        assertThat(service.has("endpoint")).isFalse();
        assertThat(service.get("terms").has("purpose")).isFalse();
    }

    @Test
    void usesOnlyWhatTheSchemaDefinesAndHasTheShapeOfTheAlgorithmExample() throws IOException {
        JsonNode schema = JSON.readTree(Files.readString(SCHEMA));
        JsonNode example = JSON.readTree(Files.readString(ALGORITHM_EXAMPLE));
        ObjectNode ddo = s1Like().ddo("t", "d", "https://node.example/", "p", Map.of("a", "1"));

        assertThat(names(ddo)).containsAll(texts(schema.get("required")));
        assertThat(names(schema.get("properties"))).containsAll(names(ddo));
        JsonNode service = ddo.get("services").get(0);
        JsonNode defs = schema.get("$defs");
        assertThat(names(defs.get("service").get("properties"))).containsAll(names(service));
        assertThat(names(defs.get("workflow").get("properties"))).containsAll(names(service.get("workflow")));
        assertThat(names(defs.get("terms").get("properties"))).containsAll(names(service.get("terms")));
        assertThat(service.get("type")).isEqualTo(example.get("services").get(0).get("type"));
    }

    private static CompositionDraft s1Like() {
        CompositionDraft draft = new CompositionDraft(DRAFT, "fintech-c");
        draft.add(A_DATA);
        draft.add(B_DATA);
        draft.add(A_NODE);
        draft.setOp(A_DATA.dt(), SHARE);
        return draft;
    }

    private static Asset asset(String dt, String owner, String kind, String... ops) {
        return new Asset(dt, owner, kind, kind + " of " + owner, null, null, null, List.of(), List.of(ops), null, null,
                null);
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
