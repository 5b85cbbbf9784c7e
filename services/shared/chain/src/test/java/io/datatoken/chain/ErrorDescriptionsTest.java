package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Hash;

import io.datatoken.contracts.generated.DataTokenRegistry;
import io.datatoken.contracts.generated.OpRegistry;
import io.datatoken.contracts.generated.OrganizationRegistry;
import io.datatoken.contracts.generated.TaskMarket;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.market.JobState;

/**
 * Every adapter knows every custom error of its contract, as packaged in the contracts jar: a new
 * error in a contract fails this test until the adapter describes it.
 */
class ErrorDescriptionsTest {

    static Stream<Arguments> adapters() {
        return Stream.of(
                Arguments.of("OrganizationRegistry", OrganizationRegistry.class, Web3jOrganizationLedger.DESCRIPTIONS),
                Arguments.of("OpRegistry", OpRegistry.class, Web3jOpLedger.DESCRIPTIONS),
                Arguments.of("DataTokenRegistry", DataTokenRegistry.class, Web3jDataTokenLedger.DESCRIPTIONS),
                Arguments.of("TaskMarket", TaskMarket.class, Web3jTaskMarketLedger.DESCRIPTIONS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adapters")
    void every_custom_error_of_the_abi_is_indexed_and_described(String contract, Class<?> wrapper,
                                                                Map<String, String> descriptions) throws IOException {
        List<String> abiErrors = abiErrorNames(contract);

        assertThat(abiErrors).isNotEmpty();
        assertThat(ContractErrors.of(wrapper).selectorsByName()).containsOnlyKeys(abiErrors);
        assertThat(descriptions).containsOnlyKeys(abiErrors);
    }

    @Test
    void selectors_of_the_new_contracts_are_the_keccak_of_their_signatures() {
        assertThat(ContractErrors.of(TaskMarket.class).selectorsByName().get("IllegalTransition"))
                .isEqualTo(Hash.sha3String("IllegalTransition(bytes32,uint8,uint8)").substring(0, 10));
        assertThat(ContractErrors.of(DataTokenRegistry.class).selectorsByName().get("NoLiveGrant"))
                .isEqualTo(Hash.sha3String("NoLiveGrant(bytes32,bytes32)").substring(0, 10));
        assertThat(ContractErrors.of(OpRegistry.class).selectorsByName().get("VersionExists"))
                .isEqualTo(Hash.sha3String("VersionExists(string,string)").substring(0, 10));
    }

    @Test
    void decodes_an_illegal_transition_with_its_arguments() {
        String jobId = "ab".repeat(32);
        String data = Hash.sha3String("IllegalTransition(bytes32,uint8,uint8)").substring(0, 10)
                + jobId + "0".repeat(63) + "4" + "0".repeat(63) + "3";

        assertThat(ContractErrors.of(TaskMarket.class).decode(data)).contains(
                new ContractErrors.Revert("IllegalTransition", List.of("0x" + jobId, "4", "3")));
    }

    @Test
    void kind_and_state_codes_round_trip() {
        for (AssetKind kind : AssetKind.values()) {
            assertThat(Web3jDataTokenLedger.kind(Web3jDataTokenLedger.kindCode(kind))).isEqualTo(kind);
        }
        for (JobState state : JobState.values()) {
            assertThat(Web3jTaskMarketLedger.state(java.math.BigInteger.valueOf(Web3jTaskMarketLedger.code(state))))
                    .isEqualTo(state);
        }
        assertThat(Web3jTaskMarketLedger.code(JobState.SUBMITTED)).isEqualTo(1);
        assertThat(Web3jTaskMarketLedger.code(JobState.REVOKED)).isEqualTo(6);
    }

    static List<String> abiErrorNames(String contract) throws IOException {
        try (InputStream in = ErrorDescriptionsTest.class.getResourceAsStream("/io/datatoken/contracts/" + contract + ".abi")) {
            assertThat(in).as("ABI of " + contract + " packaged in the contracts jar").isNotNull();
            String abi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Entries of solc's ABI list "inputs" before "name" and "type"; match an error entry's name.
            Matcher m = Pattern.compile("\"name\":\\s*\"(\\w+)\",\\s*\"type\":\\s*\"error\"").matcher(abi);
            List<String> names = new ArrayList<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }
}
