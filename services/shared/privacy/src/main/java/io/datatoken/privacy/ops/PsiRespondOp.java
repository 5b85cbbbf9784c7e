package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.psi.BlindingPool;
import io.datatoken.privacy.psi.PsiResponder;
import java.security.SecureRandom;

/**
 * Op {@code psi-respond}, next to the responder's list (bank B in S3), in one step: {@code {"run",
 * "items", "terms", "query"}} → {@code {"answer"}}, the requester's points blinded again in their order
 * and the responder's own, shuffled. Its secret lives only in this process: nothing to keep.
 */
public final class PsiRespondOp {

    private PsiRespondOp() {
    }

    public static void main(String[] args) {
        OpIo.main(PsiRespondOp::run, System.in, System.out, System.err);
    }

    static ObjectNode run(JsonNode input) {
        OpIo.textField(input, "run");
        var terms = PsiWire.terms(input);
        var items = PsiWire.items(input, "items");
        var query = PsiWire.query(input);
        try (BlindingPool pool = BlindingPool.allCores()) {
            ObjectNode output = OpIo.JSON.createObjectNode();
            output.set("answer", PsiWire.answer(new PsiResponder(terms, items, pool, new SecureRandom()).respond(query)));
            return output;
        }
    }
}
