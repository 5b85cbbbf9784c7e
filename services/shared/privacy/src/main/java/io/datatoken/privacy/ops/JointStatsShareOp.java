package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.stats.StatsParty;
import java.security.SecureRandom;

/**
 * Op {@code stats-share}, next to a party's data: its column's count, sum and sum of squares split
 * into one additive share per compute node. Input {@code {"party", "column": [numbers],
 * "computeNodes", "parties", "scaleBits"?, "valueBits"?}}; output {@code {"shares": [{"party",
 * "node", "moments"}]}}, one per node in node order.
 */
public final class JointStatsShareOp {

    private JointStatsShareOp() {
    }

    public static void main(String[] args) {
        OpIo.main(JointStatsShareOp::run, System.in, System.out, System.err);
    }

    static ObjectNode run(JsonNode input) {
        JsonNode column = OpIo.arrayField(input, "column");
        double[] values = new double[column.size()];
        for (int row = 0; row < values.length; row++) {
            if (!column.get(row).isNumber()) {
                throw new IllegalArgumentException("column row " + row + " is not a number");
            }
            values[row] = column.get(row).asDouble();
        }
        StatsParty party = new StatsParty(OpIo.textField(input, "party"), StatsWire.parameters(input), new SecureRandom());
        ObjectNode output = OpIo.JSON.createObjectNode();
        ArrayNode shares = output.putArray("shares");
        party.share(values).forEach(share -> shares.add(StatsWire.share(share)));
        return output;
    }
}
