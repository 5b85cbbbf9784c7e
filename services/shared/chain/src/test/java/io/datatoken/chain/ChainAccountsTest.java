package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChainAccountsTest {

    @Test
    void a_generated_key_signs_for_its_address_and_accounts_differ() {
        var first = ChainAccounts.generate();
        var second = ChainAccounts.generate();

        assertThat(first.privateKey()).matches("0x[0-9a-f]{64}");
        assertThat(ChainAccounts.addressOf(first.privateKey())).isEqualTo(first.address());
        assertThat(second.address()).isNotEqualTo(first.address());
        assertThat(first.toString()).doesNotContain(first.privateKey().substring(2));
    }

    @Test
    void knows_anvils_first_dev_account() {
        assertThat(ChainAccounts.addressOf("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80").value())
                .isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    }
}
