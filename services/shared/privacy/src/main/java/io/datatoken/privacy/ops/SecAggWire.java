package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.secagg.FixedPoint;
import io.datatoken.privacy.secagg.KeyAdvertisement;
import io.datatoken.privacy.secagg.MaskedInput;
import io.datatoken.privacy.secagg.Roster;
import io.datatoken.privacy.secagg.SealedShares;
import io.datatoken.privacy.secagg.SecAggClientState;
import io.datatoken.privacy.secagg.SecAggConfig;
import io.datatoken.privacy.secagg.SecAggServerState;
import io.datatoken.privacy.secagg.Share;
import io.datatoken.privacy.secagg.ShareDelivery;
import io.datatoken.privacy.secagg.UnmaskRequest;
import io.datatoken.privacy.secagg.UnmaskResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The secure-aggregation messages and party states as JSON: keys, seeds, shares and sealed boxes in
 * base64, ring elements as {@link RingWords}, users as integers. Each message a party writes is read
 * unchanged by the other side.
 */
final class SecAggWire {

    private SecAggWire() {
    }

    static ObjectNode config(SecAggConfig config) {
        return OpIo.JSON.createObjectNode().put("round", config.round()).put("threshold", config.threshold())
                .put("length", config.length()).put("fractionBits", config.fixedPoint().fractionBits());
    }

    static SecAggConfig config(JsonNode config) {
        JsonNode round = config.path("round");
        if (!round.canConvertToLong() || round.asLong() < 1) {
            throw new IllegalArgumentException("'config.round' must be an integer >= 1");
        }
        return new SecAggConfig(round.asLong(), OpIo.intField(config, "threshold"), OpIo.intField(config, "length"),
                new FixedPoint(OpIo.intField(config, "fractionBits")));
    }

    static ObjectNode advertisement(KeyAdvertisement keys) {
        return OpIo.JSON.createObjectNode().put("user", keys.user()).put("channelPublicKey", OpIo.base64(keys.channelPublicKey()))
                .put("maskPublicKey", OpIo.base64(keys.maskPublicKey()));
    }

    static KeyAdvertisement advertisement(JsonNode node, String label) {
        return new KeyAdvertisement(OpIo.intField(object(node, label), "user"), key(node, "channelPublicKey", label),
                key(node, "maskPublicKey", label));
    }

