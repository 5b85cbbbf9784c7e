package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.psi.BlindedPoints;
import io.datatoken.privacy.psi.PsiRequest;
import io.datatoken.privacy.psi.PsiRequesterState;
import io.datatoken.privacy.psi.PsiResponse;
import io.datatoken.privacy.psi.PsiTerms;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The PSI ops' JSON: points as one base64 string of their 32-byte encodings each, in order; items as
 * JSON strings; the requester's state as an object only its own node keeps.
 */
final class PsiWire {

    /**
     * Items per list and call. psi-respond's answer carries the points of both lists: 2 × 150,000 × 32
     * bytes are 12.8 MB in base64, under the 16 MiB a node reads of an op's output.
     */
    static final int MAX_ITEMS = 150_000;

    /** The requester's items go into its state, next to its query: they must leave room for it. */
    static final int MAX_ITEM_BYTES = 8 * 1024 * 1024;

    private PsiWire() {
    }

    /** The {@code items} of a list: strings, duplicates allowed (they count once), at most {@link #MAX_ITEMS}. */
    static List<String> items(JsonNode input, String name) {
        JsonNode array = OpIo.arrayField(input, name);
        if (array.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("'" + name + "' has " + array.size() + " items, more than the " + MAX_ITEMS
                    + " a run takes: split the list over several runs");
        }
        List<String> items = new ArrayList<>(array.size());
        long bytes = 0;
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual()) {
                throw new IllegalArgumentException(name + "[" + i + "] is not a string");
            }
            String text = item.asText();
            if (!isWellFormed(text)) {
                // a lone surrogate has no UTF-8 bytes of its own: two such items would compare equal
                throw new IllegalArgumentException(name + "[" + i + "] is not well-formed Unicode (a lone surrogate)");
            }
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
            items.add(text);
        }
        if (bytes > MAX_ITEM_BYTES) {
            throw new IllegalArgumentException("'" + name + "' comes to " + bytes + " bytes of UTF-8, more than the "
                    + MAX_ITEM_BYTES + " a run takes: split the list over several runs");
        }
        return items;
    }

    static PsiTerms terms(JsonNode input) {
        return new PsiTerms(OpIo.booleanField(OpIo.objectField(input, "terms"), "revealSizeToResponder"));
    }

    static ObjectNode terms(PsiTerms terms) {
        return OpIo.JSON.createObjectNode().put("revealSizeToResponder", terms.revealSizeToResponder());
    }

    static ObjectNode query(PsiRequest request) {
        return OpIo.JSON.createObjectNode().put("requesterPoints", OpIo.base64(request.requesterPoints().toBytes()));
    }

    static PsiRequest query(JsonNode input) {
        return new PsiRequest(points(OpIo.objectField(input, "query"), "query", "requesterPoints"));
    }

    static ObjectNode answer(PsiResponse response) {
        return OpIo.JSON.createObjectNode()
                .put("requesterPointsReblinded", OpIo.base64(response.requesterPointsReblinded().toBytes()))
                .put("responderPoints", OpIo.base64(response.responderPoints().toBytes()));
    }

    static PsiResponse answer(JsonNode input) {
        JsonNode answer = OpIo.objectField(input, "answer");
        return new PsiResponse(points(answer, "answer", "requesterPointsReblinded"), points(answer, "answer", "responderPoints"));
    }

    static ObjectNode state(PsiRequesterState state) {
        ObjectNode node = OpIo.JSON.createObjectNode().put("run", state.run());
        node.set("terms", terms(state.terms()));
        node.put("scalar", OpIo.base64(state.scalar()));
        state.itemsInRequestOrder().forEach(node.putArray("items")::add);
        return node;
    }

    static PsiRequesterState state(JsonNode input) {
        JsonNode state = OpIo.objectField(input, "state");
        try {
            return new PsiRequesterState(OpIo.textField(state, "run"), terms(state), OpIo.base64Field(state, "scalar"),
                    items(state, "items"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'state' is not a psi-request state: " + e.getMessage());
        }
    }

    private static BlindedPoints points(JsonNode message, String messageName, String field) {
        String where = messageName + "." + field;
        byte[] packed = OpIo.base64(message.path(field), where);
        if (packed.length % BlindedPoints.POINT_SIZE != 0) {
            throw new IllegalArgumentException("'" + where + "' has " + packed.length + " bytes, not a whole number of "
                    + BlindedPoints.POINT_SIZE + "-byte points");
        }
        if (packed.length / BlindedPoints.POINT_SIZE > MAX_ITEMS) {
            throw new IllegalArgumentException("'" + where + "' has " + packed.length / BlindedPoints.POINT_SIZE
                    + " points, more than the " + MAX_ITEMS + " a run takes");
        }
        try {
            return BlindedPoints.received(packed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + where + "': " + e.getMessage());
        }
    }

    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
