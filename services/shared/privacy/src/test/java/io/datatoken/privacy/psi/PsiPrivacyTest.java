package io.datatoken.privacy.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Privacy: what each party receives, and what it can and cannot compute from it. */
class PsiPrivacyTest {

    private static final BlindingPool POOL = new BlindingPool(3);
    private static final List<String> COMMON = PsiIntersectionTest.randomItems(new Random(1), "common", 40);
    private static final List<String> PROSPECTS = concat(COMMON, PsiIntersectionTest.randomItems(new Random(2), "prospect", 160));
    private static final List<String> CLIENTS = concat(COMMON, PsiIntersectionTest.randomItems(new Random(3), "client", 260));

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    @Test
    void the_responder_receives_blinded_points_never_the_requesters_hashes() {
        var run = PsiRun.between(PsiTerms.responderLearnsNothing(), PROSPECTS, CLIENTS, POOL);

        Set<String> received = Set.copyOf(run.request().requesterPoints().toHex());
        assertThat(received).hasSize(PROSPECTS.size()).doesNotContainAnyElementsOf(hashes(PROSPECTS));
        // Not even the common items' hashes, which the responder could compute itself.
        assertThat(received).doesNotContainAnyElementsOf(hashes(CLIENTS));
    }

    @Test
    void two_runs_over_the_same_lists_share_no_point() {
        var first = PsiRun.between(PsiTerms.responderLearnsNothing(), PROSPECTS, CLIENTS, POOL);
        var second = PsiRun.between(PsiTerms.responderLearnsNothing(), PROSPECTS, CLIENTS, POOL);

        assertThat(first.intersection()).isEqualTo(Set.copyOf(COMMON));
        assertThat(second.intersection()).isEqualTo(Set.copyOf(COMMON));
        // Fresh secrets each run: neither party can link its view of one run to the other's.
        assertThat(first.request().requesterPoints().toHex())
                .doesNotContainAnyElementsOf(second.request().requesterPoints().toHex());
        assertThat(first.response().responderPoints().toHex())
                .doesNotContainAnyElementsOf(second.response().responderPoints().toHex());
        assertThat(first.response().requesterPointsReblinded().toHex())
                .doesNotContainAnyElementsOf(second.response().requesterPointsReblinded().toHex());
    }

    @Test
    void the_points_of_a_run_are_distinct() {
        var run = PsiRun.between(PsiTerms.responderLearnsNothing(), PROSPECTS, CLIENTS, POOL);

        var all = new ArrayList<String>();
        all.addAll(run.request().requesterPoints().toHex());
        all.addAll(run.response().responderPoints().toHex());
        assertThat(all).doesNotHaveDuplicates().hasSize(PROSPECTS.size() + CLIENTS.size());
        assertThat(run.response().requesterPointsReblinded().toHex()).doesNotHaveDuplicates();
    }

    /**
     * The blinded points' bytes look uniform. Each is a u-coordinate below p = 2^255 - 19, little-endian:
     * bytes 0..30 are uniform over 0..255 and byte 31 over 0..127 (its top bit is always 0). Pearson's
     * statistic of N uniform bytes over k bins follows chi-square with k - 1 degrees of freedom: mean 255
     * and standard deviation sqrt(510) = 22.6 for bytes 0..30; bound 400 (6.4 standard deviations,
     * P(X > 400) ~ 2e-8 by Wilson-Hilferty). For byte 31's 7 bits: 127 degrees of freedom, mean 127, sd 15.9,
     * bound 240 (P ~ 1e-8). A fixed pattern, a biased encoding or unencoded items exceed them by far.
     */
    @Test
    void the_bytes_of_blinded_points_pass_a_chi_square_uniformity_check() {
        var items = PsiIntersectionTest.randomItems(new Random(4), "u", 4096);
        byte[] bytes = new PsiRequester(PsiTerms.responderLearnsNothing(), items, POOL, new SecureRandom())
                .request().requesterPoints().toBytes();

        long[] low = new long[256];
        long[] top = new long[128];
        for (int off = 0; off < bytes.length; off += BlindedPoints.POINT_SIZE) {
            for (int i = 0; i < 31; i++) {
                low[bytes[off + i] & 0xFF]++;
            }
            int last = bytes[off + 31] & 0xFF;
            assertThat(last).isLessThan(128);
            top[last]++;
        }
        assertThat(chiSquare(low)).isLessThan(400.0);
        assertThat(chiSquare(top)).isLessThan(240.0);
    }

