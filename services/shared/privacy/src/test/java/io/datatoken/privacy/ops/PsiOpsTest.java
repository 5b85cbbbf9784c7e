package io.datatoken.privacy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** psi-request and psi-respond as the nodes run them: three JSON steps, the requester's state kept between. */
class PsiOpsTest {

    private static final String RUN = "run-7f3a";

    @Test
    void theThreeStepsGiveThePlaintextIntersectionSorted() {
        var random = new Random(11);
        List<String> prospects = new ArrayList<>();
        List<String> clients = new ArrayList<>();
        Set<String> common = new TreeSet<>(PsiRequestOp::byCodePoint);
        for (int i = 0; i < 60; i++) {
            String item = "client-" + random.nextInt(1_000_000) + (i % 7 == 0 ? "-Zoë" : "");
            common.add(item);
            prospects.add(item);
            clients.add(item);
        }
        for (int i = 0; i < 90; i++) {
            prospects.add("prospect-" + i);
            clients.add("other-" + i);
        }
        prospects.add(prospects.get(0)); // duplicates count once
        Collections.shuffle(prospects, random);
        Collections.shuffle(clients, random);

        JsonNode result = runAll(prospects, clients, false);

        assertThat(result.get("intersection")).extracting(JsonNode::asText).containsExactlyElementsOf(common);
        assertThat(result.get("size").asInt()).isEqualTo(60);
        assertThat(result.has("forResponder")).isFalse();
    }

    @Test
    void emptyListsAndSupplementaryCharactersSortByCodePoint() {
        assertThat(runAll(List.of(), List.of("a"), true).get("forResponder").get("size").asInt()).isZero();
        assertThat(runAll(List.of("a"), List.of(), false).get("intersection")).isEmpty();
        // U+1F697 sorts after U+FB01 by code point, before it in UTF-16 units
        JsonNode result = runAll(List.of("\uFB01", "\uD83D\uDE97", "b"), List.of("b", "\uFB01", "\uD83D\uDE97"), false);
        assertThat(result.get("intersection")).extracting(JsonNode::asText).containsExactly("b", "\uFB01", "\uD83D\uDE97");
    }

    @Test
    void theResponderLearnsTheSizeOnlyUnderTheTermsKeptInTheState() {
        ObjectNode blinded = blind(List.of("a", "b", "c"), true);
        JsonNode answer = respond(List.of("b", "c", "d"), blinded.get("query"), true);
        assertThat(OpCall.ok(PsiRequestOp::run, finishInput(blinded.get("state"), answer)).get("forResponder").get("size").asInt())
                .isEqualTo(2);

        ObjectNode secret = blind(List.of("a", "b", "c"), false);
        JsonNode secretAnswer = respond(List.of("b", "c", "d"), secret.get("query"), false);
        ObjectNode claiming = finishInput(secret.get("state"), secretAnswer);
        claiming.putObject("terms").put("revealSizeToResponder", true);
        assertThat(OpCall.ok(PsiRequestOp::run, claiming).has("forResponder")).as("terms come from the state").isFalse();
    }

    @Test
    void theStateIsTheRequestersSecretAndItsItemsInQueryOrder() {
        ObjectNode blinded = blind(List.of("a", "b", "a", "c"), false);

        JsonNode state = blinded.get("state");
        assertThat(state.get("run").asText()).isEqualTo(RUN);
        assertThat(Base64.getDecoder().decode(state.get("scalar").asText())).hasSize(32);
        assertThat(state.get("items")).extracting(JsonNode::asText).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(Base64.getDecoder().decode(blinded.get("query").get("requesterPoints").asText())).hasSize(3 * 32);
    }

    @Test
    void aStateOfAnotherRunIsRefused() {
        ObjectNode blinded = blind(List.of("a"), false);
        JsonNode answer = respond(List.of("a"), blinded.get("query"), false);

        ObjectNode input = finishInput(blinded.get("state"), answer).put("run", "run-other");

        assertThat(OpCall.refusal(PsiRequestOp::run, input)).isEqualTo("the state belongs to run " + RUN + ", not run-other");
    }

