package io.datatoken.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a fixture's contracts as the deployment record services read (see {@link ChainDeployment}). */
final class DeploymentRecord {

    private DeploymentRecord() {
    }

    static Path write(LedgerFixture chain, Path dir) {
        String json = """
                {"chainId": %d, "contracts": {
                  "OrganizationRegistry": {"address": "%s"},
                  "OpRegistry": {"address": "%s"},
                  "DataTokenRegistry": {"address": "%s"},
                  "TaskMarket": {"address": "%s"}}}
                """.formatted(AnvilProcess.CHAIN_ID, chain.organizations.registryAddress(),
                chain.opRegistry.registryAddress(), chain.tokenRegistry.registryAddress(),
                chain.marketContract.marketAddress());
        try {
            return Files.writeString(dir.resolve("deployment.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
