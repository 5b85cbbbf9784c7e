package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.paillier.Aggregate;
import io.datatoken.privacy.paillier.FixedPoint;
import io.datatoken.privacy.paillier.KeyHolder;
import io.datatoken.privacy.paillier.PaillierKeyPair;
import java.security.SecureRandom;

/**
 * Op {@code paillier-keyholder}, at the party that wants the aggregate, in two steps. {@code keygen}:
 * {@code {"step", "run", "modulusBits"?, "scaleBits"?, "valueBits"?}} → {@code {"publicKey", "state"}},
 * the key for the data owners and the compute node, and the private key the node keeps (decision 0018).
 * {@code decrypt}: {@code {"step", "run", "state", "aggregate"}} → {@code {"owners", "count", "sum",
 * "mean"?}}, exact decimals as strings. One op for both steps, so that one registered hash covers all the
 * code that ever holds the private key.
 */
public final class PaillierKeyHolderOp {

    private PaillierKeyHolderOp() {
    }

    public static void main(String[] args) {
        OpIo.main(PaillierKeyHolderOp::run, System.in, System.out, System.err);
    }

    static ObjectNode run(JsonNode input) {
        return switch (OpIo.step(input, "keygen", "decrypt")) {
            case "keygen" -> keygen(input);
            default -> decrypt(input);
        };
    }

    private static ObjectNode keygen(JsonNode input) {
        String run = OpIo.textField(input, "run");
        var random = new SecureRandom();
        var holder = new KeyHolder(PaillierKeyPair.generate(OpIo.intField(input, "modulusBits", PaillierKeyPair.DEFAULT_MODULUS_BITS),
                random), OpIo.intField(input, "scaleBits", FixedPoint.DEFAULT_SCALE_BITS),
                OpIo.intField(input, "valueBits", FixedPoint.DEFAULT_VALUE_BITS));
        ObjectNode output = OpIo.JSON.createObjectNode();
        output.set("publicKey", PaillierWire.publicKey(holder.announcement()));
        output.set("state", PaillierWire.state(holder.exportState(run)));
        return output;
    }

    private static ObjectNode decrypt(JsonNode input) {
        String run = OpIo.textField(input, "run");
        KeyHolder holder = KeyHolder.restore(PaillierWire.state(input), run);
        var aggregate = PaillierWire.aggregate(input);
        Aggregate result = holder.result(aggregate);
        ObjectNode output = OpIo.JSON.createObjectNode();
        aggregate.owners().forEach(output.putArray("owners")::add);
        output.put("count", result.count());
        output.put("sum", result.sum().toPlainString());
        result.mean().ifPresent(mean -> output.put("mean", mean.toPlainString()));
        return output;
    }
}
