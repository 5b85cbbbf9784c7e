package io.datatoken.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeedSharingTest {

    private static final int HOLDERS = 10;
    private static final int THRESHOLD = 7;

    @Test
    void any_t_shares_give_the_seed_back() {
        var random = new DeterministicRandom(1);
        var pick = new Random(1);
        for (int trial = 0; trial < 50; trial++) {
            byte[] seed = random.generateSeed(32);
            List<Share> shares = new ArrayList<>(List.of(SeedSharing.split(seed, THRESHOLD, HOLDERS, random)));
            Collections.shuffle(shares, pick);

            assertThat(SeedSharing.reconstruct(shares.subList(0, THRESHOLD))).isEqualTo(seed);
            assertThat(SeedSharing.reconstruct(shares)).as("more than t agree too").isEqualTo(seed);
        }
    }

    @Test
    void t_minus_one_shares_give_a_wrong_seed() {
        var random = new DeterministicRandom(2);
        var pick = new Random(2);
        for (int trial = 0; trial < 200; trial++) {
            byte[] seed = random.generateSeed(32);
            List<Share> shares = new ArrayList<>(List.of(SeedSharing.split(seed, THRESHOLD, HOLDERS, random)));
            Collections.shuffle(shares, pick);

            byte[] guess = SeedSharing.reconstruct(shares.subList(0, THRESHOLD - 1));

            assertThat(guess).isNotEqualTo(seed);
            // Not even close: about 1/256 of the bytes agree by chance, as for an unrelated value.
            int equalBytes = 0;
            for (int i = 0; i < seed.length; i++) {
                equalBytes += guess[i] == seed[i] ? 1 : 0;
            }
            assertThat(equalBytes).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void a_share_of_a_fixed_seed_is_uniformly_distributed() {
        // The seed is all zeros every time; if a share leaked it, its bytes would cluster. Chi-square over
        // 256 byte values, 255 degrees of freedom: 330.52 is the 0.999 quantile.
        var random = new DeterministicRandom(3);
        long[] counts = new long[256];
        for (int trial = 0; trial < 256 * 40; trial++) {
            Share share = SeedSharing.split(new byte[32], THRESHOLD, HOLDERS, random)[trial % HOLDERS];
            counts[share.y()[trial % 32] & 0xff]++;
        }

        assertThat(ChiSquare.uniformity(counts)).isLessThan(ChiSquare.CRITICAL_255_DF_P001);
    }

    @Test
    void a_group_is_at_most_255_holders() {
        assertThatIllegalArgumentException().isThrownBy(() -> SeedSharing.split(new byte[32], 100, 256, new DeterministicRandom(4)));
    }
}
