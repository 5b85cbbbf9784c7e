package io.datatoken.privacy.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Any computeNodes - 1 shares are uniformly distributed, whatever the data. Test: for 3 nodes,
 * every pair of shares, every 64-bit word and both its top and its bottom 4 bits, the 256 joint
 * values of the pair's nibbles over 10,240 sharings of the same column are checked against the
 * uniform distribution by Pearson's chi-square (255 degrees of freedom). Bound: a statistic above
 * 377.08 has probability 1e-6 under uniformity (scipy.stats.chi2.isf(1e-6, 255)); with the 48 checks
 * here a correct implementation fails with probability below 5e-5. The same statistic over all 3
 * shares (their sum is the data) lies far above it: the test detects what is not uniform.
 */
class SharingPrivacyTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NODES = 3;
    private static final int SAMPLES = 256 * 40;
    private static final double CRITICAL = 377.08;
    private static final List<ToLongFunction<Moments>> WORDS = List.of(Moments::count, Moments::sum, Moments::squaresLow, Moments::squaresHigh);

    private final StatsParameters parameters = StatsParameters.of(NODES, 1);

    @Test
    void any_two_of_three_shares_are_uniform_for_small_and_extreme_columns() {
        for (double[] column : List.of(new double[] {0}, new double[] {-1_000_000.5, 1_048_575.75, 3})) {
            List<List<MomentShare>> sharings = sharings(column);
            for (int[] pair : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
                for (ToLongFunction<Moments> word : WORDS) {
                    for (int shift : new int[] {60, 0}) {
                        double statistic = chiSquare(sharings, pair, word, shift);

                        assertThat(statistic).as("nodes %d and %d, bits %d", pair[0], pair[1], shift).isLessThan(CRITICAL);
                    }
                }
            }
        }
    }

    @Test
    void all_shares_together_are_not_uniform_they_add_up_to_the_data() {
        List<List<MomentShare>> sharings = sharings(new double[] {2.5, -7});
        int[] counts = new int[16];
        for (List<MomentShare> sharing : sharings) {
            Moments total = Moments.ZERO;
            for (MomentShare share : sharing) {
                total = total.plus(share.share());
            }
            counts[(int) (total.sum() & 15)]++;
        }

        assertThat(statistic(counts, SAMPLES)).isGreaterThan(CRITICAL);
    }

    @Test
    void a_node_sees_only_fresh_random_shares_never_the_partys_moments() {
        double[] column = {12.5, 12.5, -3};
        var party = new StatsParty("bank-a", parameters, RANDOM);
        Moments moments = party.moments(column);
        List<Moments> seen = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            var node = new StatsNode(0, parameters);
            party.share(column).stream().filter(s -> s.node() == 0).forEach(node::receive);
            node.view().forEach(share -> seen.add(share.share()));
            assertThat(node.partial().sum()).isNotEqualTo(moments);
        }

        assertThat(seen).hasSize(2).doesNotHaveDuplicates().doesNotContain(moments);
        assertThat(seen).allSatisfy(share -> assertThat(share.count()).isNotEqualTo(3));
    }

    private List<List<MomentShare>> sharings(double[] column) {
        var party = new StatsParty("bank-a", parameters, RANDOM);
        List<List<MomentShare>> sharings = new ArrayList<>(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            sharings.add(party.share(column));
        }
        return sharings;
    }

    private static double chiSquare(List<List<MomentShare>> sharings, int[] pair, ToLongFunction<Moments> word, int shift) {
        int[] counts = new int[256];
        for (List<MomentShare> sharing : sharings) {
            long first = word.applyAsLong(sharing.get(pair[0]).share()) >>> shift & 15;
            long second = word.applyAsLong(sharing.get(pair[1]).share()) >>> shift & 15;
            counts[(int) (first << 4 | second)]++;
        }
        return statistic(counts, sharings.size());
    }

    private static double statistic(int[] counts, int samples) {
        double expected = (double) samples / counts.length;
        double sum = 0;
        for (int count : counts) {
            sum += (count - expected) * (count - expected) / expected;
        }
        return sum;
    }
}