    @Test
    void the_responders_view_is_counts_and_blinded_points_only() {
        // Every message the responder receives, and all it can be told afterwards.
        assertThat(componentTypes(PsiRequest.class)).containsExactly(BlindedPoints.class);
        assertThat(componentTypes(IntersectionSize.class)).containsExactly(int.class);
        assertThat(instanceFieldTypes(BlindedPoints.class)).containsExactly(byte[].class);

        var run = PsiRun.between(PsiTerms.responderLearnsSize(), PROSPECTS, CLIENTS, POOL);
        assertThat(run.request().requesterPoints().size()).isEqualTo(PROSPECTS.size());
        assertThat(run.request().requesterPoints().toBytes()).hasSize(PROSPECTS.size() * BlindedPoints.POINT_SIZE);
        assertThat(run.responder().intersectionSize()).hasValue(COMMON.size());
    }

    @Test
    void the_requester_learns_nothing_of_the_responders_other_items_but_their_number() {
        var random = new SecureRandom();
        var a = BlindingKey.random(random);
        var requester = new PsiRequester(PsiTerms.responderLearnsNothing(), PROSPECTS, POOL, random, a);
        var responder = new PsiResponder(PsiTerms.responderLearnsNothing(), CLIENTS, POOL, random);
        var run = PsiRun.between(requester, responder);

        assertThat(componentTypes(PsiResponse.class)).containsExactly(BlindedPoints.class, BlindedPoints.class);
        assertThat(run.response().responderPoints().size()).isEqualTo(CLIENTS.size());
        assertThat(run.response().responderPoints().toHex()).doesNotContainAnyElementsOf(hashes(CLIENTS));

        // The requester's best test of a guess y is H(y)^a against the (H(y')^b)^a it can compute:
        // it confirms only the common items; the responder's other items, guessed right, match nothing.
        Set<String> whatItCanCompare = Set.copyOf(POOL.blind(run.response().responderPoints(), a).toHex());
        var others = CLIENTS.stream().filter(c -> !COMMON.contains(c)).toList();
        assertThat(whatItCanCompare).doesNotContainAnyElementsOf(blinded(others, a));
        Set<String> reblinded = Set.copyOf(run.response().requesterPointsReblinded().toHex());
        assertThat(whatItCanCompare.stream().filter(reblinded::contains)).hasSize(COMMON.size());
        assertThat(run.intersection()).isEqualTo(Set.copyOf(COMMON));
    }

    @Test
    void the_size_reaches_the_responder_only_when_the_terms_say_so() {
        var silent = PsiRun.between(PsiTerms.responderLearnsNothing(), PROSPECTS, CLIENTS, POOL);
        assertThat(silent.size()).isEmpty();
        assertThat(silent.responder().intersectionSize()).isEmpty();
        assertThatThrownBy(() -> silent.responder().receive(new IntersectionSize(COMMON.size())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("terms do not reveal");

        var told = PsiRun.between(PsiTerms.responderLearnsSize(), PROSPECTS, CLIENTS, POOL);
        assertThat(told.size()).contains(new IntersectionSize(COMMON.size()));
        assertThat(told.responder().intersectionSize()).hasValue(COMMON.size());
    }

    private static Set<String> hashes(List<String> items) {
        var hash = HashToCurve25519.forPsi();
        Set<String> out = new HashSet<>();
        for (byte[] item : PsiItems.utf8(items)) {
            out.add(HexFormat.of().formatHex(hash.hashToCurve(item)));
        }
        return out;
    }

    private static Set<String> blinded(List<String> items, BlindingKey key) {
        return Set.copyOf(POOL.hashAndBlind(PsiItems.utf8(items), key).toHex());
    }

    private static double chiSquare(long[] counts) {
        double total = Arrays.stream(counts).sum();
        double expected = total / counts.length;
        double sum = 0;
        for (long count : counts) {
            sum += (count - expected) * (count - expected) / expected;
        }
        return sum;
    }

    private static List<Class<?>> componentTypes(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).<Class<?>>map(RecordComponent::getType).toList();
    }

    private static List<Class<?>> instanceFieldTypes(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .<Class<?>>map(Field::getType).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
