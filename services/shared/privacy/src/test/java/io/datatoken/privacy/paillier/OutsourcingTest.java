package io.datatoken.privacy.paillier;

import static io.datatoken.privacy.paillier.TestKeys.KEYS;
import static io.datatoken.privacy.paillier.TestKeys.OTHER_KEYS;
import static io.datatoken.privacy.paillier.TestKeys.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The outsourcing protocol end to end. Tolerance: the decrypted sum is exactly the sum of the
 * encoded values, so it is within N 2^-(s + 1) of the plaintext sum of N values (s = 32 scale bits)
 * and the mean within 2^-(s + 1), plus the mean's 34-digit division.
 */
class OutsourcingTest {

    private static final int SCALE_BITS = 32;
    private static final BigDecimal HALF_STEP = BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(SCALE_BITS + 1)));

    private final KeyHolder keyHolder = new KeyHolder(KEYS, SCALE_BITS, 64);

    @Test
    void the_key_holder_gets_the_sum_count_and_mean_of_all_owners_values() {
        Map<String, List<BigDecimal>> data = Map.of("bank-a", random(40, 1e6), "bank-b", random(25, 1e3), "bank-c", random(3, 1e9));

        Aggregate aggregate = run(data);

        List<BigDecimal> all = data.values().stream().flatMap(List::stream).toList();
        BigDecimal sum = all.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(aggregate.count()).isEqualTo(68);
        assertThat(aggregate.sum().subtract(sum).abs()).isLessThanOrEqualTo(HALF_STEP.multiply(BigDecimal.valueOf(68)));
        BigDecimal mean = sum.divide(BigDecimal.valueOf(68), MathContext.DECIMAL128);
        assertThat(aggregate.mean()).hasValueSatisfying(m -> assertThat(m.subtract(mean).abs()).isLessThanOrEqualTo(HALF_STEP.add(new BigDecimal("1e-20"))));
    }

    @Test
    void one_owner_alone_gets_its_own_sum() {
        Aggregate aggregate = run(Map.of("bank-a", List.of(new BigDecimal("-2.5"), new BigDecimal("4"), new BigDecimal("0.125"))));

        assertThat(aggregate.sum()).isEqualByComparingTo("1.625");
        assertThat(aggregate.count()).isEqualTo(3);
        assertThat(aggregate.mean()).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo(new BigDecimal("1.625").divide(BigDecimal.valueOf(3), MathContext.DECIMAL128)));
    }

    @Test
    void owners_without_rows_add_nothing_and_no_rows_at_all_have_no_mean() {
        Aggregate some = run(Map.of("bank-a", List.of(), "bank-b", List.of(new BigDecimal("-7"))));
        Aggregate none = run(Map.of("bank-a", List.of(), "bank-b", List.of()));

        assertThat(some.sum()).isEqualByComparingTo("-7");
        assertThat(some.count()).isEqualTo(1);
        assertThat(none.sum()).isEqualByComparingTo("0");
        assertThat(none.count()).isZero();
        assertThat(none.mean()).isEmpty();
    }

    @Test
    void as_many_values_as_the_range_allows_sum_exactly_near_the_bound_and_one_more_is_refused() {
        // |v| < 2^475 at 32 scale bits in a 512-bit modulus: room for only a few values.
        var tight = new KeyHolder(KEYS, SCALE_BITS, 475);
        long capacity = tight.announcement().fixedPoint().capacity();
        BigDecimal extreme = new BigDecimal(BigInteger.ONE.shiftLeft(475)).subtract(new BigDecimal("0.5"));
        var node = new EncryptedSumNode(tight.announcement());
        var owner = new DataOwner("bank-a", tight.announcement(), RANDOM);
        var negative = new EncryptedSumNode(tight.announcement());

        node.receive(owner.encrypt(Collections.nCopies((int) capacity, extreme)));
        negative.receive(owner.encrypt(Collections.nCopies((int) capacity, extreme.negate())));

        assertThat(capacity).isBetween(8L, 15L);
        assertThat(tight.result(node.aggregate()).sum()).isEqualByComparingTo(extreme.multiply(BigDecimal.valueOf(capacity)));
        assertThat(tight.result(negative.aggregate()).sum()).isEqualByComparingTo(extreme.negate().multiply(BigDecimal.valueOf(capacity)));
        assertThatThrownBy(() -> node.receive(new DataOwner("bank-b", tight.announcement(), RANDOM).encrypt(List.of(BigDecimal.ONE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed the " + capacity);
        assertThatThrownBy(() -> owner.encrypt(List.of(new BigDecimal(BigInteger.ONE.shiftLeft(475)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("|v| < 2^475");
    }

    @Test
    void the_compute_node_sees_only_fresh_ciphertexts() {
        List<BigDecimal> values = List.of(new BigDecimal("5"), new BigDecimal("5"), new BigDecimal("5"), BigDecimal.ZERO);
        var node = new EncryptedSumNode(keyHolder.announcement());
        var owner = new DataOwner("bank-a", keyHolder.announcement(), RANDOM);
        node.receive(owner.encrypt(values));
        node.receive(new DataOwner("bank-b", keyHolder.announcement(), RANDOM).encrypt(values));

        PaillierPublicKey key = KEYS.publicKey();
        FixedPoint fixedPoint = keyHolder.announcement().fixedPoint();
        Set<BigInteger> plaintextForms = new HashSet<>();
        for (BigDecimal v : values) {
            BigInteger m = fixedPoint.encode(v);
            plaintextForms.add(m);
            plaintextForms.add(BigInteger.ONE.add(m.multiply(key.modulus())).mod(key.modulusSquared())); // g^m, unblinded
        }
        List<BigInteger> seen = node.view().stream().flatMap(v -> v.ciphertexts().stream()).toList();
        assertThat(seen).hasSize(8).doesNotHaveDuplicates().doesNotContainAnyElementsOf(plaintextForms)
                .allSatisfy(c -> assertThat(key.isCiphertext(c)).isTrue());
        assertThat(keyHolder.result(node.aggregate()).sum()).isEqualByComparingTo("30");
    }

    @Test
    void values_under_another_key_and_a_second_batch_are_refused_by_the_node() {
        var node = new EncryptedSumNode(keyHolder.announcement());
        var stranger = new DataOwner("bank-x", new EncryptionKey(OTHER_KEYS.publicKey().modulus(), SCALE_BITS, 64), RANDOM);
        var owner = new DataOwner("bank-a", keyHolder.announcement(), RANDOM);
        node.receive(owner.encrypt(List.of(BigDecimal.ONE)));

        assertThatThrownBy(() -> node.receive(stranger.encrypt(List.of(BigDecimal.ONE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("under key " + OTHER_KEYS.publicKey().keyId());
        assertThatThrownBy(() -> node.receive(owner.encrypt(List.of(BigDecimal.TEN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already sent");
        assertThatThrownBy(() -> node.receive(new EncryptedValues(KEYS.publicKey().keyId(), "bank-b", List.of(BigInteger.ZERO))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a ciphertext");
        assertThat(keyHolder.result(node.aggregate()).count()).isEqualTo(1);
    }

    @Test
    void the_key_holder_decrypts_only_aggregates_under_its_key_within_the_range() {
        var otherHolder = new KeyHolder(OTHER_KEYS, SCALE_BITS, 64);
        var node = new EncryptedSumNode(otherHolder.announcement());
        node.receive(new DataOwner("bank-a", otherHolder.announcement(), RANDOM).encrypt(List.of(BigDecimal.ONE)));
        var tight = new KeyHolder(KEYS, SCALE_BITS, 475);
        var forged = new EncryptedAggregate(KEYS.publicKey().keyId(), BigInteger.ONE, 1000, List.of("bank-a"));

        assertThatThrownBy(() -> keyHolder.result(node.aggregate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not this key holder's");
        assertThatThrownBy(() -> tight.result(forged))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000 values");
    }

    private Aggregate run(Map<String, List<BigDecimal>> data) {
        var node = new EncryptedSumNode(keyHolder.announcement());
        data.forEach((owner, values) -> node.receive(new DataOwner(owner, keyHolder.announcement(), RANDOM).encrypt(values)));
        return keyHolder.result(node.aggregate());
    }

    private static List<BigDecimal> random(int count, double scale) {
        List<BigDecimal> values = new ArrayList<>();
        Stream.generate(() -> new BigDecimal((RANDOM.nextDouble() * 2 - 1) * scale)).limit(count).forEach(values::add);
        return values;
    }
}
