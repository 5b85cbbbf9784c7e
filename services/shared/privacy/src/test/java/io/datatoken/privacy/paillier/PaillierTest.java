package io.datatoken.privacy.paillier;

import static io.datatoken.privacy.paillier.TestKeys.KEYS;
import static io.datatoken.privacy.paillier.TestKeys.OTHER_KEYS;
import static io.datatoken.privacy.paillier.TestKeys.RANDOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaillierTest {

    private final PaillierPublicKey key = KEYS.publicKey();
    private final BigInteger n = key.modulus();

    @Test
    void decrypting_a_ciphertext_gives_back_its_plaintext() {
        for (BigInteger m : List.of(BigInteger.ZERO, BigInteger.ONE, n.subtract(BigInteger.ONE), new BigInteger(500, RANDOM))) {
            Ciphertext c = key.encrypt(m, RANDOM);

            assertThat(KEYS.privateKey().decrypt(c)).isEqualTo(m);
        }
    }

    @Test
    void encryption_is_probabilistic_the_same_value_never_gives_the_same_ciphertext() {
        BigInteger m = BigInteger.valueOf(42);
        Set<BigInteger> ciphertexts = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Ciphertext c = key.encrypt(m, RANDOM);
            ciphertexts.add(c.value());
            assertThat(KEYS.privateKey().decrypt(c)).isEqualTo(m);
        }

        assertThat(ciphertexts).hasSize(20);
        // Nor is any the deterministic g^m = 1 + mn (r = 1).
        assertThat(ciphertexts).doesNotContain(BigInteger.ONE.add(m.multiply(n)));
    }

    @Test
    void the_product_of_ciphertexts_decrypts_to_the_sum_of_their_plaintexts_mod_n() {
        BigInteger a = new BigInteger(500, RANDOM);
        BigInteger b = new BigInteger(500, RANDOM);
        BigInteger last = n.subtract(BigInteger.ONE);

        assertThat(KEYS.privateKey().decrypt(key.add(key.encrypt(a, RANDOM), key.encrypt(b, RANDOM)))).isEqualTo(a.add(b).mod(n));
        assertThat(KEYS.privateKey().decrypt(key.add(key.encrypt(last, RANDOM), key.encrypt(BigInteger.TWO, RANDOM))))
                .isEqualTo(BigInteger.ONE);
        assertThat(KEYS.privateKey().decrypt(key.add(key.zero(), key.encrypt(a, RANDOM)))).isEqualTo(a);
    }

    @Test
    void a_power_of_a_ciphertext_decrypts_to_the_plaintext_times_the_constant() {
        BigInteger a = new BigInteger(300, RANDOM);
        Ciphertext c = key.encrypt(a, RANDOM);

        assertThat(KEYS.privateKey().decrypt(key.multiply(c, BigInteger.valueOf(12345)))).isEqualTo(a.multiply(BigInteger.valueOf(12345)).mod(n));
        assertThat(KEYS.privateKey().decrypt(key.multiply(c, BigInteger.valueOf(-3)))).isEqualTo(a.multiply(BigInteger.valueOf(-3)).mod(n));
        assertThat(KEYS.privateKey().decrypt(key.multiply(c, BigInteger.ZERO))).isZero();
    }

    @Test
    void a_private_key_refuses_a_ciphertext_under_another_key() {
        Ciphertext c = key.encrypt(BigInteger.valueOf(7), RANDOM);

        assertThatThrownBy(() -> OTHER_KEYS.privateKey().decrypt(c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key.keyId()).hasMessageContaining(OTHER_KEYS.publicKey().keyId());
        assertThatThrownBy(() -> OTHER_KEYS.publicKey().add(c, OTHER_KEYS.publicKey().encrypt(BigInteger.ONE, RANDOM)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_wrong_key_applied_to_a_ciphertext_anyway_gives_garbage() {
        BigInteger m = BigInteger.valueOf(7);
        Ciphertext c = key.encrypt(m, RANDOM);
        PaillierPublicKey other = OTHER_KEYS.publicKey();
        var relabelled = new Ciphertext(other, c.value().mod(other.modulusSquared()));

        assertThat(OTHER_KEYS.privateKey().decrypt(relabelled)).isNotEqualTo(m);
    }

    @Test
    void what_is_not_a_unit_mod_n_squared_is_no_ciphertext() {
        assertThatThrownBy(() -> new Ciphertext(key, BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ciphertext(key, key.modulusSquared())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ciphertext(key, n)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.encrypt(n, RANDOM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.encrypt(BigInteger.ONE.negate(), RANDOM)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generated_keys_have_a_modulus_of_the_asked_length_and_fresh_primes() {
        var keys = PaillierKeyPair.generateAnySize(768, RANDOM);

        assertThat(keys.publicKey().bits()).isEqualTo(768);
        assertThat(keys.publicKey()).isNotEqualTo(PaillierKeyPair.generateAnySize(768, RANDOM).publicKey());
        assertThat(keys.publicKey().keyId()).hasSize(32).isNotEqualTo(key.keyId());
        assertThat(keys.privateKey()).hasToString("PaillierPrivateKey[for " + keys.publicKey() + "]"); // no secret in logs
    }

    @Test
    void keys_below_2048_bits_are_refused_outside_the_tests() {
        assertThatThrownBy(() -> PaillierKeyPair.generate(1024, RANDOM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsafe").hasMessageContaining("2048");
    }

    @Test
    void a_default_key_is_2048_bits_and_adds_under_encryption() {
        var keys = PaillierKeyPair.generate(RANDOM);
        PaillierPublicKey big = keys.publicKey();
        BigInteger a = new BigInteger(2000, RANDOM);

        Ciphertext sum = big.add(big.encrypt(a, RANDOM), big.encrypt(BigInteger.TEN, RANDOM));

        assertThat(big.bits()).isEqualTo(2048);
        assertThat(keys.privateKey().decrypt(sum)).isEqualTo(a.add(BigInteger.TEN));
    }
}
