package io.datatoken.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A round whose parties are restored from their exported state before every step, as stateless op
 * processes are (decision 0018): the sum is the survivors' plaintext sum, and no state crosses runs.
 */
class PartyStateTest {

    private static final String RUN = "run-1";
    private static final SecAggConfig CONFIG = new SecAggConfig(3, 3, 5, FixedPoint.DEFAULT);

    @Test
    void aRoundOfRestoredPartiesSumsTheSurvivorsInputsWhenOneDropsBeforeMasking() {
        var random = new DeterministicRandom(21);
        double[][] inputs = new double[4][CONFIG.length()];
        for (double[] input : inputs) {
            for (int i = 0; i < input.length; i++) {
                input[i] = (random.nextDouble() - 0.5) * 100;
            }
        }
        Map<Integer, SecAggClientState> kept = new HashMap<>();
        SecAggServer server = new SecAggServer(CONFIG);
        for (int user = 0; user < 4; user++) {
            var client = new SecAggClient(user, CONFIG, random);
            server.receive(client.advertiseKeys());
            kept.put(user, client.exportState(RUN));
        }
        Roster roster = server.closeAdvertising();
        server = SecAggServer.restore(server.exportState(RUN), RUN);
        for (int user = 0; user < 4; user++) {
            var client = SecAggClient.restore(kept.get(user), RUN, random);
            server.receive(user, client.shareKeys(roster));
            kept.put(user, client.exportState(RUN));
        }
        var deliveries = server.closeSharing();
        server = SecAggServer.restore(server.exportState(RUN), RUN);
        for (int user : List.of(0, 1, 3)) { // user 2 drops before masking
            var client = SecAggClient.restore(kept.get(user), RUN, random);
            server.receive(client.maskInput(deliveries.get(user), inputs[user]));
            kept.put(user, client.exportState(RUN));
        }
        UnmaskRequest request = server.closeMasking();
        server = SecAggServer.restore(server.exportState(RUN), RUN);
        for (int user : List.of(0, 1, 3)) {
            server.receive(SecAggClient.restore(kept.get(user), RUN, random).unmask(request));
        }

        AggregationResult result = server.aggregate();

        double[] expected = new double[CONFIG.length()];
        for (int user : List.of(0, 1, 3)) {
            for (int i = 0; i < expected.length; i++) {
                expected[i] += inputs[user][i];
            }
        }
        assertThat(result.contributors()).containsExactly(0, 1, 3);
        assertThat(result.sum()).containsExactly(expected, within(FixedPoint.DEFAULT.tolerance(3) + 1e-9));
    }

    @Test
    void aClientKeepsOnlyWhatItsNextStepNeeds() {
        var random = new DeterministicRandom(22);
        List<SecAggClient> clients = new ArrayList<>();
        var server = new SecAggServer(CONFIG);
        for (int user = 0; user < 3; user++) {
            clients.add(new SecAggClient(user, CONFIG, random));
            server.receive(clients.get(user).advertiseKeys());
        }
        Roster roster = server.closeAdvertising();
        clients.forEach(client -> server.receive(client.user(), client.shareKeys(roster)));
        SecAggClientState shared = clients.getFirst().exportState(RUN);
        var deliveries = server.closeSharing();
        clients.forEach(client -> server.receive(client.maskInput(deliveries.get(client.user()), new double[CONFIG.length()])));

        SecAggClientState masked = clients.getFirst().exportState(RUN);

        assertThat(shared.selfMaskSeed()).hasSize(32);
        assertThat(shared.heldSelfMaskShares()).containsOnlyKeys(0);
        assertThat(masked.selfMaskSeed()).as("forgotten once masked").isNull();
        assertThat(masked.maskPrivateKey()).isNull();
        assertThat(masked.channelPrivateKey()).isNull();
        assertThat(masked.heldSelfMaskShares()).containsOnlyKeys(0, 1, 2);
        assertThat(masked.toString()).doesNotContain("Share[");
    }

    @Test
    void statesOfAnotherRunAreRefused() {
        var random = new DeterministicRandom(23);
        var client = new SecAggClient(0, CONFIG, random);
        client.advertiseKeys();
        var server = new SecAggServer(CONFIG);

        assertThatIllegalArgumentException().isThrownBy(() -> SecAggClient.restore(client.exportState(RUN), "run-2", random))
                .withMessage("the state belongs to run run-1, not run-2");
        assertThatIllegalArgumentException().isThrownBy(() -> SecAggServer.restore(server.exportState(RUN), "run-2"))
                .withMessage("the state belongs to run run-1, not run-2");
    }

    @Test
    void theServersStateIsTakenOnlyAsAPhaseBegins() {
        var random = new DeterministicRandom(24);
        var server = new SecAggServer(CONFIG);
        server.receive(new SecAggClient(0, CONFIG, random).advertiseKeys());

        assertThatIllegalStateException().isThrownBy(() -> server.exportState(RUN)).withMessageContaining("ADVERTISING");
    }
}
