package io.datatoken.e2e;

import static io.datatoken.e2e.AssetWorld.*;
import static io.datatoken.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.chain.ChainAccounts;
import io.datatoken.chain.ChainConnection;
import io.datatoken.chain.ChainSettings;
import io.datatoken.chain.Web3jDataTokenLedger;
import io.datatoken.chain.Web3jOrganizationLedger;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Providers register DATA, COMPUTE and ALGORITHM assets through the asset service: the DDO is
 * validated, stored in IPFS under its CID, registered on chain by the owner's own account with its
 * proof, and listed in the catalog — or, for any bad request, nothing at all is written. Every read
 * of a DDO is proven against the chain, so a tampered document is refused.
 */
class AssetRegistrationIT {

    private static String alice;
    private static String bob;
    private static String carol;

    @BeforeAll
    static void organizations_on_chain_and_ops() {
        AssetWorld.enter();
        alice = stack.tokenOf("alice");
        bob = stack.tokenOf("bob");
        carol = stack.tokenOf("carol");
    }

    @Test
    void providers_register_data_compute_and_algorithm_assets_recorded_alike_in_ipfs_on_chain_and_in_the_catalog()
            throws IOException {
        String aData = newDt();
        String aCompute = newDt();
        String bData = newDt();
        String algorithm = newDt();

        JsonNode a = created(register(alice, dataDdo(aData, "bank-a", "fintech-c")));
        created(register(alice, computeDdo(aCompute, "bank-a", "fintech-c")));
        created(register(bob, dataDdo(bData, "bank-b", "fintech-c")));
        JsonNode alg = created(register(carol, algorithmDdo(algorithm, "fintech-c", Map.of(aData, opShare,
                bData, opShare, aCompute, opSum))));

        for (JsonNode asset : List.of(a, alg)) {
            String dt = asset.get("dt").asText();
            var ddo = stack.get(ASSETS + "/" + dt + "/ddo", carol);
            assertThat(ddo.statusCode()).as(ddo.body()).isEqualTo(200);
            byte[] canonical = ddo.body().getBytes(StandardCharsets.UTF_8);
            assertThat(asset.get("proof").asText()).isEqualTo("0x" + sha256(canonical))
                    .isEqualTo(ddo.headers().firstValue("X-DataToken-Proof").orElseThrow());
            assertThat(ipfs.get(Cid.parse(asset.get("ddoCid").asText()))).isEqualTo(canonical);
            assertThat(asset.get("registrationTx").asText()).matches("0x[0-9a-f]{64}");
            DataToken onChain = chain.find(DataTokenId.of(dt)).orElseThrow();
            assertThat(onChain.owner().value()).isEqualTo(asset.get("owner").asText());
            assertThat(onChain.proof().value()).isEqualTo(asset.get("proof").asText());
            assertThat(onChain.storagePath().value()).isEqualTo(asset.get("ddoCid").asText());
        }
        List<String> children = Stream.of(aData, bData, aCompute).sorted().toList();
        assertThat(chain.find(DataTokenId.of(algorithm)).orElseThrow().children())
                .extracting(DataTokenId::value).containsExactlyElementsOf(children);
        assertThat(alg.get("children")).extracting(JsonNode::asText).containsExactlyElementsOf(children);
        assertThat(Stack.JSON.readTree(stack.get(ASSETS, alice).body())).extracting(n -> n.get("dt").asText())
                .contains(aData, aCompute).doesNotContain(bData, algorithm);
        // No child has granted the algorithm yet: registered, but not active.
        assertThat(Stack.JSON.readTree(stack.get(ASSETS + "/" + algorithm, bob).body()).get("active").asBoolean()).isFalse();
        assertThat(Stack.JSON.readTree(stack.get(ASSETS + "/" + aData, bob).body()).get("active").asBoolean()).isTrue();
    }

    @Test
    void the_catalog_is_searched_by_text_kind_owner_and_op() throws IOException {
        String word = "w" + UUID.randomUUID().toString().replace("-", "");
        String data = newDt();
        String compute = newDt();
        created(register(alice, withTitle(dataDdo(data, "bank-a", "fintech-c"), "Loans " + word)));
        created(register(bob, withTitle(computeDdo(compute, "bank-b", "fintech-c"), "Node " + word.toUpperCase())));

        assertThat(search("q=" + word)).containsExactlyInAnyOrder(data, compute);
        assertThat(search("q=" + word + "&kind=COMPUTE")).containsExactly(compute);
        assertThat(search("q=" + word + "&owner=bank-a")).containsExactly(data);
        assertThat(search("q=" + word + "&op=" + opSum)).containsExactly(compute);
        assertThat(search("q=" + word + "&op=" + opSum + "&owner=bank-a")).isEmpty();
        assertProblem(stack.get(ASSETS + "/catalog?kind=SPREADSHEET", carol), 400, "malformed-kind");
    }

