package io.datatoken.job.orchestration;

import static io.datatoken.job.orchestration.Compositions.AVERAGE;
import static io.datatoken.job.orchestration.Compositions.BANK_A;
import static io.datatoken.job.orchestration.Compositions.BANK_B;
import static io.datatoken.job.orchestration.Compositions.FINTECH_C;
import static io.datatoken.job.orchestration.Compositions.SHARE;
import static io.datatoken.job.orchestration.Compositions.SUM;
import static io.datatoken.job.orchestration.Compositions.TRAIN;
import static io.datatoken.job.orchestration.Compositions.VENDOR_V;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.token.DataTokenId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartyDiscoveryTest {

    private static final String NODE_A = "http://localhost:9181/compute/api";
    private static final String NODE_B = "https://compute.bank-b.example/api";
    private static final String NODE_V = "http://vendor-v.example:9080/compute/api";

    private final Compositions world = new Compositions();

    @Test
    void every_op_the_workflows_set_is_a_party_down_through_every_composed_asset() {
        DataTokenId aData = world.data('a', BANK_A, NODE_A);
        DataTokenId bData = world.data('b', BANK_B, NODE_B);
        DataTokenId aCompute = world.composed('c', AssetKind.COMPUTE, BANK_A, NODE_A, Map.of());
        DataTokenId user1 = world.data('1', VENDOR_V, NODE_V);
        DataTokenId user2 = world.data('2', VENDOR_V, NODE_V);
        DataTokenId union = world.composed('d', AssetKind.COMPUTE, VENDOR_V, NODE_V, Map.of(user1, TRAIN, user2, TRAIN));
        DataTokenId algorithm = world.composed('f', AssetKind.ALGORITHM, FINTECH_C, null,
                Map.of(aData, SHARE, bData, SHARE, aCompute, SUM, union, AVERAGE));

        var parties = world.discovery().partiesOf(algorithm);

        assertThat(parties).extracting(Party::dt, Party::op, Party::owner, Party::node, Party::problem)
                .containsExactlyInAnyOrder(
                        tuple(aData, SHARE, BANK_A, URI.create(NODE_A), null),
                        tuple(bData, SHARE, BANK_B, URI.create(NODE_B), null),
                        tuple(aCompute, SUM, BANK_A, URI.create(NODE_A), null),
                        tuple(union, AVERAGE, VENDOR_V, URI.create(NODE_V), null),
                        tuple(user1, TRAIN, VENDOR_V, URI.create(NODE_V), null),
                        tuple(user2, TRAIN, VENDOR_V, URI.create(NODE_V), null));
        assertThat(world.discovery().partiesOf(algorithm)).as("the same each time").isEqualTo(parties);
    }

    @Test
    void a_composed_asset_used_as_is_is_no_party_but_the_parties_its_own_workflow_sets_are() {
        DataTokenId aData = world.data('a', BANK_A, NODE_A);
        DataTokenId user1 = world.data('1', VENDOR_V, NODE_V);
        DataTokenId vCompute = world.composed('c', AssetKind.COMPUTE, VENDOR_V, NODE_V, Map.of());
        DataTokenId union = world.composed('d', AssetKind.COMPUTE, VENDOR_V, NODE_V, Map.of(user1, TRAIN, vCompute, AVERAGE));
        DataTokenId algorithm = world.composed('f', AssetKind.ALGORITHM, FINTECH_C, null, List.of(aData, union),
                Map.of(aData, SHARE));

        assertThat(world.discovery().partiesOf(algorithm)).extracting(Party::dt, Party::op).containsExactlyInAnyOrder(
                tuple(aData, SHARE), tuple(user1, TRAIN), tuple(vCompute, AVERAGE));
    }

    @Test
    void a_composed_asset_used_as_is_whose_ddo_fails_its_proof_leaves_its_parties_unknown_so_nothing_is_dispatched() {
        DataTokenId aData = world.data('a', BANK_A, NODE_A);
        DataTokenId user1 = world.data('1', VENDOR_V, NODE_V);
        DataTokenId union = world.composed('d', AssetKind.COMPUTE, VENDOR_V, NODE_V, Map.of(user1, TRAIN));
        DataTokenId algorithm = world.composed('f', AssetKind.ALGORITHM, FINTECH_C, null, List.of(aData, union),
                Map.of(aData, SHARE));
        world.tamper(union);

        assertThatThrownBy(() -> world.discovery().partiesOf(algorithm)).isInstanceOf(CannotDispatch.class)
                .hasMessageStartingWith("cannot read asset " + union + "'s DDO").hasMessageEndingWith("unknown");
    }

    @Test
    void an_asset_whose_ddo_names_no_endpoint_is_a_party_without_a_node_and_says_why() {
        DataTokenId aData = world.data('a', BANK_A, NODE_A);
        DataTokenId bData = world.data('b', BANK_B, null);
        DataTokenId algorithm = world.composed('f', AssetKind.ALGORITHM, FINTECH_C, null, Map.of(aData, SHARE, bData, SHARE));

        var parties = world.discovery().partiesOf(algorithm);

        assertThat(parties).filteredOn(p -> p.dt().equals(bData)).singleElement().satisfies(b -> {
            assertThat(b.node()).isNull();
            assertThat(b.problem()).isEqualTo("asset " + bData + "'s DDO names no compute endpoint");
        });
        assertThat(parties).filteredOn(p -> p.dt().equals(aData)).extracting(Party::node).containsExactly(URI.create(NODE_A));
    }

    @Test
    void an_endpoint_that_is_not_http_is_no_node() {
        DataTokenId aData = world.data('a', BANK_A, "ftp://bank-a.example/compute");
        DataTokenId algorithm = world.composed('f', AssetKind.ALGORITHM, FINTECH_C, null, Map.of(aData, SHARE));

        assertThat(world.discovery().partiesOf(algorithm)).singleElement().satisfies(a -> {
            assertThat(a.node()).isNull();
            assertThat(a.problem()).contains("ftp://bank-a.example/compute").contains("not an http(s) URL");
        });
    }

    @Test
    void a_party_whose_ddo_fails_its_proof_has_no_node_and_its_own_parties_stay_unknown() {
        DataTokenId user1 = world.data('1', VENDOR_V, NODE_V);
        DataTokenId union = world.composed('d', AssetKind.COMPUTE, VENDOR_V, NODE_V, Map.of(user1, TRAIN));
        DataTokenId algorithm = world.composed('f', AssetKind.ALGORITHM, FINTECH_C, null, Map.of(union, AVERAGE));
        world.tamper(union);

        assertThat(world.discovery().partiesOf(algorithm)).singleElement().satisfies(u -> {
            assertThat(u.dt()).isEqualTo(union);
            assertThat(u.node()).isNull();
            assertThat(u.problem()).startsWith("cannot read asset " + union + "'s DDO");
        });
    }

    @Test
    void an_algorithm_whose_ddo_fails_its_proof_cannot_be_dispatched() {
        DataTokenId aData = world.data('a', BANK_A, NODE_A);
        DataTokenId algorithm = world.composed('f', AssetKind.ALGORITHM, FINTECH_C, null, Map.of(aData, SHARE));
        world.tamper(algorithm);

        assertThatThrownBy(() -> world.discovery().partiesOf(algorithm)).isInstanceOf(CannotDispatch.class)
                .hasMessageStartingWith("cannot read the algorithm " + algorithm + "'s DDO");
    }

    @Test
    void an_algorithm_not_on_chain_or_whose_workflow_sets_no_op_cannot_be_dispatched() {
        DataTokenId aData = world.data('a', BANK_A, NODE_A);
        DataTokenId idle = world.composed('f', AssetKind.ALGORITHM, FINTECH_C, null, List.of(aData), Map.of());

        assertThatThrownBy(() -> world.discovery().partiesOf(Compositions.dt('9'))).isInstanceOf(CannotDispatch.class)
                .hasMessageContaining("not on chain");
        assertThatThrownBy(() -> world.discovery().partiesOf(idle)).isInstanceOf(CannotDispatch.class)
                .hasMessageContaining("sets an op for any asset");
    }
}
