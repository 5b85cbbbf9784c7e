package io.datatoken.privacy.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * The protocol end to end against the plaintext statistics of all rows. Tolerances (s scale bits,
 * StatsParameters' precision): mean 2^-(s + 1), variance σ 2^-s + 2^-(2s + 2), each plus 1e-12
 * relative for the plaintext reference's own floating-point error.
 */
class JointStatisticsTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void several_parties_get_the_statistics_of_all_their_rows() {
        var parameters = StatsParameters.of(3, 3);
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("bank-a", random(500, -1000, 1000));
        columns.put("bank-b", random(300, -50, 20_000));
        columns.put("bank-c", random(7, -1e5, -1e4));

        JointStatistics statistics = run(parameters, columns);

        assertMatchesPlaintext(statistics, parameters, columns);
        assertThat(statistics.parties()).containsExactly("bank-a", "bank-b", "bank-c");
    }

    @Test
    void one_party_gets_its_own_statistics() {
        var parameters = StatsParameters.of(2, 1);
        Map<String, double[]> columns = Map.of("bank-a", new double[] {-1.5, 2.25, 3, 100.125});

        JointStatistics statistics = run(parameters, columns);

        assertMatchesPlaintext(statistics, parameters, columns);
        assertThat(statistics.sum()).isEqualTo(103.875); // on the 2^-16 grid: exact
    }

    @Test
    void parties_without_rows_count_for_nothing_and_no_rows_give_no_mean_or_variance() {
        var parameters = StatsParameters.of(3, 2);
        Map<String, double[]> some = new LinkedHashMap<>();
        some.put("bank-a", new double[0]);
        some.put("bank-b", new double[] {4.5});
        Map<String, double[]> none = new LinkedHashMap<>();
        none.put("bank-a", new double[0]);
        none.put("bank-b", new double[0]);

        JointStatistics one = run(parameters, some);
        JointStatistics empty = run(parameters, none);

        assertThat(one.count()).isEqualTo(1);
        assertThat(one.mean()).hasValue(4.5);
        assertThat(one.populationVariance()).hasValue(0.0);
        assertThat(one.sampleVariance()).isEmpty();
        assertThat(empty.count()).isZero();
        assertThat(empty.sum()).isZero();
        assertThat(empty.mean()).isEmpty();
        assertThat(empty.populationVariance()).isEmpty();
        assertThat(empty.sampleVariance()).isEmpty();
    }

    @Test
    void values_and_rows_at_the_bounds_give_exact_totals() {
        // 16 scale bits, |x| < 2^44: room for 2^3 - 1 = 7 rows in all, 3 per party. The top value is the
        // largest double below 2^44 on the 2^-8 grid (a double has 53 bits), a = 2^60 - 2^8.
        var parameters = new StatsParameters(2, 2, 16, 44);
        double top = Math.scalb(1.0, 44) - Math.scalb(1.0, -8);
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("bank-a", new double[] {top, top, top});
        columns.put("bank-b", new double[] {top, top, -top});

        JointStatistics statistics = run(parameters, columns);

        assertThat(parameters.maxTotalRows()).isEqualTo(7);
        assertThat(parameters.maxRowsPerParty()).isEqualTo(3);
        assertThat(statistics.count()).isEqualTo(6);
        assertThat(statistics.sum()).isEqualTo(4 * top);
        assertThat(statistics.mean()).hasValue(4 * top / 6);
        // Five of +t and one of -t: variance t^2 (1 - (2/3)^2) = 5 t^2 / 9, the sample variance 6/5 of it.
        assertThat(statistics.populationVariance().getAsDouble()).isCloseTo(5 * top * top / 9, withinPercentage(1e-13));
        assertThat(statistics.sampleVariance().getAsDouble()).isCloseTo(5 * top * top / 9 * 6 / 5, withinPercentage(1e-13));
        assertThat(run(parameters, Map.of("bank-a", new double[] {-top, -top, -top}, "bank-b", new double[] {-top})).sum())
                .isEqualTo(-4 * top);
    }

    @Test
    void inputs_that_could_overflow_are_refused_with_the_bound() {
        var parameters = new StatsParameters(2, 2, 16, 44);
        var party = new StatsParty("bank-a", parameters, RANDOM);

        assertThatThrownBy(() -> party.share(new double[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bank-a has 4 rows, more than its allowance of 3");
        assertThatThrownBy(() -> party.share(new double[] {1, Math.scalb(1.0, 44)}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1").hasMessageContaining("|x| < 2^44");
        assertThatThrownBy(() -> party.share(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the agreed range");
        assertThatThrownBy(() -> party.share(new double[] {Double.NEGATIVE_INFINITY})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parameters_that_leave_no_room_are_refused() {
        assertThatThrownBy(() -> new StatsParameters(3, 2, 16, 47))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 62");
        assertThatThrownBy(() -> new StatsParameters(3, 2, 16, 46))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("room for 1 rows");
        assertThatThrownBy(() -> new StatsParameters(1, 2, 16, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 compute nodes");
        assertThat(StatsParameters.of(3, 4).maxTotalRows()).isEqualTo((1L << 27) - 1);
    }

    @Test
    void nodes_and_the_recipient_refuse_shares_that_do_not_fit_the_run() {
        var parameters = StatsParameters.of(2, 2);
        var a = new StatsParty("bank-a", parameters, RANDOM).share(new double[] {1, 2});
        var b = new StatsParty("bank-b", parameters, RANDOM).share(new double[] {3});
        var node0 = new StatsNode(0, parameters);
        var node1 = new StatsNode(1, parameters);
        node0.receive(a.get(0));
        node0.receive(b.get(0));
        node1.receive(a.get(1));
        var recipient = new StatsRecipient(parameters);

        assertThatThrownBy(() -> node1.receive(b.get(0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("for node 0");
        assertThatThrownBy(() -> node1.receive(a.get(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already sent");
        assertThatThrownBy(() -> recipient.statistics(List.of(node0.partial(), node1.partial())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same parties");
        assertThatThrownBy(() -> recipient.statistics(List.of(node0.partial())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nodes 0 to 1");
        node1.receive(b.get(1));
        assertThat(recipient.statistics(List.of(node1.partial(), node0.partial())).mean()).hasValue(2.0);
    }

    @Test
    void a_tampered_share_that_breaks_the_bounds_is_detected() {
        var parameters = StatsParameters.of(2, 1);
        var shares = new StatsParty("bank-a", parameters, RANDOM).share(new double[] {1, 2});
        var node0 = new StatsNode(0, parameters);
        var node1 = new StatsNode(1, parameters);
        Moments forged = shares.get(0).share().plus(new Moments(1L << 40, 0, 0, 0));
        node0.receive(new MomentShare("bank-a", 0, forged));
        node1.receive(shares.get(1));

        assertThatThrownBy(() -> new StatsRecipient(parameters).statistics(List.of(node0.partial(), node1.partial())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inconsistent");
    }

    private static JointStatistics run(StatsParameters parameters, Map<String, double[]> columns) {
        List<StatsNode> nodes = new ArrayList<>();
        for (int i = 0; i < parameters.computeNodes(); i++) {
            nodes.add(new StatsNode(i, parameters));
        }
        columns.forEach((party, column) -> new StatsParty(party, parameters, RANDOM).share(column)
                .forEach(share -> nodes.get(share.node()).receive(share)));
        return new StatsRecipient(parameters).statistics(nodes.stream().map(StatsNode::partial).toList());
    }

    private static void assertMatchesPlaintext(JointStatistics statistics, StatsParameters parameters, Map<String, double[]> columns) {
        double[] all = columns.values().stream().flatMapToDouble(Arrays::stream).toArray();
        double mean = DoubleStream.of(all).sum() / all.length;
        double squares = DoubleStream.of(all).map(x -> (x - mean) * (x - mean)).sum();
        double variance = squares / all.length;
        double step = Math.scalb(1.0, -parameters.scaleBits());

        assertThat(statistics.count()).isEqualTo(all.length);
        assertThat(statistics.sum()).isCloseTo(DoubleStream.of(all).sum(), within(all.length * step / 2 + 1e-12 * Math.abs(mean * all.length)));
        assertThat(statistics.mean().getAsDouble()).isCloseTo(mean, within(step / 2 + 1e-12 * Math.abs(mean)));
        double varianceTolerance = Math.sqrt(variance) * step + step * step / 4 + 1e-12 * variance;
        assertThat(statistics.populationVariance().getAsDouble()).isCloseTo(variance, within(varianceTolerance));
        if (all.length > 1) {
            assertThat(statistics.sampleVariance().getAsDouble())
                    .isCloseTo(squares / (all.length - 1), within(varianceTolerance * all.length / (all.length - 1)));
        }
    }

    private static double[] random(int rows, double low, double high) {
        return DoubleStream.generate(() -> low + (high - low) * RANDOM.nextDouble()).limit(rows).toArray();
    }
}
