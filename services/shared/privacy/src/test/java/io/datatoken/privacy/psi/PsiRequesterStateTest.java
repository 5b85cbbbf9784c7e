package io.datatoken.privacy.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The requester's secret between its two steps (decision 0018): exported, restored, bound to its run. */
class PsiRequesterStateTest {

    private static final BlindingPool POOL = new BlindingPool(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    @Test
    void aRestoredRequesterFinishesTheRunItsStateCameFrom() {
        var requester = new PsiRequester(PsiTerms.responderLearnsSize(), List.of("ann", "bob", "ann", "cy"), POOL, RANDOM);
        PsiRequest request = requester.request();
        PsiRequesterState state = requester.exportState("run-1");
        PsiResponse response = new PsiResponder(PsiTerms.responderLearnsSize(), List.of("cy", "dee", "ann"), POOL, RANDOM)
                .respond(request);

        PsiRequester restored = PsiRequester.restore(state, "run-1", POOL);

        assertThat(state.itemsInRequestOrder()).hasSize(3).containsExactlyInAnyOrder("ann", "bob", "cy");
        assertThat(restored.receive(response)).contains(new IntersectionSize(2));
        assertThat(restored.intersection()).containsExactlyInAnyOrder("ann", "cy");
        assertThat(state.toString()).doesNotContain(new BigInteger(1, state.scalar()).toString(16));
    }

    @Test
    void aStateOfAnotherRunIsRefused() {
        var requester = new PsiRequester(PsiTerms.responderLearnsNothing(), List.of("a"), POOL, RANDOM);
        requester.request();

        assertThatThrownBy(() -> PsiRequester.restore(requester.exportState("run-1"), "run-2", POOL))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the state belongs to run run-1, not run-2");
    }

    @Test
    void theStateExistsOnlyBetweenRequestAndAnswer() {
        var requester = new PsiRequester(PsiTerms.responderLearnsNothing(), List.of("a"), POOL, RANDOM);

        assertThatThrownBy(() -> requester.exportState("run-1")).isInstanceOf(IllegalStateException.class);
        PsiRequest request = requester.request();
        requester.receive(new PsiResponder(PsiTerms.responderLearnsNothing(), List.of("a"), POOL, RANDOM).respond(request));
        assertThatThrownBy(() -> requester.exportState("run-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theRefusedSmallOrderPointsAreExactlyThoseAnyScalarSendsToTheIdentity() {
        byte[] scalar = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(RANDOM, scalar);
        byte[] out = new byte[32];
        for (BigInteger u : List.of(BigInteger.ZERO, BigInteger.ONE, HashToCurve25519.P.subtract(BigInteger.ONE),
                new BigInteger("325606250916557431795983626356110631294008115727848805560023387167927233504"),
                new BigInteger("39382357235489614581723060781553021112529911719440698176882885853963445705823"))) {
            byte[] point = littleEndian(u);
            assertThat(X25519.calculateAgreement(scalar, 0, point, 0, out, 0)).as("u = %s", u).isFalse();
            assertThatThrownBy(() -> BlindedPoints.received(point)).hasMessageContaining("small order");
        }
        byte[] base = littleEndian(BigInteger.valueOf(9));
        assertThat(X25519.calculateAgreement(scalar, 0, base, 0, out, 0)).isTrue();
        assertThat(BlindedPoints.received(base).size()).isEqualTo(1);
        assertThatThrownBy(() -> BlindedPoints.received(littleEndian(HashToCurve25519.P)))
                .hasMessageContaining("not a canonical u-coordinate");
    }

    private static byte[] littleEndian(BigInteger u) {
        byte[] big = u.toByteArray();
        byte[] little = new byte[32];
        for (int i = 0; i < Math.min(32, big.length); i++) {
            little[i] = big[big.length - 1 - i];
        }
        return little;
    }
}
