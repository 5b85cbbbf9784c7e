package io.datatoken.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.datatoken.contracts.generated.OrganizationRegistry;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerOrganization;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.organization.PlatformRole;

/**
 * The organization ledger on the OrganizationRegistry contract. Changes are dry-run first and
 * refusals named from the contract's custom errors (see {@link ContractCalls}).
 */
public final class Web3jOrganizationLedger implements OrganizationLedger {

    private static final ContractErrors ERRORS = ContractErrors.of(OrganizationRegistry.class);

    /** What each custom error of OrganizationRegistry.sol means, for the refusal message. */
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("NotAdmin", "account %s is not the ledger's administrator"),
            Map.entry("NotPendingAdmin", "account %s was not offered the administration"),
            Map.entry("ZeroAddress", "the zero address cannot be used"),
            Map.entry("ZeroOrganizationId", "the organization id must not be empty"),
            Map.entry("InvalidRoles", "role bits %s are not a valid, non-empty role set"),
            Map.entry("OrganizationExists", "organization %s is already registered"),
            Map.entry("UnknownOrganization", "organization %s is not registered"),
            Map.entry("AccountTaken", "account %s already acts for an organization"),
            Map.entry("AlreadySuspended", "organization %s is already suspended"),
            Map.entry("NotSuspended", "organization %s is not suspended"));

    private final OrganizationRegistry registry;
    private final ContractCalls calls;

    public Web3jOrganizationLedger(ChainConnection connection, ChainAddress registryAddress) {
        Objects.requireNonNull(connection, "connection");
        this.registry = OrganizationRegistry.load(registryAddress.value(), connection.web3j(),
                connection.transactionManager(), connection.gasProvider());
        this.calls = new ContractCalls(connection, "organization registry", registry.getContractAddress(), ERRORS,
                DESCRIPTIONS);
    }

    /**
     * Deploys a new, empty registry administered by the connection's account (dev chains and
     * tests; production registries are deployed once by the operator).
     */
    public static Web3jOrganizationLedger deploy(ChainConnection connection) {
        try {
            OrganizationRegistry deployed = OrganizationRegistry.deploy(connection.web3j(),
                    connection.transactionManager(), connection.gasProvider()).send();
            return new Web3jOrganizationLedger(connection, ChainAddress.of(deployed.getContractAddress()));
        } catch (Exception e) {
            throw new LedgerUnavailable("could not deploy OrganizationRegistry at " + connection.settings().rpcUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The generated wrapper, for tests of what the port cannot express (e.g. admin hand-over). */
    OrganizationRegistry contract() {
        return registry;
    }

    public ChainAddress registryAddress() {
        return ChainAddress.of(registry.getContractAddress());
    }

    @Override
    public void register(OrganizationAlias organization, ChainAddress account, Set<PlatformRole> roles) {
        submit("register " + organization, registry.registerOrganization(
                OrganizationIds.toId(organization), account.value(), uint(RoleBits.toBits(roles))));
    }

    @Override
    public void addAccount(OrganizationAlias organization, ChainAddress account) {
        submit("add account to " + organization,
                registry.addAccount(OrganizationIds.toId(organization), account.value()));
    }

    @Override
    public void changeRoles(OrganizationAlias organization, Set<PlatformRole> roles) {
        submit("change roles of " + organization,
                registry.setRoles(OrganizationIds.toId(organization), uint(RoleBits.toBits(roles))));
    }

    @Override
    public void suspend(OrganizationAlias organization) {
        submit("suspend " + organization, registry.suspendOrganization(OrganizationIds.toId(organization)));
    }

    @Override
    public void reinstate(OrganizationAlias organization) {
        submit("reinstate " + organization, registry.reinstateOrganization(OrganizationIds.toId(organization)));
    }

    @Override
    public Optional<OrganizationAlias> organizationOf(ChainAddress account) {
        return Optional.ofNullable(OrganizationIds.toAlias(read(registry.organizationOf(account.value()))));
    }

    @Override
    public Optional<LedgerOrganization> find(OrganizationAlias organization) {
        byte[] id = OrganizationIds.toId(organization);
        if (!read(registry.isRegistered(id))) {
            return Optional.empty();
        }
        int roles = read(registry.rolesOf(id)).intValueExact();
        boolean active = read(registry.isActive(id));
        List<?> accounts = read(registry.accountsOf(id));
        return Optional.of(new LedgerOrganization(organization, RoleBits.toRoles(roles), active,
                accounts.stream().map(a -> ChainAddress.of(a.toString())).toList()));
    }

    @Override
    public boolean isActive(OrganizationAlias organization) {
        return read(registry.isActive(OrganizationIds.toId(organization)));
    }

    @Override
    public boolean hasRole(ChainAddress account, PlatformRole role) {
        return read(registry.hasRole(account.value(), uint(RoleBits.bit(role))));
    }

    /** Dry-runs, sends and waits for one change; package-private so tests can reach every revert. */
    TransactionReceipt submit(String action, RemoteFunctionCall<TransactionReceipt> call) {
        return calls.submit(action, call);
    }

    private <T> T read(RemoteFunctionCall<T> call) {
        return calls.read(call);
    }

    private static BigInteger uint(int value) {
        return BigInteger.valueOf(value);
    }
}
