package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.datatoken.contracts.generated.DataTokenRegistry;
import io.datatoken.domain.ledger.LedgerEvent;
import io.datatoken.domain.organization.ChainAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.core.methods.response.Log;

class LedgerEventDecoderTest {

    private static final String CHILD = "0x" + "0a".repeat(32);
    private static final String PARENT = "0x" + "0b".repeat(32);
    private static final String TOKENS = "0x" + "44".repeat(20);

    private final LedgerEventDecoder decoder = new LedgerEventDecoder(Map.of(
            "OrganizationRegistry", ChainAddress.of("0x" + "11".repeat(20)),
            "OpRegistry", ChainAddress.of("0x" + "22".repeat(20)),
            "TaskMarket", ChainAddress.of("0x" + "33".repeat(20)),
            "DataTokenRegistry", ChainAddress.of(TOKENS)));

    /** Block 9 at this time, every transaction sent by one account. */
    private static final LedgerEventDecoder.BlockFacts BLOCK = new LedgerEventDecoder.BlockFacts() {
        @Override
        public long time() {
            return 1_700_000_123L;
        }

        @Override
        public String sender(String txHash) {
            return "0x" + "ef".repeat(20);
        }
    };

    @Test
    void puts_indexed_and_data_fields_in_declaration_order_under_their_solidity_names() {
        String data = "0x" + FunctionEncoder.encodeConstructor(List.of(new Uint64(1_700_000_000L),
                new Address("0x" + "AB".repeat(20))));
        LedgerEvent event = decoder.decode(log(TOKENS.toUpperCase().replace("0X", "0x"),
                List.of(EventEncoder.encode(DataTokenRegistry.GRANTED_EVENT), CHILD, PARENT), data), BLOCK);

        assertThat(event.contract()).isEqualTo("DataTokenRegistry");
        assertThat(event.event()).isEqualTo("Granted");
        assertThat(event.fields()).containsExactly(entry("child", CHILD), entry("parent", PARENT),
                entry("expiresAt", "1700000000"), entry("grantedBy", "0x" + "ab".repeat(20)));
        assertThat(event.blockTime()).isEqualTo(1_700_000_123L);
        assertThat(event.sender()).isEqualTo("0x" + "ef".repeat(20));
    }

    @Test
    void refuses_a_log_it_cannot_name() {
        assertThatThrownBy(() -> decoder.decode(log(TOKENS, List.of("0x" + "ee".repeat(32)), "0x"), BLOCK))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> decoder.decode(log("0x" + "55".repeat(20),
                List.of(EventEncoder.encode(DataTokenRegistry.GRANTED_EVENT)), "0x"), BLOCK))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reads_the_four_contracts_addresses() {
        assertThat(decoder.addresses()).hasSize(4).contains(TOKENS);
    }

    private static Log log(String address, List<String> topics, String data) {
        return new Log(false, "0x0", "0x5", "0x" + "cc".repeat(32), "0x" + "dd".repeat(32), "0x9", address, data,
                null, topics);
    }
}
