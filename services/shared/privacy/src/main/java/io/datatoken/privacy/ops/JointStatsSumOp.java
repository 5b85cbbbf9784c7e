package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.stats.StatsNode;

/**
 * Op {@code stats-sum}, on a compute node: adds the shares every party sent it (one each) into its
 * partial sum, which tells nothing alone. Input {@code {"node", "computeNodes", "parties",
 * "shares": [...]}}; output {@code {"partial": {"node", "parties", "sum"}}}.
 */
public final class JointStatsSumOp {

    private JointStatsSumOp() {
    }

    public static void main(String[] args) {
        OpIo.main(JointStatsSumOp::run, System.in, System.out, System.err);
    }

    static ObjectNode run(JsonNode input) {
        StatsNode node = new StatsNode(OpIo.intField(input, "node"), StatsWire.parameters(input));
        OpIo.arrayField(input, "shares").forEach(share -> node.receive(StatsWire.share(share)));
        ObjectNode output = OpIo.JSON.createObjectNode();
        output.set("partial", StatsWire.partial(node.partial()));
        return output;
    }
}
