package io.datatoken.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

import io.datatoken.contracts.generated.OrganizationRegistry;

class ContractErrorsTest {

    private final ContractErrors errors = ContractErrors.of(OrganizationRegistry.class);

    @Test
    void indexes_every_custom_error_of_the_contract_abi_and_describes_it() throws IOException {
        List<String> abiErrors = abiErrorNames();

        assertThat(abiErrors).isNotEmpty();
        assertThat(errors.selectorsByName()).containsOnlyKeys(abiErrors);
        assertThat(Web3jOrganizationLedger.DESCRIPTIONS).containsOnlyKeys(abiErrors);
    }

    @Test
    void selectors_are_the_first_four_bytes_of_the_keccak_of_the_signature() {
        assertThat(errors.selectorsByName().get("NotAdmin"))
                .isEqualTo(Hash.sha3String("NotAdmin(address)").substring(0, 10));
        assertThat(errors.selectorsByName().get("ZeroAddress"))
                .isEqualTo(Hash.sha3String("ZeroAddress()").substring(0, 10));
    }

    @Test
    void decodes_revert_data_into_the_error_name_and_readable_arguments() {
        String selector = Hash.sha3String("OrganizationExists(bytes32)").substring(0, 10);
        String bankA = "62616e6b2d61" + "0".repeat(52);

        assertThat(errors.decode(selector + bankA))
                .contains(new ContractErrors.Revert("OrganizationExists", List.of("bank-a")));
        String account = "0".repeat(24) + "f39fd6e51aad88f6f4ce6ab8827279cfffb92266";
        assertThat(errors.decode(Hash.sha3String("AccountTaken(address)").substring(0, 10) + account))
                .contains(new ContractErrors.Revert("AccountTaken", List.of("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")));
    }

    @Test
    void finds_revert_data_in_raw_json_rpc_error_data() {
        String data = Hash.sha3String("ZeroAddress()").substring(0, 10);

        assertThat(errors.decode("\"" + data + "\"")).contains(new ContractErrors.Revert("ZeroAddress", List.of()));
        assertThat(errors.decode("{\"data\":\"" + data + "\"}")).contains(new ContractErrors.Revert("ZeroAddress", List.of()));
    }

    @Test
    void unknown_or_missing_revert_data_is_not_named() {
        assertThat(errors.decode(null)).isEmpty();
        assertThat(errors.decode("0x")).isEmpty();
        // Error(string), the classic require message: not a custom error of this contract
        assertThat(errors.decode("0x08c379a0" + "0".repeat(64))).isEmpty();
    }

    private static List<String> abiErrorNames() throws IOException {
        try (InputStream in = ContractErrorsTest.class.getResourceAsStream("/io/datatoken/contracts/OrganizationRegistry.abi")) {
            assertThat(in).as("ABI packaged in the contracts jar").isNotNull();
            String abi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Entries of solc's ABI list "inputs" before "name" and "type"; match an error entry's name.
            Matcher m = Pattern.compile("\"name\":\\s*\"(\\w+)\",\\s*\"type\":\\s*\"error\"").matcher(abi);
            List<String> names = new java.util.ArrayList<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }
}
