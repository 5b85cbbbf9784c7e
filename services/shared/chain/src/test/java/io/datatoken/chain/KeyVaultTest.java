package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyVaultTest {

    private static final String KEY = "0x" + "ab".repeat(32);
    private final KeyVault vault = new KeyVault(filled((byte) 7));

    @Test
    void sealed_keys_open_for_their_organization_only() {
        String sealed = vault.seal("bank-a", KEY);

        assertThat(sealed).doesNotContain("abab");
        assertThat(vault.open("bank-a", sealed)).isEqualTo(KEY);
        assertThatIllegalStateException().isThrownBy(() -> vault.open("bank-b", sealed));
    }

    @Test
    void another_kek_cannot_open_them() {
        String sealed = vault.seal("bank-a", KEY);

        assertThatIllegalStateException().isThrownBy(() -> new KeyVault(filled((byte) 8)).open("bank-a", sealed));
    }

    @Test
    void sealing_twice_gives_different_ciphertexts() {
        assertThat(vault.seal("bank-a", KEY)).isNotEqualTo(vault.seal("bank-a", KEY));
    }

    @Test
    void refuses_a_kek_of_the_wrong_size() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyVault(new byte[16]));
    }

    private static byte[] filled(byte value) {
        byte[] key = new byte[32];
        Arrays.fill(key, value);
        return key;
    }
}
