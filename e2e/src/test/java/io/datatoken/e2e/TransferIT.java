package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.chain.ChainAccounts;
import io.datatoken.chain.NodeMessages;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one compute node accepts from another: nothing unsigned, malformed or signed by an account
 * outside the sending asset's organization (decision 0014). No bearer token is needed or used.
 */
class TransferIT {

    /** A valid ring matrix (v2): 1 x 2, the elements 1 and 2^63 as little-endian uint64 in base64. */
    private static final String RING_MATRIX = "{\"rows\":1,\"cols\":2,\"data\":\"AQAAAAAAAAAAAAAAAAAAgA==\"}";

    static Stack stack;
    static String bankAData;
    static URI bankBTransfers;

    @BeforeAll
    static void aRegisteredDataAsset() throws IOException {
        AssetWorld.enter();
        stack = AssetWorld.stack;
        bankAData = AssetWorld.newDt();
        AssetWorld.created(AssetWorld.register(stack.tokenOf("alice"), AssetWorld.dataDdo(bankAData, "bank-a", "fintech-c")));
        bankBTransfers = URI.create(stack.computeNode("bank-b") + "/v1/transfers");
    }

    @Test
    void a_transfer_signed_by_an_account_outside_the_senders_organization_is_refused() throws Exception {
        var stranger = ChainAccounts.generate();
        var response = send(transfer(bankAData, RING_MATRIX, stranger.privateKey()));

        Problems.assertProblem(response, 409, "wrong-organization");
        assertThat(response.body()).contains(stranger.address().value(), "bank-a");
    }

    @Test
    void a_payload_that_is_not_a_ring_matrix_is_refused_before_anything_else() throws Exception {
        var someone = ChainAccounts.generate();
        for (String malformed : List.of(
                "[[1,2],[3,4]]",                                                   // the list form of ring matrix v1
                "{\"rows\":2,\"cols\":2,\"data\":\"AQAAAAAAAAAAAAAAAAAAgA==\"}",       // 2 x 2 but 2 elements of data
                "{\"rows\":1,\"cols\":2,\"data\":\"AQAAAAAAAAAAAAAA!AAAgA==\"}",       // not base64
                "{\"rows\":0,\"cols\":2,\"data\":\"\"}",
                "{\"rows\":1,\"cols\":2,\"data\":\"AQAAAAAAAAAAAAAAAAAAgA==\",\"x\":1}")) {  // an extra member
            Problems.assertProblem(send(transfer(bankAData, malformed, someone.privateKey())), 400, "malformed-payload");
        }
    }

    @Test
    void an_op_message_that_is_not_one_json_object_is_refused_before_anything_else() throws Exception {
        var someone = ChainAccounts.generate();
        for (String kind : List.of("PSI_QUERY", "STATS_SHARE", "PAILLIER_VALUES")) {
            for (String malformed : List.of("[1,2]", "\"query\"", "{\"points\":", "")) {
                Problems.assertProblem(send(transfer(bankAData, kind, malformed, someone.privateKey())), 400,
                        "malformed-payload");
            }
        }
        // one JSON object passes this check and goes on to the chain's, which a made-up job fails
        Problems.assertProblem(send(transfer(bankAData, "PSI_QUERY", "{\"requesterPoints\":\"AAAA\"}",
                someone.privateKey())), 409, "wrong-organization");
    }

    @Test
    void malformed_transfers_and_signatures_get_a_problem_not_a_stack_trace() {
        Problems.assertProblem(send("{\"job\":\"0x01\"}"), 400, "malformed-transfer");
        Problems.assertProblem(send(transfer(bankAData, RING_MATRIX, null).replace("\"kind\":\"SHARE\"", "\"kind\":\"GIFT\"")),
                400, "malformed-transfer");
        String unsigned = transfer(bankAData, RING_MATRIX, null);
        Problems.assertProblem(send(unsigned), 400, "bad-signature");
    }

    private static java.net.http.HttpResponse<String> send(String body) {
        return stack.post(bankBTransfers, null, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A SHARE for a made-up job from {@code from} to a made-up asset, signed over the wire format of 0014. */
    private static String transfer(String from, String payload, String key) {
        return transfer(from, "SHARE", payload, key);
    }

    private static String transfer(String from, String kind, String payload, String key) {
        String job = AssetWorld.newDt();
        String to = AssetWorld.newDt();
        String signature = "0x00";
        if (key != null) {
            String message = String.join("\n", "datatoken-transfer/1", job, from, to, kind, sha256(payload));
            signature = NodeMessages.sign(message.getBytes(StandardCharsets.UTF_8), key);
        }
        return "{\"job\":\"" + job + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"kind\":\"" + kind + "\",\"payload\":"
                + "\"" + payload.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"signature\":\"" + signature + "\"}";
    }

    private static String sha256(String text) {
        try {
            return "0x" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
