package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.stats.MomentShare;
import io.datatoken.privacy.stats.Moments;
import io.datatoken.privacy.stats.PartialMoments;
import io.datatoken.privacy.stats.StatsParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The joint-statistics ops' JSON: ring words as 16 lower-case hex digits (unsigned 64 bits, exact in
 * any JSON reader), parameters as the parties agreed them.
 */
final class StatsWire {

    private StatsWire() {
    }

    static StatsParameters parameters(JsonNode input) {
        return new StatsParameters(OpIo.intField(input, "computeNodes"), OpIo.intField(input, "parties"),
                OpIo.intField(input, "scaleBits", StatsParameters.DEFAULT_SCALE_BITS),
                OpIo.intField(input, "valueBits", StatsParameters.DEFAULT_VALUE_BITS));
    }

    static ObjectNode moments(Moments m) {
        ObjectNode node = OpIo.JSON.createObjectNode();
        node.put("count", word(m.count()));
        node.put("sum", word(m.sum()));
        node.put("squaresLow", word(m.squaresLow()));
        node.put("squaresHigh", word(m.squaresHigh()));
        return node;
    }

    static Moments moments(JsonNode node) {
        return new Moments(word(node, "count"), word(node, "sum"), word(node, "squaresLow"), word(node, "squaresHigh"));
    }

    static ObjectNode share(MomentShare share) {
        ObjectNode node = OpIo.JSON.createObjectNode();
        node.put("party", share.party());
        node.put("node", share.node());
        node.set("moments", moments(share.share()));
        return node;
    }

    static MomentShare share(JsonNode node) {
        return new MomentShare(OpIo.textField(node, "party"), OpIo.intField(node, "node"), moments(node.path("moments")));
    }

    static ObjectNode partial(PartialMoments partial) {
        ObjectNode node = OpIo.JSON.createObjectNode();
        node.put("node", partial.node());
        partial.parties().forEach(node.putArray("parties")::add);
        node.set("sum", moments(partial.sum()));
        return node;
    }

    static PartialMoments partial(JsonNode node) {
        List<String> parties = new ArrayList<>();
        OpIo.arrayField(node, "parties").forEach(p -> parties.add(p.asText()));
        return new PartialMoments(OpIo.intField(node, "node"), parties, moments(node.path("sum")));
    }

    private static String word(long value) {
        return RingWords.word(value);
    }

    private static long word(JsonNode node, String name) {
        return RingWords.word(node.path(name), name);
    }
}
