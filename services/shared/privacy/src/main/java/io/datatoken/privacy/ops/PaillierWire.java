package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.paillier.EncryptedAggregate;
import io.datatoken.privacy.paillier.EncryptedValues;
import io.datatoken.privacy.paillier.EncryptionKey;
import io.datatoken.privacy.paillier.KeyHolderState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The Paillier ops' JSON: big numbers (modulus, ciphertexts, the kept prime) as base64 of their
 * unsigned big-endian bytes; decimals the key holder reads as exact decimal strings.
 */
final class PaillierWire {

    private PaillierWire() {
    }

    static ObjectNode publicKey(EncryptionKey key) {
        return OpIo.JSON.createObjectNode().put("keyId", key.keyId()).put("modulus", number(key.modulus()))
                .put("scaleBits", key.scaleBits()).put("valueBits", key.valueBits());
    }

    static EncryptionKey publicKey(JsonNode input) {
        JsonNode node = OpIo.objectField(input, "publicKey");
        var key = new EncryptionKey(number(node.path("modulus"), "publicKey.modulus"), OpIo.intField(node, "scaleBits"),
                OpIo.intField(node, "valueBits"));
        if (node.has("keyId") && !key.keyId().equals(node.get("keyId").asText())) {
            throw new IllegalArgumentException("'publicKey.keyId' " + node.get("keyId").asText() + " is not its modulus' id " + key.keyId());
        }
        return key;
    }

    static ObjectNode values(EncryptedValues values) {
        ObjectNode node = OpIo.JSON.createObjectNode().put("keyId", values.keyId()).put("owner", values.owner());
        values.ciphertexts().forEach(c -> node.withArray("ciphertexts").add(number(c)));
        return node;
    }

    static EncryptedValues values(JsonNode node, String label) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("'" + label + "' must be an object");
        }
        JsonNode ciphertexts = OpIo.arrayField(node, "ciphertexts");
        List<BigInteger> numbers = new ArrayList<>(ciphertexts.size());
        for (int i = 0; i < ciphertexts.size(); i++) {
            numbers.add(number(ciphertexts.get(i), label + ".ciphertexts[" + i + "]"));
        }
        return new EncryptedValues(OpIo.textField(node, "keyId"), OpIo.textField(node, "owner"), numbers);
    }

    static ObjectNode aggregate(EncryptedAggregate aggregate) {
        ObjectNode node = OpIo.JSON.createObjectNode().put("keyId", aggregate.keyId()).put("sum", number(aggregate.sum()))
                .put("count", aggregate.count());
        aggregate.owners().forEach(node.putArray("owners")::add);
        return node;
    }

    static EncryptedAggregate aggregate(JsonNode input) {
        JsonNode node = OpIo.objectField(input, "aggregate");
        JsonNode count = node.path("count");
        if (!count.canConvertToLong() || count.asLong() < 0) {
            throw new IllegalArgumentException("'aggregate.count' must be an integer >= 0");
        }
        List<String> owners = new ArrayList<>();
        OpIo.arrayField(node, "owners").forEach(owner -> owners.add(owner.asText()));
        return new EncryptedAggregate(OpIo.textField(node, "keyId"), number(node.path("sum"), "aggregate.sum"), count.asLong(), owners);
    }

    static ObjectNode state(KeyHolderState state) {
        ObjectNode node = OpIo.JSON.createObjectNode().put("run", state.run());
        node.set("publicKey", publicKey(state.announcement()));
        node.put("prime", number(state.prime()));
        return node;
    }

    static KeyHolderState state(JsonNode input) {
        JsonNode node = OpIo.objectField(input, "state");
        try {
            return new KeyHolderState(OpIo.textField(node, "run"), publicKey(node), number(node.path("prime"), "prime"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'state' is not a paillier-keyholder state: " + e.getMessage());
        }
    }

    /** A value of a column: a JSON number, or a decimal string when it needs more digits than a double has. */
    static BigDecimal decimal(JsonNode value, String label) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw new IllegalArgumentException(label + " is not a number");
    }

    private static String number(BigInteger value) {
        return OpIo.base64(value.toByteArray());
    }

    private static BigInteger number(JsonNode node, String label) {
        byte[] bytes = OpIo.base64(node, label);
        if (bytes.length == 0) {
            throw new IllegalArgumentException("'" + label + "' is empty");
        }
        return new BigInteger(1, bytes);
    }
}