    @Test
    void malformedAnswersAreRefusedNamingTheFault() {
        ObjectNode blinded = blind(List.of("a", "b"), false);
        JsonNode answer = respond(List.of("a"), blinded.get("query"), false);
        byte[] two = Base64.getDecoder().decode(answer.get("requesterPointsReblinded").asText());

        assertThat(refusedFinish(blinded, answer, "requesterPointsReblinded", Base64.getEncoder().encodeToString(
                java.util.Arrays.copyOf(two, 32)))).contains("1 reblinded points for 2 requested");
        assertThat(refusedFinish(blinded, answer, "responderPoints", "not base64!"))
                .startsWith("'answer.responderPoints' is not base64");
        assertThat(refusedFinish(blinded, answer, "responderPoints", Base64.getEncoder().encodeToString(new byte[33])))
                .isEqualTo("'answer.responderPoints' has 33 bytes, not a whole number of 32-byte points");
        assertThat(refusedFinish(blinded, answer, "responderPoints", Base64.getEncoder().encodeToString(new byte[32])))
                .isEqualTo("'answer.responderPoints': point 0 is of small order, not a blinded item");
        byte[] nonCanonical = new byte[64];
        java.util.Arrays.fill(nonCanonical, 32, 64, (byte) 0xff);
        assertThat(refusedFinish(blinded, answer, "requesterPointsReblinded", Base64.getEncoder().encodeToString(nonCanonical)))
                .isEqualTo("'answer.requesterPointsReblinded': point 0 is of small order, not a blinded item");
        nonCanonical[0] = 9;
        assertThat(refusedFinish(blinded, answer, "requesterPointsReblinded", Base64.getEncoder().encodeToString(nonCanonical)))
                .isEqualTo("'answer.requesterPointsReblinded': point 1 is not a canonical u-coordinate (below 2^255 - 19)");
        ObjectNode noAnswer = finishInput(blinded.get("state"), answer);
        noAnswer.remove("answer");
        assertThat(OpCall.refusal(PsiRequestOp::run, noAnswer)).isEqualTo("'answer' must be an object");
    }

    @Test
    void malformedInputsAreRefusedWithOneLine() {
        ObjectNode blindInput = blindInput(List.of("a"), false);
        assertThat(OpCall.refusal(PsiRequestOp::run, blindInput.deepCopy().put("step", "guess")))
                .isEqualTo("'step' must be one of blind, finish");
        ObjectNode notStrings = blindInput.deepCopy();
        notStrings.withArray("items").add(3);
        assertThat(OpCall.refusal(PsiRequestOp::run, notStrings)).isEqualTo("items[1] is not a string");
        String loneSurrogate = blindInput.toString().replace("[\"a\"]", "[\"a\",\"x\\ud800\"]");
        assertThat(OpCall.refusal(PsiRequestOp::run, loneSurrogate)).contains("items[1] is not well-formed Unicode");
        ObjectNode noTerms = blindInput.deepCopy();
        noTerms.remove("terms");
        assertThat(OpCall.refusal(PsiRespondOp::run, noTerms)).isEqualTo("'terms' must be an object");
        ObjectNode tooMany = blindInput.deepCopy();
        for (int i = 0; i <= PsiWire.MAX_ITEMS; i++) {
            tooMany.withArray("items").add("i" + i);
        }
        assertThat(OpCall.refusal(PsiRequestOp::run, tooMany)).contains("150002 items, more than the 150000 a run takes");
        ObjectNode garbledState = finishInput(blind(List.of("a"), false).get("state"), OpIo.JSON.createObjectNode());
        ((ObjectNode) garbledState.get("state")).put("scalar", "AAAA");
        assertThat(OpCall.refusal(PsiRequestOp::run, garbledState))
                .isEqualTo("'state' is not a psi-request state: the state's scalar is 32 bytes");
    }

    private static JsonNode runAll(List<String> requesterItems, List<String> responderItems, boolean revealSize) {
        ObjectNode blinded = blind(requesterItems, revealSize);
        JsonNode answer = respond(responderItems, blinded.get("query"), revealSize);
        return OpCall.ok(PsiRequestOp::run, finishInput(blinded.get("state"), answer));
    }

    private static ObjectNode blind(List<String> items, boolean revealSize) {
        return OpCall.ok(PsiRequestOp::run, blindInput(items, revealSize));
    }

    private static ObjectNode blindInput(List<String> items, boolean revealSize) {
        ObjectNode input = OpIo.JSON.createObjectNode().put("step", "blind").put("run", RUN);
        items.forEach(input.putArray("items")::add);
        input.putObject("terms").put("revealSizeToResponder", revealSize);
        return input;
    }

    private static JsonNode respond(List<String> items, JsonNode query, boolean revealSize) {
        ObjectNode input = OpIo.JSON.createObjectNode().put("run", RUN);
        items.forEach(input.putArray("items")::add);
        input.putObject("terms").put("revealSizeToResponder", revealSize);
        input.set("query", query);
        JsonNode output = OpCall.ok(PsiRespondOp::run, input);
        assertThat(output.properties()).hasSize(1);
        return output.get("answer");
    }

    private static ObjectNode finishInput(JsonNode state, JsonNode answer) {
        ObjectNode input = OpIo.JSON.createObjectNode().put("step", "finish").put("run", RUN);
        input.set("state", state);
        input.set("answer", answer);
        return input;
    }

    private static String refusedFinish(ObjectNode blinded, JsonNode answer, String field, String value) {
        ObjectNode changed = answer.deepCopy();
        changed.put(field, value);
        return OpCall.refusal(PsiRequestOp::run, finishInput(blinded.get("state"), changed));
    }
}
