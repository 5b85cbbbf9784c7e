package io.datatoken.domain.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.AssetService;
import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.Terms;
import io.datatoken.domain.asset.Workflow;
import io.datatoken.domain.organization.OrganizationAlias;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TermsVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String SHARE = hex('1');
    private static final String SUM = hex('2');
    private static final String OTHER = hex('3');
    private static final String A_DATA = hex('a');
    private static final String B_DATA = hex('b');
    private static final String ALGORITHM = hex('c');
    private static final String UNION = hex('e');
    private static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    private static final OrganizationAlias BANK_B = OrganizationAlias.of("bank-b");
    private static final OrganizationAlias FINTECH = OrganizationAlias.of("fintech-c");
    private static final Function<String, OpStatus> ALL_USABLE = op -> OpStatus.USABLE;

    private final TermsVerifier verifier = new TermsVerifier(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_composition_within_every_childs_terms_passes() {
        var report = verifier.verify(algorithm(Map.of(A_DATA, SHARE, B_DATA, SHARE), Map.of("rows", "1000"), "risk"),
                Map.of(A_DATA, child(data(A_DATA, BANK_A, openTerms())), B_DATA, child(data(B_DATA, BANK_B, openTerms()))),
                ALL_USABLE);

        assertThat(report.passed()).isTrue();
        assertThat(report.children()).extracting(ChildVerdict::childDt).containsExactly(A_DATA, B_DATA);
        assertThat(report.children()).allSatisfy(v -> assertThat(v.opHash()).isEqualTo(SHARE));
        assertThat(report.composer()).isEqualTo(FINTECH);
        assertThat(report.verifiedAt()).isEqualTo(NOW);
    }

    @Test
    void each_broken_rule_is_named_with_the_offending_value_and_what_is_allowed() {
        var strict = new Terms(Map.of(SHARE, Map.of("rows", 100.0)), List.of(BANK_B), "credit scoring",
                NOW.minusSeconds(1), 2, 3);

        var report = verifier.verify(algorithm(Map.of(A_DATA, SHARE), Map.of("rows", "5000"), "marketing"),
                Map.of(A_DATA, new Child(data(A_DATA, BANK_A, strict), 2)), op -> OpStatus.DEPRECATED);

        assertThat(report.passed()).isFalse();
        List<Denial> denials = report.verdictOn(A_DATA).orElseThrow().denials();
        assertThat(denials).extracting(d -> d.rule()).containsExactly(TermsRule.OP_USABLE, TermsRule.OP_PARAMETER,
                TermsRule.CONSUMER_ORGANIZATION, TermsRule.PURPOSE, TermsRule.EXPIRY, TermsRule.MAX_USES,
                TermsRule.MIN_PARTIES);
        assertThat(denials).filteredOn(d -> d.rule() == TermsRule.OP_PARAMETER).singleElement().satisfies(d -> {
            assertThat(d.offending()).isEqualTo("rows=5000");
            assertThat(d.allowed()).isEqualTo("rows <= 100");
        });
        assertThat(denials).filteredOn(d -> d.rule() == TermsRule.CONSUMER_ORGANIZATION).singleElement()
                .satisfies(d -> assertThat(d).extracting(Denial::offending, Denial::allowed).containsExactly("fintech-c", "bank-b"));
        assertThat(denials).filteredOn(d -> d.rule() == TermsRule.MAX_USES).singleElement()
                .satisfies(d -> assertThat(d.offending()).isEqualTo("use 3"));
        assertThat(denials).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
    }

    @Test
    void an_op_the_terms_do_not_allow_or_the_registry_does_not_know_is_denied() {
        var terms = new Terms(Map.of(SUM, Map.of()), List.of(), "", null, null, null);
        var child = data(A_DATA, BANK_A, terms, SHARE, SUM);

        var report = verifier.verify(algorithm(Map.of(A_DATA, SHARE), Map.of(), ""), Map.of(A_DATA, child(child)),
                op -> OpStatus.UNKNOWN);

        assertThat(report.verdictOn(A_DATA).orElseThrow().denials()).extracting(Denial::rule)
                .containsExactly(TermsRule.OP_ALLOWED, TermsRule.OP_USABLE);
    }

    @Test
    void an_op_the_child_does_not_offer_is_denied_before_any_term_is_read() {
        var report = verifier.verify(algorithm(Map.of(A_DATA, OTHER), Map.of(), "risk"),
                Map.of(A_DATA, child(data(A_DATA, BANK_A, openTerms()))), ALL_USABLE);

        assertThat(report.verdictOn(A_DATA).orElseThrow().denials()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo(TermsRule.OP_SUPPORTED);
            assertThat(d.offending()).isEqualTo(OTHER);
            assertThat(d.allowed()).isEqualTo(SHARE);
        });
    }

    @Test
    void a_child_without_an_op_in_the_workflow_is_denied() {
        var parent = new Ddo(ALGORITHM, AssetKind.ALGORITHM, "Risk", "", FINTECH, List.of(new AssetService("workflow", null,
                List.of(A_DATA, B_DATA), List.of(), new Workflow(Map.of(A_DATA, SHARE), Map.of()),
                new Terms(Map.of(), List.of(), "risk", null, null, null), Map.of())));

        var report = verifier.verify(parent, Map.of(A_DATA, child(data(A_DATA, BANK_A, openTerms())),
                B_DATA, child(data(B_DATA, BANK_B, openTerms()))), ALL_USABLE);

        assertThat(report.verdictOn(A_DATA).orElseThrow().passed()).isTrue();
        assertThat(report.verdictOn(B_DATA).orElseThrow().denials()).extracting(Denial::rule)
                .containsExactly(TermsRule.WORKFLOW_OP);
        assertThat(report.passed()).isFalse();
    }

    @Test
    void parameters_must_be_numbers_and_unlimited_or_unstated_ones_pass() {
        var terms = new Terms(Map.of(SHARE, Map.of("rows", 10.0, "epsilon", 0.5)), List.of(), "", null, null, null);

        var notANumber = verifier.verify(algorithm(Map.of(A_DATA, SHARE), Map.of("rows", "ten", "rounds", "99"), ""),
                Map.of(A_DATA, child(data(A_DATA, BANK_A, terms))), ALL_USABLE);
        var within = verifier.verify(algorithm(Map.of(A_DATA, SHARE), Map.of("rows", "10", "rounds", "99"), ""),
                Map.of(A_DATA, child(data(A_DATA, BANK_A, terms))), ALL_USABLE);

        assertThat(notANumber.verdictOn(A_DATA).orElseThrow().denials()).singleElement()
                .satisfies(d -> assertThat(d.offending()).isEqualTo("rows=ten"));
        assertThat(within.passed()).isTrue();
    }

    @Test
    void an_owner_composing_its_own_asset_needs_no_consumer_listing() {
        var onlyBankB = new Terms(Map.of(SHARE, Map.of()), List.of(BANK_B), "", null, null, null);
        var parent = new Ddo(ALGORITHM, AssetKind.COMPUTE, "Own", "", BANK_A, List.of(new AssetService("workflow", null,
                List.of(A_DATA), List.of(), new Workflow(Map.of(A_DATA, SHARE), Map.of()), Terms.NONE, Map.of())));

        assertThat(verifier.verify(parent, Map.of(A_DATA, child(data(A_DATA, BANK_A, onlyBankB))), ALL_USABLE).passed())
                .isTrue();
    }

    @Test
    void min_parties_counts_distinct_owner_organizations() {
        var twoParties = new Terms(Map.of(SHARE, Map.of()), List.of(), "", null, null, 2);
        String aMore = hex('d');

        var sameOwner = verifier.verify(algorithm(Map.of(A_DATA, SHARE, aMore, SHARE), Map.of(), ""),
                Map.of(A_DATA, child(data(A_DATA, BANK_A, twoParties)), aMore, child(data(aMore, BANK_A, twoParties))),
                ALL_USABLE);
        var twoOwners = verifier.verify(algorithm(Map.of(A_DATA, SHARE, B_DATA, SHARE), Map.of(), ""),
                Map.of(A_DATA, child(data(A_DATA, BANK_A, twoParties)), B_DATA, child(data(B_DATA, BANK_B, twoParties))),
                ALL_USABLE);

        assertThat(sameOwner.children()).allSatisfy(v -> assertThat(v.denials()).extracting(Denial::rule)
                .containsExactly(TermsRule.MIN_PARTIES));
        assertThat(twoOwners.passed()).isTrue();
    }

    @Test
    void a_composition_with_its_own_workflow_is_used_as_is_on_the_terms_of_the_service_carrying_it() {
        var unionTerms = new Terms(Map.of(), List.of(FINTECH), "risk", NOW.plusSeconds(3600), 5, null);

        var report = verifier.verify(algorithm(Map.of(UNION, ""), Map.of("rounds", "5", "epochs", "2"), "risk"),
                Map.of(UNION, child(union(unionTerms, Map.of("rounds", "5")))), op -> OpStatus.UNKNOWN);

        assertThat(report.passed()).isTrue();
        assertThat(report.verdictOn(UNION)).hasValueSatisfying(v -> {
            assertThat(v.asIs()).isTrue();
            assertThat(v.opHash()).isNull();
            assertThat(v.owner()).isEqualTo(BANK_A);
        });
    }

    @Test
    void a_composition_used_as_is_is_held_to_its_workflows_terms_but_not_to_the_op_rules() {
        var unionTerms = new Terms(Map.of(), List.of(BANK_B), "edge training", NOW.minusSeconds(1), 1, 2);
        var openService = new AssetService("compute-to-data", null, List.of(), List.of(SHARE), Workflow.NONE,
                new Terms(Map.of(SHARE, Map.of()), List.of(), "", null, null, null), Map.of());

        var report = verifier.verify(algorithm(Map.of(UNION, ""), Map.of(), "marketing"),
                Map.of(UNION, new Child(union(unionTerms, Map.of(), openService), 1)), op -> OpStatus.UNKNOWN);

        ChildVerdict verdict = report.verdictOn(UNION).orElseThrow();
        assertThat(verdict.asIs()).isTrue();
        assertThat(verdict.opHash()).isNull();
        assertThat(verdict.denials()).extracting(Denial::rule).containsExactly(TermsRule.CONSUMER_ORGANIZATION,
                TermsRule.PURPOSE, TermsRule.EXPIRY, TermsRule.MAX_USES, TermsRule.MIN_PARTIES);
        assertThat(verdict.denials()).filteredOn(d -> d.rule() == TermsRule.PURPOSE).singleElement()
                .satisfies(d -> assertThat(d).extracting(Denial::offending, Denial::allowed)
                        .containsExactly("marketing", "edge training"));
        assertThat(report.passed()).isFalse();
    }

    @Test
    void a_leaf_or_a_composition_without_a_workflow_still_needs_an_op() {
        var noWorkflow = new Ddo(UNION, AssetKind.COMPUTE, "Pool", "", BANK_A, List.of(new AssetService("pool", null,
                List.of(A_DATA), List.of(), Workflow.NONE, Terms.NONE, Map.of())));

        var report = verifier.verify(algorithm(Map.of(A_DATA, "", UNION, ""), Map.of(), "risk"),
                Map.of(A_DATA, child(data(A_DATA, BANK_A, openTerms())), UNION, child(noWorkflow)), ALL_USABLE);

        assertThat(report.children()).allSatisfy(v -> {
            assertThat(v.asIs()).isFalse();
            assertThat(v.denials()).singleElement().satisfies(d -> {
                assertThat(d.rule()).isEqualTo(TermsRule.WORKFLOW_OP);
                assertThat(d.reason()).contains("workflow.setOps").contains("used as is");
            });
        });
    }

    @Test
    void the_parent_cannot_reconfigure_a_composition_it_uses_as_is() {
        var unionTerms = new Terms(Map.of(), List.of(), "", null, null, null);

        var report = verifier.verify(algorithm(Map.of(UNION, ""), Map.of("rounds", "50", "features", "3", "lr", "0.1"), ""),
                Map.of(UNION, child(union(unionTerms, Map.of("rounds", "5", "features", " 3 ")))), ALL_USABLE);

        assertThat(report.verdictOn(UNION).orElseThrow().denials()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo(TermsRule.AS_IS_CONFIG);
            assertThat(d.offending()).isEqualTo("rounds=50");
            assertThat(d.allowed()).isEqualTo("rounds=5");
            assertThat(d.reason()).contains("keeps its own configuration");
        });
    }

    @Test
    void a_composition_the_parent_names_an_op_for_is_judged_on_that_op() {
        var unionTerms = new Terms(Map.of(), List.of(), "", null, null, null);

        var report = verifier.verify(algorithm(Map.of(UNION, SHARE), Map.of(), ""),
                Map.of(UNION, child(union(unionTerms, Map.of()))), ALL_USABLE);

        assertThat(report.verdictOn(UNION).orElseThrow()).satisfies(v -> {
            assertThat(v.asIs()).isFalse();
            assertThat(v.opHash()).isEqualTo(SHARE);
            assertThat(v.denials()).extracting(Denial::rule).containsExactly(TermsRule.OP_SUPPORTED);
        });
    }

    @Test
    void every_child_the_parent_names_must_be_given() {
        assertThatThrownBy(() -> verifier.verify(algorithm(Map.of(A_DATA, SHARE), Map.of(), ""), Map.of(), ALL_USABLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(A_DATA);
    }

    private static Terms openTerms() {
        return new Terms(Map.of(SHARE, Map.of("rows", 1_000_000.0)), List.of(FINTECH), "risk", NOW.plusSeconds(3600), 5, 2);
    }

    private static Child child(Ddo ddo) {
        return new Child(ddo, 0);
    }

    private static Ddo data(String dt, OrganizationAlias owner, Terms terms, String... supported) {
        List<String> ops = supported.length == 0 ? List.of(SHARE) : List.of(supported);
        return new Ddo(dt, AssetKind.DATA, "Data " + owner, "", owner,
                List.of(new AssetService("compute-to-data", null, List.of(), ops, Workflow.NONE, terms, Map.of())));
    }

    /**
     * bank-a's data union over its data and its own aggregator: a workflow running SUM on the data and OTHER on
     * itself, with its configs, offered on the union's terms; after any services listed before it.
     */
    private static Ddo union(Terms terms, Map<String, String> configs, AssetService... before) {
        List<AssetService> services = new ArrayList<>(List.of(before));
        services.add(new AssetService("data-union", null, List.of(A_DATA), List.of(OTHER),
                new Workflow(Map.of(A_DATA, SUM), configs), terms, Map.of()));
        return new Ddo(UNION, AssetKind.COMPUTE, "Union of bank-a", "", BANK_A, services);
    }

    /**
     * fintech-c's algorithm over the given children (in key order), its workflow configs and purpose; a child
     * mapped to {@code ""} is composed with no op named for it.
     */
    private static Ddo algorithm(Map<String, String> setOps, Map<String, String> configs, String purpose) {
        Map<String, String> ordered = new LinkedHashMap<>();
        setOps.keySet().stream().sorted().filter(k -> !setOps.get(k).isEmpty()).forEach(k -> ordered.put(k, setOps.get(k)));
        return new Ddo(ALGORITHM, AssetKind.ALGORITHM, "Risk", "", FINTECH, List.of(new AssetService("workflow", null,
                setOps.keySet().stream().sorted().toList(), List.of(), new Workflow(ordered, configs),
                new Terms(Map.of(), List.of(), purpose, null, null, null), Map.of())));
    }

    private static String hex(char c) {
        return "0x" + String.valueOf(c).repeat(64);
    }
}
