package io.datatoken.verifier.verification;

import static io.datatoken.domain.organization.PlatformRole.ALGORITHM_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.COMPUTE_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_PROVIDER;
import static io.datatoken.verifier.verification.VerificationRefused.Why.CONFLICT;
import static io.datatoken.verifier.verification.VerificationRefused.Why.FORBIDDEN;
import static io.datatoken.verifier.verification.VerificationRefused.Why.INVALID;
import static io.datatoken.verifier.verification.VerificationRefused.Why.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.datatoken.chain.InMemoryDataTokenLedger;
import io.datatoken.chain.InMemoryOpLedger;
import io.datatoken.content.InMemoryContentStore;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.AssetService;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.DdoRejected;
import io.datatoken.domain.asset.DdoTampered;
import io.datatoken.domain.asset.Terms;
import io.datatoken.domain.asset.Workflow;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.domain.verification.ChildVerdict;
import io.datatoken.domain.verification.Denial;
import io.datatoken.domain.verification.TermsRule;
import io.datatoken.domain.verification.TermsVerifier;
import io.datatoken.domain.verification.VerificationReport;
import io.datatoken.metadata.DdoCodec;
import io.datatoken.metadata.DdoVerifier;
import io.datatoken.verifier.verification.AssetGrants.AssetServiceRefused;
import io.datatoken.verifier.verification.RecordingAssetGrants.GrantCall;
import io.datatoken.verifier.verification.RecordingAssetGrants.Lookup;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verification and authorization over the ledger fakes (which pass the web3j adapters' contract
 * tests), the content store's fake, the real DDO verifier and terms verifier, and a recording stub
 * of the asset service. Every token is registered on chain by its owner with a DDO whose canonical
 * bytes are in the content store, so the verifier reads all it judges as it would in production.
 */
class VerificationsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    private static final OrganizationAlias BANK_B = OrganizationAlias.of("bank-b");
    private static final OrganizationAlias FINTECH_C = OrganizationAlias.of("fintech-c");
    private static final OrganizationAlias VENDOR = OrganizationAlias.of("vendor-v");

    private static final String SHARE = OpHash.sha256Of(bytes("secure-share 1.0.0")).value();
    private static final String OLD_SHARE = OpHash.sha256Of(bytes("secure-share 0.9.0")).value();
    private static final String UNPUBLISHED = OpHash.sha256Of(bytes("never published")).value();

    private static final DataTokenId A_DATA = dt('a');
    private static final DataTokenId B_DATA = dt('b');
    private static final DataTokenId RISK = dt('c');
    private static final DataTokenId A_MORE = dt('d');
    /** A composition bank-a's data was authorized for, besides fintech-c's. */
    private static final DataTokenId ELSEWHERE = dt('e');
    private static final DataTokenId NOWHERE = dt('f');

    private static final String PURPOSE = "credit risk";
    private static final String BEARER = "bearer-token-of-the-caller";

    /** One for the class: compiling its schema is the costly part. */
    private static final DdoCodec CODEC = new DdoCodec();

    private InMemoryDataTokenLedger.Chain chain;
    private InMemoryContentStore content;
    private RecordingAssetGrants grants;
    private Verifications verifications;

    @BeforeEach
    void wire() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        chain = new InMemoryDataTokenLedger.Chain(clock);
        chain.addOrganization(BANK_A, Set.of(DATA_PROVIDER));
        chain.addOrganization(BANK_B, Set.of(DATA_PROVIDER));
        chain.addOrganization(FINTECH_C, Set.of(ALGORITHM_PROVIDER));
        chain.addOrganization(VENDOR, Set.of(COMPUTE_PROVIDER));
        InMemoryOpLedger ops = new InMemoryOpLedger(clock);
        ops.publish(OpHash.of(SHARE), "secure-share", "1.0.0", Cid.of(bytes("share code")));
        ops.publish(OpHash.of(OLD_SHARE), "secure-share", "0.9.0", Cid.of(bytes("old share code")));
        ops.deprecate(OpHash.of(OLD_SHARE));
        content = new InMemoryContentStore();
        grants = new RecordingAssetGrants();

        register(data(A_DATA, BANK_A, 1));
        register(data(B_DATA, BANK_B, 5));
        register(algorithm(RISK, Map.of(A_DATA, SHARE, B_DATA, SHARE)));

        verifications = new Verifications();
        // the verifier only reads the chain: an account of no organization, like its throw-away key
        verifications.tokens = chain.operator();
        verifications.ops = ops.asNonAdmin();
        verifications.content = content;
        verifications.ddos = new DdoVerifier(CODEC);
        verifications.terms = new TermsVerifier(clock);
        verifications.grants = grants;
    }

    // ---- verify -----------------------------------------------------------------------------

    @Test
    void a_passing_verification_reports_every_child_with_the_op_the_workflow_runs_on_it() {
        VerificationReport report = verifications.verify(RISK, BEARER);

        assertThat(report.passed()).isTrue();
        assertThat(report.parentDt()).isEqualTo(RISK.value());
        assertThat(report.composer()).isEqualTo(FINTECH_C);
        assertThat(report.verifiedAt()).isEqualTo(NOW);
        assertThat(report.children()).extracting(ChildVerdict::childDt, ChildVerdict::owner, ChildVerdict::opHash)
                .containsExactly(tuple(A_DATA.value(), BANK_A, SHARE), tuple(B_DATA.value(), BANK_B, SHARE));
        assertThat(report.children()).allSatisfy(v -> assertThat(v.denials()).isEmpty());
        assertThat(grants.lookups()).as("uses are asked for with the caller's own token")
                .containsExactly(new Lookup(A_DATA, BEARER), new Lookup(B_DATA, BEARER));
        assertThat(grants.grantCalls()).isEmpty();
    }

    @Test
    void a_use_already_authorized_for_this_same_parent_is_not_counted_again() {
        grants.authorized(A_DATA, RISK);

        VerificationReport report = verifications.verify(RISK, BEARER);

        assertThat(report.verdictOn(A_DATA.value())).hasValueSatisfying(v -> assertThat(v.passed()).isTrue());
        assertThat(report.passed()).isTrue();
    }

    @Test
    void a_use_authorized_for_another_parent_counts_against_max_uses() {
        grants.authorized(A_DATA, ELSEWHERE);

        VerificationReport report = verifications.verify(RISK, BEARER);

        assertThat(report.passed()).isFalse();
        assertThat(denialsOn(report, A_DATA)).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo(TermsRule.MAX_USES);
            assertThat(d.offending()).isEqualTo("use 2");
            assertThat(d.allowed()).isEqualTo("at most 1 uses");
        });
        assertThat(denialsOn(report, B_DATA)).isEmpty();
    }

    @Test
    void each_other_parent_counts_once_however_often_it_was_authorized() {
        grants.authorized(A_DATA, ELSEWHERE, RISK, ELSEWHERE);

        VerificationReport report = verifications.verify(RISK, BEARER);

        assertThat(denialsOn(report, A_DATA)).singleElement()
                .satisfies(d -> assertThat(d.offending()).as("one use so far, this one the second").isEqualTo("use 2"));
    }

    @Test
    void a_deprecated_op_is_not_usable() {
        DataTokenId mixed = dt('9');
        register(algorithm(mixed, Map.of(A_DATA, SHARE, B_DATA, OLD_SHARE)));

        VerificationReport report = verifications.verify(mixed, BEARER);

        assertThat(report.passed()).isFalse();
        assertThat(denialsOn(report, A_DATA)).isEmpty();
        assertThat(denialsOn(report, B_DATA)).singleElement().satisfies(d -> {
            assertThat(d.rule().code()).isEqualTo("op-usable");
            assertThat(d.offending()).isEqualTo(OLD_SHARE);
            assertThat(d.reason()).contains("deprecated");
        });
    }

    @Test
    void an_op_the_registry_does_not_know_is_not_usable() {
        DataTokenId unknownOp = dt('8');
        register(algorithm(unknownOp, Map.of(A_DATA, UNPUBLISHED, B_DATA, SHARE)));

        VerificationReport report = verifications.verify(unknownOp, BEARER);

        assertThat(denialsOn(report, A_DATA)).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo(TermsRule.OP_USABLE);
            assertThat(d.reason()).contains("not in the trusted op registry");
        });
        assertThat(denialsOn(report, B_DATA)).isEmpty();
    }

    @Test
    void a_leaf_asset_is_not_a_composition() {
        assertRefused(() -> verifications.verify(A_DATA, BEARER), INVALID, "not-a-composition");

        assertThat(grants.lookups()).isEmpty();
    }

    @Test
    void an_unregistered_parent_is_not_found() {
        assertRefused(() -> verifications.verify(NOWHERE, BEARER), NOT_FOUND, "unknown-asset");
    }

    @Test
    void a_stored_child_ddo_other_than_the_one_its_proof_vouches_for_is_rejected() {
        tamperWithStoredDdo(A_DATA, data(A_DATA, BANK_A, 1000));

        assertThatThrownBy(() -> verifications.verify(RISK, BEARER))
                .isInstanceOf(Verifications.StoredDdoRejected.class)
                .hasCauseInstanceOf(DdoTampered.class)
                .hasMessageContaining(A_DATA.value());
    }

    @Test
    void a_stored_parent_ddo_other_than_the_one_its_proof_vouches_for_is_rejected() {
        tamperWithStoredDdo(RISK, algorithm(RISK, Map.of(A_DATA, OLD_SHARE, B_DATA, SHARE)));

        assertThatThrownBy(() -> verifications.verify(RISK, BEARER))
                .isInstanceOf(Verifications.StoredDdoRejected.class)
                .hasCauseInstanceOf(DdoTampered.class)
                .hasMessageContaining(RISK.value());
    }

    // ---- authorize --------------------------------------------------------------------------

    @Test
    void a_passing_authorization_grants_once_as_the_caller_and_answers_the_asset_services_grant() {
        Instant expiry = NOW.plus(Duration.ofDays(7));

        Verifications.Authorized authorized = verifications.authorize(BANK_A, A_DATA, RISK, expiry, BEARER);

        assertThat(grants.grantCalls()).containsExactly(new GrantCall(A_DATA, RISK, expiry, BEARER));
        assertThat(authorized.grant()).isSameAs(RecordingAssetGrants.ANSWER);
        assertThat(authorized.report().parentDt()).isEqualTo(RISK.value());
        assertThat(authorized.report().verdictOn(A_DATA.value()))
                .hasValueSatisfying(v -> assertThat(v.passed()).isTrue());
    }

    @Test
    void an_authorization_until_revoked_passes_no_expiry_on() {
        verifications.authorize(BANK_B, B_DATA, RISK, null, BEARER);

        assertThat(grants.grantCalls()).containsExactly(new GrantCall(B_DATA, RISK, null, BEARER));
    }

    @Test
    void authorizing_the_same_parent_again_is_no_further_use() {
        verifications.authorize(BANK_A, A_DATA, RISK, null, BEARER);

        verifications.authorize(BANK_A, A_DATA, RISK, NOW.plus(Duration.ofDays(1)), BEARER);

        assertThat(grants.grantCalls()).extracting(GrantCall::parent).containsExactly(RISK, RISK);
    }

    @Test
    void a_child_is_authorized_on_its_own_verdict_whatever_the_other_children_break() {
        DataTokenId mixed = dt('9');
        register(algorithm(mixed, Map.of(A_DATA, SHARE, B_DATA, OLD_SHARE)));

        Verifications.Authorized authorized = verifications.authorize(BANK_A, A_DATA, mixed, null, BEARER);

        assertThat(authorized.report().passed()).isFalse();
        assertThat(grants.grantCalls()).containsExactly(new GrantCall(A_DATA, mixed, null, BEARER));
    }

    @Test
    void only_the_childs_owner_authorizes_its_use() {
        assertRefused(() -> verifications.authorize(BANK_B, A_DATA, RISK, null, BEARER), FORBIDDEN, "not-owner");
        assertRefused(() -> verifications.authorize(FINTECH_C, A_DATA, RISK, null, BEARER), FORBIDDEN, "not-owner");

        assertThat(grants.grantCalls()).isEmpty();
    }

    @Test
    void a_child_whose_terms_are_not_met_is_not_authorized_and_the_report_says_why() {
        grants.authorized(A_DATA, ELSEWHERE);

        assertThatThrownBy(() -> verifications.authorize(BANK_A, A_DATA, RISK, null, BEARER))
                .isInstanceOfSatisfying(VerificationRefused.class, refused -> {
                    assertThat(refused.why()).isEqualTo(CONFLICT);
                    assertThat(refused.reason()).isEqualTo("terms-not-met");
                    assertThat(refused.report()).isNotNull();
                    assertThat(denialsOn(refused.report(), A_DATA)).extracting(Denial::rule)
                            .containsExactly(TermsRule.MAX_USES);
                });

        assertThat(grants.grantCalls()).isEmpty();
    }

    @Test
    void a_child_the_parent_does_not_compose_is_refused() {
        register(data(A_MORE, BANK_A, null));

        assertRefused(() -> verifications.authorize(BANK_A, A_MORE, RISK, null, BEARER), INVALID, "not-a-child");

        assertThat(grants.grantCalls()).isEmpty();
    }

    @Test
    void an_unregistered_child_is_not_found() {
        assertRefused(() -> verifications.authorize(BANK_A, NOWHERE, RISK, null, BEARER), NOT_FOUND, "unknown-asset");

        assertThat(grants.grantCalls()).isEmpty();
    }

    @Test
    void the_asset_services_refusal_is_passed_on_unchanged() {
        var refused = new AssetServiceRefused(409, "https://datatoken.io/problems/organization-inactive",
                "bank-a is suspended");
        grants.refuseGrantsWith(refused);

        assertThatThrownBy(() -> verifications.authorize(BANK_A, A_DATA, RISK, null, BEARER)).isSameAs(refused);

        assertThat(grants.grantCalls()).hasSize(1);
    }

    @Test
    void a_union_used_as_is_is_authorized_by_its_owner_on_the_union_workflows_terms() {
        DataTokenId union = dt('7');
        DataTokenId medical = dt('6');
        register(union(union, List.of(FINTECH_C)));
        register(usingAsIs(medical, union, Map.of()));

        Verifications.Authorized authorized = verifications.authorize(VENDOR, union, medical, null, BEARER);

        assertThat(authorized.report().verdictOn(union.value())).hasValueSatisfying(v -> {
            assertThat(v.asIs()).isTrue();
            assertThat(v.opHash()).isNull();
            assertThat(v.passed()).isTrue();
        });
        assertThat(grants.grantCalls()).containsExactly(new GrantCall(union, medical, null, BEARER));
    }

    @Test
    void a_union_used_as_is_is_refused_to_an_organization_its_terms_do_not_name() {
        DataTokenId union = dt('7');
        DataTokenId medical = dt('6');
        register(union(union, List.of(BANK_B)));
        register(usingAsIs(medical, union, Map.of("rounds", "9")));

        assertThatThrownBy(() -> verifications.authorize(VENDOR, union, medical, null, BEARER))
                .isInstanceOfSatisfying(VerificationRefused.class, refused -> assertThat(denialsOn(refused.report(), union))
                        .extracting(Denial::rule).containsExactly(TermsRule.AS_IS_CONFIG, TermsRule.CONSUMER_ORGANIZATION));
        assertThat(grants.grantCalls()).isEmpty();
    }

    // ---- drafts -----------------------------------------------------------------------------

    @Test
    void a_draft_gets_the_report_a_registered_composition_would_and_nothing_is_recorded() {
        DataTokenId draft = dt('9');
        byte[] json = CODEC.canonicalBytes(algorithm(draft, Map.of(A_DATA, SHARE, B_DATA, UNPUBLISHED)));

        VerificationReport report = verifications.verifyDraft(FINTECH_C, json, BEARER);

        assertThat(report.parentDt()).isEqualTo(draft.value());
        assertThat(report.passed()).isFalse();
        assertThat(denialsOn(report, A_DATA)).isEmpty();
        assertThat(denialsOn(report, B_DATA)).extracting(Denial::rule).containsExactly(TermsRule.OP_USABLE);
        assertThat(chain.operator().find(draft)).as("a draft is not registered").isEmpty();
        assertThat(grants.grantCalls()).isEmpty();
    }

    @Test
    void a_draft_counts_uses_the_children_already_have() {
        grants.authorized(A_DATA, ELSEWHERE);
        byte[] json = CODEC.canonicalBytes(algorithm(dt('9'), Map.of(A_DATA, SHARE, B_DATA, SHARE)));

        VerificationReport report = verifications.verifyDraft(FINTECH_C, json, BEARER);

        assertThat(denialsOn(report, A_DATA)).extracting(Denial::rule).containsExactly(TermsRule.MAX_USES);
        assertThat(denialsOn(report, B_DATA)).isEmpty();
    }

    @Test
    void a_draft_of_another_organization_is_refused() {
        byte[] json = CODEC.canonicalBytes(algorithm(dt('9'), Map.of(A_DATA, SHARE)));

        assertRefused(() -> verifications.verifyDraft(BANK_B, json, BEARER), FORBIDDEN, "not-your-draft");
    }

    @Test
    void a_draft_over_an_unregistered_child_is_not_found() {
        byte[] json = CODEC.canonicalBytes(algorithm(dt('9'), Map.of(A_DATA, SHARE, NOWHERE, SHARE)));

        assertRefused(() -> verifications.verifyDraft(FINTECH_C, json, BEARER), NOT_FOUND, "unknown-asset");
    }

    @Test
    void a_draft_that_is_not_a_ddo_is_rejected_with_what_is_wrong() {
        assertThatThrownBy(() -> verifications.verifyDraft(FINTECH_C, bytes("{\"dt\": \"0x12\"}"), BEARER))
                .isInstanceOf(DdoRejected.class).hasMessageContaining("dt");
        assertThatThrownBy(() -> verifications.verifyDraft(FINTECH_C, bytes("not json"), BEARER))
                .isInstanceOf(DdoRejected.class);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Stores the DDO's canonical bytes and has its owner register it on chain with their proof. */
    private void register(Ddo ddo) {
        byte[] canonical = CODEC.canonicalBytes(ddo);
        Cid stored = content.put(canonical);
        ownerOf(ddo.owner()).register(DataTokenId.of(ddo.dt()), ddo.kind(), stored, CODEC.proofOf(canonical),
                ddo.children().stream().map(DataTokenId::of).toList());
    }

    /**
     * Puts another valid DDO in the content store and has the owner point the chain at it with the
     * original proof: what a compromised store (or owner key) could leave behind.
     */
    private void tamperWithStoredDdo(DataTokenId id, Ddo forged) {
        DataToken onChain = chain.operator().find(id).orElseThrow();
        byte[] canonical = CODEC.canonicalBytes(forged);
        assertThat(CODEC.proofOf(canonical)).as("the forgery differs").isNotEqualTo(onChain.proof());
        Cid stored = content.put(canonical);
        ownerOf(onChain.owner()).updateMetadata(id, stored, onChain.proof());
    }

    private DataTokenLedger ownerOf(OrganizationAlias organization) {
        return chain.actingAs(organization);
    }

    /** A bank's data, offered to fintech-c for the purpose with at most {@code maxUses} uses (null: unlimited). */
    private static Ddo data(DataTokenId dt, OrganizationAlias owner, Integer maxUses) {
        var terms = new Terms(Map.of(SHARE, Map.of("rows", 1_000_000.0), OLD_SHARE, Map.of(), UNPUBLISHED, Map.of()),
                List.of(FINTECH_C), PURPOSE, NOW.plus(Duration.ofDays(30)), maxUses, 2);
        return new Ddo(dt.value(), AssetKind.DATA, "Data of " + owner + (maxUses == null ? "" : ", " + maxUses + " uses"),
                "", owner, List.of(new AssetService("compute-to-data", "https://" + owner + ".example/c2d", List.of(),
                List.of(SHARE, OLD_SHARE, UNPUBLISHED), Workflow.NONE, terms, Map.of())));
    }

    /** fintech-c's algorithm over the children (in dt order) with the op it runs on each, for the purpose. */
    private static Ddo algorithm(DataTokenId dt, Map<DataTokenId, String> setOps) {
        Map<String, String> ordered = new LinkedHashMap<>();
        setOps.keySet().stream().map(DataTokenId::value).sorted()
                .forEach(child -> ordered.put(child, setOps.get(DataTokenId.of(child))));
        return new Ddo(dt.value(), AssetKind.ALGORITHM, "Credit risk model", "",
                FINTECH_C, List.of(new AssetService("workflow", null, List.copyOf(ordered.keySet()), List.of(),
                new Workflow(ordered, Map.of("rows", "50000")), new Terms(Map.of(), List.of(), PURPOSE, null, null, null),
                Map.of())));
    }

    /** The vendor's data union over bank-a's data: its workflow runs SHARE on it for 3 rounds; offered to the consumers for the purpose. */
    private static Ddo union(DataTokenId dt, List<OrganizationAlias> consumers) {
        return new Ddo(dt.value(), AssetKind.COMPUTE, "Union of the vendor", "", VENDOR, List.of(new AssetService("data-union",
                "https://vendor-v.example/c2d", List.of(A_DATA.value()), List.of(), new Workflow(Map.of(A_DATA.value(), SHARE),
                Map.of("rounds", "3")), new Terms(Map.of(), consumers, PURPOSE, null, null, null), Map.of())));
    }

    /** fintech-c's algorithm using a composition as is (no op named for it), with its configs, for the purpose. */
    private static Ddo usingAsIs(DataTokenId dt, DataTokenId composition, Map<String, String> configs) {
        return new Ddo(dt.value(), AssetKind.ALGORITHM, "Model over a union", "", FINTECH_C, List.of(new AssetService(
                "workflow", null, List.of(composition.value()), List.of(), new Workflow(Map.of(), configs),
                new Terms(Map.of(), List.of(), PURPOSE, null, null, null), Map.of())));
    }

    private static List<Denial> denialsOn(VerificationReport report, DataTokenId child) {
        return report.verdictOn(child.value()).orElseThrow().denials();
    }

    private static void assertRefused(ThrowingCallable call, VerificationRefused.Why why, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VerificationRefused.class, refused -> {
            assertThat(refused.why()).isEqualTo(why);
            assertThat(refused.reason()).isEqualTo(reason);
        });
    }

    private static DataTokenId dt(char digit) {
        return DataTokenId.of("0x" + String.valueOf(digit).repeat(64));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
