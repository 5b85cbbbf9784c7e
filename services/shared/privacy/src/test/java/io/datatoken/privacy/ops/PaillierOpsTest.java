package io.datatoken.privacy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paillier outsourcing through its JSON entry points: the key holder's keygen, two owners' encryption,
 * the third node's sum, the key holder's decryption from its kept state. One 2048-bit key for the class.
 */
class PaillierOpsTest {

    private static final String RUN = "run-p1";
    private static ObjectNode keys;

    @BeforeAll
    static void keygen() {
        keys = OpCall.ok(PaillierKeyHolderOp::run, OpIo.JSON.createObjectNode().put("step", "keygen").put("run", RUN));
    }

    @Test
    void theKeyHolderLearnsTheSumCountAndMeanOfEveryOwnersValuesExactly() {
        JsonNode bankA = encrypt("bank-a", 12.5, -3.25, 7.0);
        JsonNode bankB = encrypt("bank-b", 1000.125, 0.375);

        JsonNode result = decrypt(sum(bankA, bankB));

        assertThat(result.get("sum").asText()).isEqualTo("1016.75");
        assertThat(result.get("count").asLong()).isEqualTo(5);
        assertThat(result.get("mean").asText()).isEqualTo("203.35");
        assertThat(result.get("owners")).extracting(JsonNode::asText).containsExactly("bank-a", "bank-b");
        assertThat(keys.get("publicKey").get("modulus").asText()).hasSizeGreaterThan(340); // 2048 bits in base64
        assertThat(bankA.toString()).doesNotContain("12.5");
    }

    @Test
    void decimalStringsKeepDigitsADoubleWouldLose() {
        ObjectNode input = OpIo.JSON.createObjectNode().put("owner", "bank-a");
        input.set("publicKey", keys.get("publicKey"));
        input.putArray("column").add("9007199254740993").add("-1");

        JsonNode result = decrypt(sum(OpCall.ok(PaillierEncryptOp::run, input).get("values")));

        assertThat(result.get("sum").asText()).isEqualTo("9007199254740992");
    }

    @Test
    void theKeyHolderRefusesAnotherRunsStateAndAnotherKeysAggregate() {
        JsonNode aggregate = sum(encrypt("bank-a", 1.0));

        ObjectNode otherRun = decryptInput(aggregate).put("run", "run-p2");
        assertThat(OpCall.refusal(PaillierKeyHolderOp::run, otherRun)).isEqualTo("the state belongs to run " + RUN + ", not run-p2");
        ObjectNode otherKey = decryptInput(aggregate);
        ((ObjectNode) otherKey.get("aggregate")).put("keyId", "00112233445566778899aabbccddeeff");
        assertThat(OpCall.refusal(PaillierKeyHolderOp::run, otherKey)).startsWith("the aggregate is under key 00112233445566778899aabbccddeeff");
    }

    @Test
    void ownersAndTheNodeRefuseWhatTheRangeOrTheProtocolForbids() {
        assertThat(refusedEncryption(OpIo.JSON.createArrayNode().add("1e20"))).contains("outside the agreed range |v| < 2^64");
        assertThat(refusedEncryption(OpIo.JSON.createArrayNode().add(1).add(true))).isEqualTo("column row 1 is not a number");
        ArrayNode tooMany = OpIo.JSON.createArrayNode();
        for (int i = 0; i < 25_000; i++) {
            tooMany.add(i);
        }
        assertThat(refusedEncryption(tooMany)).contains("25000 values; under a 2048-bit key at most 24325").contains("fit in an op's output");
        JsonNode once = encrypt("bank-a", 1.0);
        ObjectNode twice = OpIo.JSON.createObjectNode();
        twice.set("publicKey", keys.get("publicKey"));
        twice.putArray("values").add(once).add(once);
        assertThat(OpCall.refusal(PaillierSumOp::run, twice)).isEqualTo("bank-a has already sent its values");
    }

    private static JsonNode encrypt(String owner, double... values) {
        ObjectNode input = OpIo.JSON.createObjectNode().put("owner", owner);
        input.set("publicKey", keys.get("publicKey"));
        for (double v : values) {
            input.withArray("column").add(v);
        }
        return OpCall.ok(PaillierEncryptOp::run, input).get("values");
    }

    private static String refusedEncryption(ArrayNode column) {
        ObjectNode input = OpIo.JSON.createObjectNode().put("owner", "bank-a");
        input.set("publicKey", keys.get("publicKey"));
        input.set("column", column);
        return OpCall.refusal(PaillierEncryptOp::run, input);
    }

    private static JsonNode sum(JsonNode... values) {
        ObjectNode input = OpIo.JSON.createObjectNode();
        input.set("publicKey", keys.get("publicKey"));
        for (JsonNode v : values) {
            input.withArray("values").add(v);
        }
        return OpCall.ok(PaillierSumOp::run, input).get("aggregate");
    }

    private static ObjectNode decryptInput(JsonNode aggregate) {
        ObjectNode input = OpIo.JSON.createObjectNode().put("step", "decrypt").put("run", RUN);
        input.set("state", keys.get("state"));
        input.set("aggregate", aggregate);
        return input;
    }

    private static JsonNode decrypt(JsonNode aggregate) {
        return OpCall.ok(PaillierKeyHolderOp::run, decryptInput(aggregate));
    }
}
