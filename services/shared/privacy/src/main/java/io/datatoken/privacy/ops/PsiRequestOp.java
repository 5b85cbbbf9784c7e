package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.psi.BlindingPool;
import io.datatoken.privacy.psi.IntersectionSize;
import io.datatoken.privacy.psi.PsiRequester;
import io.datatoken.privacy.psi.PsiTerms;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Op {@code psi-request}, next to the requester's list (company A in S3), in two steps. {@code blind}:
 * {@code {"step", "run", "items", "terms"}} → {@code {"query", "state"}}, the query for the responder and
 * the state the node keeps (decision 0018). {@code finish}: {@code {"step", "run", "state", "answer"}} →
 * {@code {"intersection", "size", "forResponder"?}}; the terms come from the state, so only what was
 * agreed at {@code blind} decides whether the responder gets the size.
 */
public final class PsiRequestOp {

    private PsiRequestOp() {
    }

    public static void main(String[] args) {
        OpIo.main(PsiRequestOp::run, System.in, System.out, System.err);
    }

    static ObjectNode run(JsonNode input) {
        return switch (OpIo.step(input, "blind", "finish")) {
            case "blind" -> blind(input);
            default -> finish(input);
        };
    }

    private static ObjectNode blind(JsonNode input) {
        String run = OpIo.textField(input, "run");
        PsiTerms terms = PsiWire.terms(input);
        try (BlindingPool pool = BlindingPool.allCores()) {
            var requester = new PsiRequester(terms, PsiWire.items(input, "items"), pool, new SecureRandom());
            ObjectNode output = OpIo.JSON.createObjectNode();
            output.set("query", PsiWire.query(requester.request()));
            output.set("state", PsiWire.state(requester.exportState(run)));
            return output;
        }
    }

    private static ObjectNode finish(JsonNode input) {
        String run = OpIo.textField(input, "run");
        try (BlindingPool pool = BlindingPool.allCores()) {
            PsiRequester requester = PsiRequester.restore(PsiWire.state(input), run, pool);
            Optional<IntersectionSize> forResponder = requester.receive(PsiWire.answer(input));
            ObjectNode output = OpIo.JSON.createObjectNode();
            ArrayNode intersection = output.putArray("intersection");
            requester.intersection().stream().sorted(PsiRequestOp::byCodePoint).forEach(intersection::add);
            output.put("size", intersection.size());
            forResponder.ifPresent(size -> output.putObject("forResponder").put("size", size.size()));
            return output;
        }
    }

    /** Unicode code point order, the order of the items' UTF-8 bytes: the same in any language. */
    static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