    static List<KeyAdvertisement> advertisements(JsonNode array, String label) {
        List<KeyAdvertisement> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            list.add(advertisement(array.get(i), label + "[" + i + "]"));
        }
        return list;
    }

    static ObjectNode roster(Roster roster) {
        ObjectNode node = OpIo.JSON.createObjectNode();
        ArrayNode users = node.putArray("users");
        roster.users().forEach(keys -> users.add(advertisement(keys)));
        return node;
    }

    static Roster roster(JsonNode input) {
        return new Roster(advertisements(OpIo.arrayField(OpIo.objectField(input, "roster"), "users"), "roster.users"));
    }

    /** One client's sealed shares, {@code {"from", "shares": [{"to", "ciphertext"}]}}. */
    static ObjectNode sealedShares(int from, List<SealedShares> shares) {
        ObjectNode node = OpIo.JSON.createObjectNode().put("from", from);
        ArrayNode boxes = node.putArray("shares");
        shares.forEach(box -> boxes.addObject().put("to", box.to()).put("ciphertext", OpIo.base64(box.ciphertext())));
        return node;
    }

    static List<SealedShares> sealedShares(JsonNode node, String label) {
        int from = OpIo.intField(object(node, label), "from");
        List<SealedShares> shares = new ArrayList<>();
        for (JsonNode box : OpIo.arrayField(node, "shares")) {
            shares.add(new SealedShares(from, OpIo.intField(box, "to"), OpIo.base64Field(box, "ciphertext")));
        }
        return shares;
    }

    static ObjectNode delivery(ShareDelivery delivery) {
        ObjectNode node = OpIo.JSON.createObjectNode().put("to", delivery.to());
        delivery.committed().forEach(node.putArray("committed")::add);
        ArrayNode boxes = node.putArray("shares");
        delivery.shares().forEach(box -> boxes.addObject().put("from", box.from()).put("ciphertext", OpIo.base64(box.ciphertext())));
        return node;
    }

    static ShareDelivery delivery(JsonNode input) {
        JsonNode node = OpIo.objectField(input, "delivery");
        int to = OpIo.intField(node, "to");
        List<SealedShares> shares = new ArrayList<>();
        for (JsonNode box : OpIo.arrayField(node, "shares")) {
            shares.add(new SealedShares(OpIo.intField(box, "from"), to, OpIo.base64Field(box, "ciphertext")));
        }
        return new ShareDelivery(to, users(node, "committed"), shares);
    }

    static ObjectNode maskedInput(MaskedInput input) {
        ObjectNode node = OpIo.JSON.createObjectNode().put("user", input.user());
        ArrayNode words = node.putArray("masked");
        for (long word : input.masked()) {
            words.add(RingWords.word(word));
        }
        return node;
    }

    static MaskedInput maskedInput(JsonNode node, String label) {
        return new MaskedInput(OpIo.intField(object(node, label), "user"), words(OpIo.arrayField(node, "masked"), label + ".masked"));
    }

    static ObjectNode unmaskRequest(UnmaskRequest request) {
        ObjectNode node = OpIo.JSON.createObjectNode();
        request.survivors().forEach(node.putArray("survivors")::add);
        return node;
    }

    static UnmaskRequest unmaskRequest(JsonNode input) {
        return new UnmaskRequest(users(OpIo.objectField(input, "unmaskRequest"), "survivors"));
    }

    static ObjectNode unmaskResponse(UnmaskResponse response) {
        ObjectNode node = OpIo.JSON.createObjectNode().put("user", response.user());
        node.set("selfMaskShares", shares(response.selfMaskShares()));
        node.set("maskKeyShares", shares(response.maskKeyShares()));
        return node;
    }

    static UnmaskResponse unmaskResponse(JsonNode node, String label) {
        return new UnmaskResponse(OpIo.intField(object(node, label), "user"), shares(node, "selfMaskShares"),
                shares(node, "maskKeyShares"));
    }

    /** The client's state: what {@link SecAggClientState} holds, absent fields left out. */
    static ObjectNode clientState(SecAggClientState state) {
        ObjectNode node = OpIo.JSON.createObjectNode().put("run", state.run()).put("user", state.user());
        node.set("config", config(state.config()));
        node.put("step", state.step().name().toLowerCase(Locale.ROOT));
        putBytes(node, "channelPrivateKey", state.channelPrivateKey());
        putBytes(node, "maskPrivateKey", state.maskPrivateKey());
        putBytes(node, "selfMaskSeed", state.selfMaskSeed());
        if (state.roster() != null) {
            state.roster().forEach(keys -> node.withArray("roster").add(advertisement(keys)));
        }
        if (state.committed() != null) {
            state.committed().forEach(node.putArray("committed")::add);
        }
        if (state.heldMaskKeyShares() != null) {
            node.set("heldMaskKeyShares", shares(state.heldMaskKeyShares()));
            node.set("heldSelfMaskShares", shares(state.heldSelfMaskShares()));
        }
        return node;
    }

    static SecAggClientState clientState(JsonNode state) {
        return new SecAggClientState(OpIo.textField(state, "run"), OpIo.intField(state, "user"),
                config(OpIo.objectField(state, "config")), step(state, SecAggClientState.Step.class, "step"),
                bytes(state, "channelPrivateKey"), bytes(state, "maskPrivateKey"), bytes(state, "selfMaskSeed"),
                state.has("roster") ? advertisements(OpIo.arrayField(state, "roster"), "roster") : null,
                state.has("committed") ? users(state, "committed") : null,
                state.has("heldMaskKeyShares") ? shares(state, "heldMaskKeyShares") : null,
                state.has("heldSelfMaskShares") ? shares(state, "heldSelfMaskShares") : null);
    }

    static ObjectNode serverState(SecAggServerState state) {
        ObjectNode node = OpIo.JSON.createObjectNode().put("run", state.run());
        node.set("config", config(state.config()));
        node.put("phase", state.phase().name().toLowerCase(Locale.ROOT));
        if (state.roster() != null) {
            state.roster().forEach(keys -> node.withArray("roster").add(advertisement(keys)));
        }
        if (state.committed() != null) {
            state.committed().forEach(node.putArray("committed")::add);
        }
        if (state.survivors() != null) {
            state.survivors().forEach(node.putArray("survivors")::add);
        }
        if (state.maskedSum() != null) {
            ArrayNode words = node.putArray("maskedSum");
            for (long word : state.maskedSum()) {
                words.add(RingWords.word(word));
            }
        }
        return node;
    }

    static SecAggServerState serverState(JsonNode state) {
        return new SecAggServerState(OpIo.textField(state, "run"), config(OpIo.objectField(state, "config")),
                step(state, SecAggServerState.Phase.class, "phase"),
                state.has("roster") ? advertisements(OpIo.arrayField(state, "roster"), "roster") : null,
                state.has("committed") ? users(state, "committed") : null,
                state.has("survivors") ? users(state, "survivors") : null,
                state.has("maskedSum") ? words(OpIo.arrayField(state, "maskedSum"), "maskedSum") : null);
    }

    private static ArrayNode shares(Map<Integer, Share> shares) {
        ArrayNode array = OpIo.JSON.createArrayNode();
        new TreeMap<>(shares).forEach((of, share) -> array.addObject().put("of", of).put("x", share.x())
                .put("y", OpIo.base64(share.y())));
        return array;
    }

    private static Map<Integer, Share> shares(JsonNode node, String name) {
        Map<Integer, Share> shares = new TreeMap<>();
        for (JsonNode share : OpIo.arrayField(node, name)) {
            if (shares.put(OpIo.intField(share, "of"), new Share(OpIo.intField(share, "x"), OpIo.base64Field(share, "y"))) != null) {
                throw new IllegalArgumentException("'" + name + "' has two shares of user " + share.get("of"));
            }
        }
        return shares;
    }

    private static SortedSet<Integer> users(JsonNode node, String name) {
        SortedSet<Integer> users = new TreeSet<>();
        for (JsonNode user : OpIo.arrayField(node, name)) {
            if (!user.canConvertToInt()) {
                throw new IllegalArgumentException("'" + name + "' must hold integer user ids");
            }
            users.add(user.asInt());
        }
        return users;
    }

    private static long[] words(JsonNode array, String label) {
        long[] words = new long[array.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = RingWords.word(array.get(i), label + "[" + i + "]");
        }
        return words;
    }

    private static byte[] key(JsonNode node, String name, String label) {
        byte[] key = OpIo.base64(node.path(name), label + "." + name);
        if (key.length != 32) {
            throw new IllegalArgumentException("'" + label + "." + name + "' is " + key.length + " bytes, not an X25519 key's 32");
        }
        return key;
    }

    private static <E extends Enum<E>> E step(JsonNode node, Class<E> steps, String name) {
        try {
            return Enum.valueOf(steps, OpIo.textField(node, name).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' of the state is not one of its steps");
        }
    }

    private static void putBytes(ObjectNode node, String name, byte[] bytes) {
        if (bytes != null) {
            node.put(name, OpIo.base64(bytes));
        }
    }

    private static byte[] bytes(JsonNode node, String name) {
        return node.has(name) ? OpIo.base64Field(node, name) : null;
    }

    private static JsonNode object(JsonNode node, String label) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("'" + label + "' must be an object");
        }
        return node;
    }
}
