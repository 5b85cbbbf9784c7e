package io.datatoken.compute.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearModelTest {

    @Test
    void recoversTheCoefficientsOfANoiselessLinearRelation() {
        Random random = new Random(7);
        double[][] z = new double[200][3];
        double[] y = new double[200];
        for (int r = 0; r < z.length; r++) {
            for (int c = 0; c < 3; c++) {
                z[r][c] = random.nextGaussian();
            }
            y[r] = 0.5 + 2 * z[r][0] - 1 * z[r][1] + 0.25 * z[r][2];
        }
        LinearModel model = LinearModel.fit(z, y);
        assertThat(model.intercept()).isCloseTo(0.5, within(1e-6));
        assertThat(model.coefficients()).containsExactly(new double[] {2, -1, 0.25}, within(1e-6));
        assertThat(model.rSquared()).isCloseTo(1, within(1e-9));
        assertThat(model.rows()).isEqualTo(200);
    }

    @Test
    void oneLabelPerRowIsRequired() {
        assertThatThrownBy(() -> LinearModel.fit(new double[][] {{1}, {2}}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one label per row");
    }

    @Test
    void decodingAddsThePartsInTheRingAndReadsSignedFixedPoint() {
        long scale = 1L << 16;
        long a = -3 * scale / 2;           // -1.5 as a ring element (two's complement)
        long share = 0x9E3779B97F4A7C15L;  // any word
        double[][] z = Results.decode(List.of(new long[][] {{share, 5 * scale}}, new long[][] {{a - share, 0}}), 16);
        assertThat(z[0]).containsExactly(-1.5, 5.0);
    }
}