    @Test
    void a_retry_of_the_same_document_answers_the_standing_registration_and_writes_nothing_new() throws IOException {
        String dt = newDt();
        String ddo = dataDdo(dt, "bank-a", "fintech-c");
        JsonNode first = created(register(alice, ddo));

        var retry = register(alice, ddo.replace("{\"dt\"", "{ \"dt\""));

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        JsonNode again = Stack.JSON.readTree(retry.body());
        assertThat(again.get("registrationTx").asText()).isEqualTo(first.get("registrationTx").asText());
        assertThat(again.get("registeredAt").asText()).isEqualTo(first.get("registeredAt").asText());
        assertThat(again.get("proof").asText()).isEqualTo(first.get("proof").asText());
    }

    @Test
    void malformed_invalid_or_oversize_documents_are_refused_before_anything_is_written() throws IOException {
        String dt = newDt();
        assertProblem(register(alice, "{\"dt\": \"" + dt + "\", "), 400, "invalid-ddo");
        JsonNode invalid = assertProblem(register(alice, dataDdo(dt, "bank-a", "fintech-c").replace("\"title\"", "\"name\"")),
                400, "invalid-ddo");
        assertThat(invalid.get("violations")).extracting(v -> v.get("pointer").asText()).contains("/title", "/name");
        assertProblem(register(alice, dataDdo(dt, "bank-a", "fintech-c").replace("\"description\":\"",
                "\"description\":\"" + "x".repeat(256 * 1024))), 413, "ddo-too-large");
        assertNothingWritten(dt);
    }

    @Test
    void unknown_or_deprecated_ops_and_unknown_children_are_refused() throws IOException {
        String dt = newDt();
        String unknownOp = newDt();
        assertProblem(register(alice, dataDdo(dt, "bank-a", "fintech-c").replace(opShare, unknownOp)), 400, "unknown-op");
        assertProblem(register(alice, dataDdo(dt, "bank-a", "fintech-c").replace(opShare, opDeprecated)), 409, "op-deprecated");
        String unknownChild = newDt();
        assertProblem(register(carol, algorithmDdo(dt, "fintech-c", Map.of(unknownChild, opShare))), 400, "unknown-child");
        assertNothingWritten(dt);
    }

    @Test
    void a_child_that_is_not_offered_to_the_composer_is_refused() throws IOException {
        String bData = newDt();
        created(register(bob, dataDdo(bData, "bank-b", "bank-a")));
        String dt = newDt();

        var refused = register(carol, algorithmDdo(dt, "fintech-c", Map.of(bData, opShare)));

        assertProblem(refused, 403, "child-not-offered");
        assertNothingWritten(dt);
    }

    @Test
    void a_document_that_does_not_hash_to_the_expected_proof_or_cid_is_refused() throws IOException {
        String dt = newDt();
        String ddo = dataDdo(dt, "bank-a", "fintech-c");
        assertProblem(stack.post(ASSETS + "?proof=" + newDt(), alice, JSON_TYPE, bytes(ddo)), 400, "proof-mismatch");
        assertProblem(stack.post(ASSETS + "?cid=" + Cid.of(bytes("other")).value(), alice, JSON_TYPE, bytes(ddo)), 400,
                "cid-mismatch");
        assertNothingWritten(dt);
    }

    @Test
    void callers_register_only_their_own_organizations_assets_of_kinds_their_roles_allow() throws IOException {
        String dt = newDt();
        assertProblem(register(alice, dataDdo(dt, "bank-b", "fintech-c")), 403, "not-your-organization");
        assertProblem(register(carol, dataDdo(dt, "fintech-c", "bank-a")), 403, "role-required");
        assertProblem(register(stack.tokenOf("rita"), dataDdo(dt, "regulator", "bank-a")), 403, "forbidden");
        assertNothingWritten(dt);
    }

    @Test
    void a_registered_dt_is_not_registered_again_with_another_document_or_owner() throws IOException {
        String dt = newDt();
        JsonNode first = created(register(alice, dataDdo(dt, "bank-a", "fintech-c")));

        assertProblem(register(alice, withTitle(dataDdo(dt, "bank-a", "fintech-c"), "another title")), 409, "asset-exists");
        assertProblem(register(bob, dataDdo(dt, "bank-b", "fintech-c")), 409, "asset-exists");

        assertThat(chain.find(DataTokenId.of(dt)).orElseThrow().proof().value()).isEqualTo(first.get("proof").asText());
    }

