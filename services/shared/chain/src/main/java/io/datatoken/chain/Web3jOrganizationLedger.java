package io.datatoken.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.utils.Numeric;

import io.datatoken.contracts.generated.OrganizationRegistry;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUser;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.LedgerOrganization;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.organization.PlatformRole;

/**
 * The organization ledger on the OrganizationRegistry contract, acting as the connection's
 * account: the operator's for organizations, an organization account's for its end users.
 * Changes are dry-run first and refusals named from the contract's custom errors (see
 * {@link ContractCalls}).
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
            Map.entry("RemovedOrganization", "organization %s was removed; its id can never be used again"),
            Map.entry("AccountTaken", "account %s already acts for an organization"),
            Map.entry("AccountIsEndUser", "account %s is an end user of organization %s"),
            Map.entry("AccountNotOfOrganization", "account %2$s does not act for organization %1$s"),
            Map.entry("LastAccount", "account %2$s is the last account of organization %1$s;"
                    + " remove the organization instead"),
            Map.entry("AlreadySuspended", "organization %s is already suspended"),
            Map.entry("NotSuspended", "organization %s is not suspended"),
            Map.entry("NotOrganizationAccount", "account %s does not act for any organization"),
            Map.entry("OrganizationInactive", "organization %s is suspended"),
            Map.entry("ZeroUserId", "the end user id must not be empty"),
            Map.entry("EndUserExists", "organization %s already has an end user %s"),
            Map.entry("UnknownEndUser", "organization %s has no end user %s"));

    /** End users read per call when listing an organization's; bounds each eth_call's gas. */
    static final int END_USER_PAGE = 256;

    private final ChainConnection connection;
    private final OrganizationRegistry registry;
    private final ContractCalls calls;

    public Web3jOrganizationLedger(ChainConnection connection, ChainAddress registryAddress) {
        this.connection = Objects.requireNonNull(connection, "connection");
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
    public void removeAccount(OrganizationAlias organization, ChainAddress account) {
        submit("remove account " + account + " from " + organization,
                registry.removeAccount(OrganizationIds.toId(organization), account.value()));
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
    public void remove(OrganizationAlias organization) {
        submit("remove " + organization, registry.removeOrganization(OrganizationIds.toId(organization)));
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

    /**
     * The organizations named by the OrganizationRegistered events, each read as it is now; a
     * removed one is left out (its alias is never registered again, so it cannot come back).
     */
    @Override
    public List<LedgerOrganization> all() {
        return calls.logsOf(OrganizationRegistry.ORGANIZATIONREGISTERED_EVENT).stream()
                .map(log -> OrganizationIds.toAlias(Numeric.hexStringToByteArray(log.getTopics().get(1))))
                .distinct()
                .flatMap(alias -> find(alias).stream())
                .toList();
    }

    @Override
    public boolean isActive(OrganizationAlias organization) {
        return read(registry.isActive(OrganizationIds.toId(organization)));
    }

    @Override
    public boolean isRemoved(OrganizationAlias organization) {
        return read(registry.isRemoved(OrganizationIds.toId(organization)));
    }

    @Override
    public boolean hasRole(ChainAddress account, PlatformRole role) {
        return read(registry.hasRole(account.value(), uint(RoleBits.bit(role))));
    }

    // ---- end users ------------------------------------------------------------------------

    @Override
    public EndUser registerEndUser(EndUserId id, ChainAddress account) {
        TransactionReceipt receipt = submit("register end user " + id + " with account " + account,
                registry.registerEndUser(EndUserIds.toId(id), account.value()));
        // The organization is the one the signer acts for when the transaction runs: read it
        // from the event rather than from a separate, racing read.
        List<OrganizationRegistry.EndUserRegisteredEventResponse> registered =
                OrganizationRegistry.getEndUserRegisteredEvents(receipt);
        if (registered.size() != 1) {
            throw new LedgerUnavailable("the ledger confirmed end user " + id + " in transaction "
                    + receipt.getTransactionHash() + " without recording it", null);
        }
        return new EndUser(LedgerValues.organization(registered.get(0).orgId), id, account);
    }

    @Override
    public void removeEndUser(EndUserId id) {
        submit("remove end user " + id, registry.removeEndUser(EndUserIds.toId(id)));
    }

    @Override
    public Optional<EndUser> findEndUser(ChainAddress account) {
        Tuple2<byte[], byte[]> endUser = read(registry.endUserOf(account.value()));
        OrganizationAlias organization = OrganizationIds.toAlias(endUser.component1());
        return organization == null ? Optional.empty()
                : Optional.of(new EndUser(organization, EndUserIds.toUserId(endUser.component2()), account));
    }

    @Override
    public Optional<EndUser> findEndUser(OrganizationAlias organization, EndUserId id) {
        ChainAddress account = ChainAddress.of(read(registry.endUserAccount(OrganizationIds.toId(organization),
                EndUserIds.toId(id))));
        return isZero(account) ? Optional.empty() : Optional.of(new EndUser(organization, id, account));
    }

    @Override
    public List<EndUser> endUsersOf(OrganizationAlias organization) {
        return endUsersOf(organization, END_USER_PAGE);
    }

    /** Reads page by page, every page at the same block, so concurrent removals cannot hide a user. */
    List<EndUser> endUsersOf(OrganizationAlias organization, int pageSize) {
        byte[] orgId = OrganizationIds.toId(organization);
        OrganizationRegistry atBlock = OrganizationRegistry.load(registry.getContractAddress(), connection.web3j(),
                connection.transactionManager(), connection.gasProvider());
        atBlock.setDefaultBlockParameter(DefaultBlockParameter.valueOf(latestBlock()));
        int count = read(atBlock.endUserCount(orgId)).intValueExact();
        List<EndUser> endUsers = new ArrayList<>(count);
        for (int start = 0; start < count; start += pageSize) {
            Tuple2<List<byte[]>, List<String>> page = read(atBlock.endUsersOf(orgId, uint(start), uint(pageSize)));
            for (int i = 0; i < page.component1().size(); i++) {
                endUsers.add(new EndUser(organization, EndUserIds.toUserId(page.component1().get(i)),
                        ChainAddress.of(page.component2().get(i))));
            }
        }
        return List.copyOf(endUsers);
    }

    private BigInteger latestBlock() {
        try {
            return connection.web3j().ethBlockNumber().send().getBlockNumber();
        } catch (Exception e) {
            throw new LedgerUnavailable("Could not read the latest block of the ledger at "
                    + connection.settings().rpcUrl() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isZero(ChainAddress account) {
        return account.value().chars().skip(2).allMatch(c -> c == '0');
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
