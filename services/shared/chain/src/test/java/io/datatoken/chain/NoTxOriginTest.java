package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.contracts.generated.DataTokenRegistry;
import io.datatoken.contracts.generated.OpRegistry;
import io.datatoken.contracts.generated.OrganizationRegistry;
import io.datatoken.contracts.generated.TaskMarket;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 2021 prototype authorized by {@code tx.origin}, so any contract a user was lured into calling
 * could act for them. No contract may read it: its compiled code holds no ORIGIN instruction.
 */
class NoTxOriginTest {

    private static final int ORIGIN = 0x32;
    private static final int PUSH1 = 0x60;
    private static final int PUSH32 = 0x7f;

    @Test
    void no_contract_executes_the_origin_instruction() {
        Map<String, String> bytecode = Map.of(
                "OrganizationRegistry", OrganizationRegistry.BINARY,
                "OpRegistry", OpRegistry.BINARY,
                "DataTokenRegistry", DataTokenRegistry.BINARY,
                "TaskMarket", TaskMarket.BINARY);

        bytecode.forEach((contract, hex) -> assertThat(originOffsets(code(hex))).as(contract).isEmpty());
    }

    @Test
    void the_scan_finds_an_origin_instruction_but_not_origin_bytes_inside_push_data() {
        // PUSH1 0x32, ORIGIN, STOP  (+ an empty metadata trailer of length 0)
        byte[] code = HexFormat.of().parseHex("6032" + "32" + "00" + "0000");

        assertThat(originOffsets(code(HexFormat.of().formatHex(code)))).containsExactly(2);
    }

    /** Creation and runtime code without the trailing CBOR metadata (its length is in the last 2 bytes). */
    private static byte[] code(String hex) {
        byte[] all = HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
        int metadata = ((all[all.length - 2] & 0xff) << 8 | (all[all.length - 1] & 0xff)) + 2;
        byte[] code = new byte[all.length - metadata];
        System.arraycopy(all, 0, code, 0, code.length);
        return code;
    }

    /** Offsets of ORIGIN instructions, stepping over the data of PUSH instructions. */
    private static List<Integer> originOffsets(byte[] code) {
        List<Integer> found = new ArrayList<>();
        for (int pc = 0; pc < code.length; pc++) {
            int op = code[pc] & 0xff;
            if (op == ORIGIN) {
                found.add(pc);
            } else if (op >= PUSH1 && op <= PUSH32) {
                pc += op - PUSH1 + 1;
            }
        }
        return found;
    }
}