    @Test
    void only_the_owner_updates_a_document_and_kind_and_children_never_change() throws IOException {
        String dt = newDt();
        JsonNode registered = created(register(alice, dataDdo(dt, "bank-a", "fintech-c")));
        String updated = withTitle(dataDdo(dt, "bank-a", "fintech-c"), "Loans, revised");

        assertProblem(stack.put(ASSETS + "/" + dt + "/ddo", bob, JSON_TYPE, bytes(updated.replace("bank-a", "bank-b"))),
                403, "not-owner");
        assertProblem(stack.put(ASSETS + "/" + dt + "/ddo", alice, JSON_TYPE,
                bytes(computeDdo(dt, "bank-a", "fintech-c"))), 400, "immutable-field");
        assertThat(chain.find(DataTokenId.of(dt)).orElseThrow().proof().value()).isEqualTo(registered.get("proof").asText());

        var changed = stack.put(ASSETS + "/" + dt + "/ddo", alice, JSON_TYPE, bytes(updated));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode now = Stack.JSON.readTree(changed.body());
        assertThat(now.get("title").asText()).isEqualTo("Loans, revised");
        assertThat(now.get("proof").asText()).isNotEqualTo(registered.get("proof").asText())
                .isEqualTo(chain.find(DataTokenId.of(dt)).orElseThrow().proof().value());
        assertThat(Stack.JSON.readTree(stack.get(ASSETS + "/" + dt + "/ddo", carol).body()).get("title").asText())
                .isEqualTo("Loans, revised");
    }

    @Test
    void a_changed_document_submitted_as_the_registered_one_is_refused_and_the_original_still_reads() throws IOException {
        String dt = newDt();
        JsonNode registered = created(register(alice, dataDdo(dt, "bank-a", "fintech-c")));
        String proof = registered.get("proof").asText();
        String tampered = dataDdo(dt, "bank-a", "fintech-c").replace("\"maxUses\":5", "\"maxUses\":500");

        assertProblem(stack.put(ASSETS + "/" + dt + "/ddo?proof=" + proof, alice, JSON_TYPE, bytes(tampered)), 400,
                "proof-mismatch");

        var read = stack.get(ASSETS + "/" + dt + "/ddo", bob);
        assertThat(read.headers().firstValue("X-DataToken-Proof")).hasValue(proof);
        assertThat(Stack.JSON.readTree(read.body()).at("/services/0/terms/maxUses").asInt()).isEqualTo(5);
    }

    /**
     * A token registered straight on chain (not through the service) whose CID names a document
     * that does not hash to its proof: every reader refuses it, and nothing composes over it.
     */
    @Test
    void a_document_that_does_not_match_its_proof_on_chain_is_refused_wherever_it_is_read() throws IOException {
        var account = ChainAccounts.generate();
        var organization = OrganizationAlias.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        new Web3jOrganizationLedger(operator, contract("OrganizationRegistry"))
                .register(organization, account.address(), Set.of(PlatformRole.DATA_PROVIDER));
        String dt = newDt();
        String original = dataDdo(dt, organization.value(), "");
        byte[] canonical = bytes(canonicalOf(original));
        Cid tamperedCid = ipfs.put(bytes(canonicalOf(original.replace("\"maxUses\":5", "\"maxUses\":500"))));
        try (var signer = ChainConnection.open(ChainSettings.of(URI.create(stack.chainRpc()), 31337, account::privateKey))) {
            new Web3jDataTokenLedger(signer, contract("DataTokenRegistry"))
                    .register(DataTokenId.of(dt), AssetKind.DATA, tamperedCid, Proof.sha256Of(canonical), List.of());
        }

        assertProblem(stack.get(ASSETS + "/" + dt + "/ddo", carol), 502, "ddo-tampered");
        String algorithm = newDt();
        assertProblem(register(carol, algorithmDdo(algorithm, "fintech-c", Map.of(dt, opShare))), 502, "ddo-tampered");
        assertNothingWritten(algorithm);
    }

    private static void assertNothingWritten(String dt) {
        assertThat(chain.find(DataTokenId.of(dt))).isEqualTo(Optional.empty());
        assertProblem(stack.get(ASSETS + "/" + dt, alice), 404, "unknown-asset");
    }

    private static List<String> search(String query) throws IOException {
        var response = stack.get(ASSETS + "/catalog?" + query, carol);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.JSON.readTree(response.body()).findValuesAsText("dt");
    }

}
