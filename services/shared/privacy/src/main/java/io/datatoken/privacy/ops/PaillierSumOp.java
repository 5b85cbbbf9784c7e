package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.paillier.EncryptedSumNode;

/**
 * Op {@code paillier-sum}, on the third-party compute node, which holds only the public key: {@code
 * {"publicKey", "values": [{"keyId", "owner", "ciphertexts"}, ...]}} → {@code {"aggregate": {"keyId",
 * "sum", "count", "owners"}}}, the encrypted sum of every owner's values and their count.
 */
public final class PaillierSumOp {

    private PaillierSumOp() {
    }

    public static void main(String[] args) {
        OpIo.main(PaillierSumOp::run, System.in, System.out, System.err);
    }

    static ObjectNode run(JsonNode input) {
        var node = new EncryptedSumNode(PaillierWire.publicKey(input));
        JsonNode values = OpIo.arrayField(input, "values");
        for (int i = 0; i < values.size(); i++) {
            node.receive(PaillierWire.values(values.get(i), "values[" + i + "]"));
        }
        ObjectNode output = OpIo.JSON.createObjectNode();
        output.set("aggregate", PaillierWire.aggregate(node.aggregate()));
        return output;
    }
}
