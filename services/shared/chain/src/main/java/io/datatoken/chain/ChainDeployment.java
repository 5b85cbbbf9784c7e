package io.datatoken.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datatoken.domain.organization.ChainAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The deployment record the contracts' deployment writes ({@code contracts/scripts/deploy.mjs}):
 * {@code {chainId, contracts: {Name: {address, …}}}}. Services read their contracts' addresses from it.
 */
public final class ChainDeployment {

    private final Path file;
    private final JsonNode record;

    private ChainDeployment(Path file, JsonNode record) {
        this.file = file;
        this.record = record;
    }

    public static ChainDeployment read(Path file) {
        try {
            return new ChainDeployment(file, new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the deployment record " + file, e);
        }
    }

    /** The address of a deployed contract, e.g. {@code DataTokenRegistry}. */
    public ChainAddress address(String contract) {
        JsonNode address = record.path("contracts").path(contract).path("address");
        if (address.isMissingNode() || address.asText().isBlank()) {
            throw new IllegalStateException("the deployment record " + file + " names no " + contract);
        }
        return ChainAddress.of(address.asText());
    }
}
