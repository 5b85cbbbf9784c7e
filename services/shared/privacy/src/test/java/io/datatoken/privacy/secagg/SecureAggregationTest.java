package io.datatoken.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SecureAggregationTest {

    private static final int USERS = 10;
    private static final int THRESHOLD = 7;
    private static final int LENGTH = 40;
    private static final FixedPoint FIXED_POINT = FixedPoint.DEFAULT;

    static Stream<Arguments> dropouts() {
        return Stream.of(
                Arguments.of("none", Dropouts.NONE),
                Arguments.of("n - t before masking", new Dropouts(Set.of(), Set.of(2, 5, 9), Set.of())),
                Arguments.of("lowest and highest ids before masking", new Dropouts(Set.of(), Set.of(0, 9), Set.of())),
                Arguments.of("one before sharing, two before masking", new Dropouts(Set.of(4), Set.of(1, 7), Set.of())),
                Arguments.of("n - t after masking", new Dropouts(Set.of(), Set.of(), Set.of(0, 3, 6))),
                Arguments.of("two before masking, one after", new Dropouts(Set.of(), Set.of(3, 8), Set.of(5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dropouts")
    void the_sum_is_the_plaintext_sum_of_the_users_who_sent_a_masked_input(String name, Dropouts dropouts) {
        var random = new DeterministicRandom(name.hashCode());
        double[][] inputs = inputs(random);
        var config = new SecAggConfig(1, THRESHOLD, LENGTH, FIXED_POINT);

        AggregationResult result = SecAggRound.run(new SecAggServer(config), clients(config, inputs, random), dropouts);

        SortedSet<Integer> expected = new TreeSet<>();
        for (int user = 0; user < USERS; user++) {
            if (!dropouts.beforeSharing().contains(user) && !dropouts.beforeMasking().contains(user)) {
                expected.add(user);
            }
        }
        assertThat(result.contributors()).containsExactlyElementsOf(expected);
        long[] ringSum = new long[LENGTH];
        double[] plainSum = new double[LENGTH];
        for (int user : expected) {
            long[] encoded = FIXED_POINT.encode(inputs[user]);
            for (int i = 0; i < LENGTH; i++) {
                ringSum[i] += encoded[i];
                plainSum[i] += inputs[user][i];
            }
        }
        assertThat(result.ringSum()).as("exact in Z_2^64").containsExactly(ringSum);
        // Each encoding is off by at most 2^-25; the doubles' own rounding adds far less than that.
        assertThat(result.sum()).containsExactly(plainSum, within(FIXED_POINT.tolerance(expected.size()) + 1e-9));
    }

    @Test
    void more_than_n_minus_t_dropouts_abort_the_round() {
        var random = new DeterministicRandom(7);
        var config = new SecAggConfig(1, THRESHOLD, LENGTH, FIXED_POINT);
        var dropouts = new Dropouts(Set.of(), Set.of(1, 2, 3, 4), Set.of());

        assertThatIllegalStateException()
                .isThrownBy(() -> SecAggRound.run(new SecAggServer(config), clients(config, inputs(random), random), dropouts))
                .withMessageContaining("fewer than the threshold");
    }

    @Test
    void the_server_needs_t_unmasking_responses() {
        var random = new DeterministicRandom(8);
        var config = new SecAggConfig(1, THRESHOLD, LENGTH, FIXED_POINT);
        var dropouts = new Dropouts(Set.of(), Set.of(1), Set.of(2, 3, 4));

        assertThatIllegalStateException()
                .isThrownBy(() -> SecAggRound.run(new SecAggServer(config), clients(config, inputs(random), random), dropouts))
                .withMessageContaining("unmasking responses");
    }

    @Test
    void a_client_answers_one_unmasking_request_only() {
        var random = new DeterministicRandom(9);
        var config = new SecAggConfig(1, 2, 4, FIXED_POINT);
        var server = new SecAggServer(config);
        List<SecAggClient> clients = new ArrayList<>();
        for (int user = 0; user < 3; user++) {
            clients.add(new SecAggClient(user, config, new double[] {1, 2, 3, 4}, random));
        }
        clients.forEach(client -> server.receive(client.advertiseKeys()));
        Roster roster = server.closeAdvertising();
        clients.forEach(client -> server.receive(client.user(), client.shareKeys(roster)));
        var deliveries = server.closeSharing();
        clients.forEach(client -> server.receive(client.maskInput(deliveries.get(client.user()))));
        UnmaskRequest request = server.closeMasking();
        SecAggClient first = clients.getFirst();

        UnmaskResponse response = first.unmask(request);

        assertThat(response.selfMaskShares()).containsOnlyKeys(0, 1, 2);
        assertThat(response.maskKeyShares()).isEmpty();
        // A server that now claims user 1 dropped would get its mask key on top of its self-mask seed.
        assertThatIllegalStateException().isThrownBy(() -> first.unmask(new UnmaskRequest(new TreeSet<>(Set.of(0, 2)))));
    }

    private static double[][] inputs(DeterministicRandom random) {
        double[][] inputs = new double[USERS][LENGTH];
        for (double[] input : inputs) {
            for (int i = 0; i < LENGTH; i++) {
                input[i] = (random.nextDouble() - 0.5) * 2000;
            }
        }
        return inputs;
    }

    private static List<SecAggClient> clients(SecAggConfig config, double[][] inputs, DeterministicRandom random) {
        List<SecAggClient> clients = new ArrayList<>();
        for (int user = 0; user < inputs.length; user++) {
            clients.add(new SecAggClient(user, config, inputs[user], random));
        }
        return clients;
    }
}
