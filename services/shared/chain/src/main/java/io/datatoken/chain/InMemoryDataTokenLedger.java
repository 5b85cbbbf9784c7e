package io.datatoken.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.ledger.TransactionHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUser;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.domain.token.Grant;

/**
 * A {@link DataTokenLedger} in memory, for unit tests of services. It lives in {@code src/main}
 * (like the content store's fake) so a plain dependency on this module is enough, and it passes
 * the same contract test as {@link Web3jDataTokenLedger}: the rules of DataTokenRegistry.sol,
 * refused with the same reasons (the custom error names) and worded with the same descriptions.
 *
 * <p>One {@link Chain} holds the register and the organizations; each instance of this class is
 * one account acting on it, for one organization, as one organization's end user, or for none
 * (like the platform operator's):
 * <pre>{@code
 * var chain = new InMemoryDataTokenLedger.Chain();
 * DataTokenLedger bank = chain.addOrganization(BANK_A, Set.of(PlatformRole.DATA_PROVIDER));
 * DataTokenLedger u1 = chain.addEndUser(BANK_A, EndUserId.of("u1")); // registers its own tokens
 * chain.failNextWrite();   // the next change never reaches the ledger
 * chain.suspend(BANK_A);   // bank-a's tokens, and all above them, are inactive until reinstated
 * }</pre>
 * Times are block times: whole seconds of the chain's clock, which tests move with
 * {@link Chain#advanceTime}.
 */
public final class InMemoryDataTokenLedger implements DataTokenLedger {

    private final Chain chain;
    /** {@code null} for an account of no organization (an end user's account is none either). */
    private final OrganizationAlias organization;
    /** {@code null} unless this account was registered as an end user. */
    private final EndUser endUser;
    private final ChainAddress account;

    private InMemoryDataTokenLedger(Chain chain, OrganizationAlias organization, EndUser endUser, ChainAddress account) {
        this.chain = chain;
        this.organization = organization;
        this.endUser = endUser;
        this.account = account;
    }

    /** The organization this account acts for, if any (none once that organization is removed). */
    public Optional<OrganizationAlias> organization() {
        return Optional.ofNullable(chain.organizationOf(this));
    }

    /** A made-up address for this account, as refusals name it. */
    public ChainAddress account() {
        return account;
    }

    @Override
    public TransactionHash register(DataTokenId id, AssetKind kind, Cid storagePath, Proof proof,
                                    List<DataTokenId> children) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(storagePath, "storagePath");
        Objects.requireNonNull(proof, "proof");
        List<DataTokenId> listed = List.copyOf(children);
        String action = "register data token " + id;
        return chain.write(action, () -> chain.register(this, action, id, kind, storagePath, proof, listed));
    }

    @Override
    public TransactionHash registerAsEndUser(DataTokenId id, Cid storagePath, Proof proof) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(storagePath, "storagePath");
        Objects.requireNonNull(proof, "proof");
        String action = "register data token " + id + " as an end user";
        return chain.write(action, () -> chain.registerAsEndUser(this, action, id, storagePath, proof));
    }

    @Override
    public TransactionHash updateMetadata(DataTokenId id, Cid storagePath, Proof proof) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(storagePath, "storagePath");
        Objects.requireNonNull(proof, "proof");
        String action = "update the metadata of data token " + id;
        return chain.write(action, () -> chain.updateMetadata(this, action, id, storagePath, proof));
    }

    @Override
    public TransactionHash grant(DataTokenId child, DataTokenId parent) {
        String action = "grant " + child + " to " + parent;
        return chain.write(action, () -> chain.grant(this, action, child, parent, null));
    }

    @Override
    public TransactionHash grant(DataTokenId child, DataTokenId parent, Instant expiresAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        String action = "grant " + child + " to " + parent + " until " + expiresAt;
        return chain.write(action, () -> chain.grant(this, action, child, parent, expiresAt));
    }

    @Override
    public TransactionHash revoke(DataTokenId child, DataTokenId parent) {
        String action = "revoke the grant of " + child + " to " + parent;
        return chain.write(action, () -> chain.revoke(this, action, child, parent));
    }

    @Override
    public Optional<DataToken> find(DataTokenId id) {
        return chain.read(() -> Optional.ofNullable(chain.tokens.get(id)).map(Registered::token));
    }

    @Override
    public Optional<Grant> grantOf(DataTokenId child, DataTokenId parent) {
        return chain.read(() -> Optional.ofNullable(chain.grants.get(new Edge(child, parent))));
    }

    @Override
    public boolean isActive(DataTokenId id) {
        return chain.read(() -> chain.tokens.containsKey(id) && chain.active(id, chain.now()));
    }

    @Override
    public boolean isPartOf(DataTokenId id, DataTokenId root) {
        return chain.read(() -> chain.tokens.containsKey(root) && chain.contains(root, id));
    }

    @Override
    public String toString() {
        return "in-memory data token ledger acting as " + account
                + (endUser != null ? " (end user " + endUser.id() + " of " + endUser.organization() + ")"
                : organization == null ? " (no organization)" : " for " + organization);
    }

    /**
     * A token with the bounds the contract fixes at registration and, for an end user's token,
     * the account that registered it (the only one acting for it).
     */
    private record Registered(DataToken token, int depth, int treeSize, ChainAddress endUserAccount) {

        Registered(DataToken token, int depth, int treeSize) {
            this(token, depth, treeSize, null);
        }
    }

    private record Edge(DataTokenId child, DataTokenId parent) {
    }

    private static final class Organization {
        final Set<PlatformRole> roles;
        boolean suspended;
        /** For good: its accounts act for nobody and its alias is never registered again. */
        boolean removed;
        int accounts;

        Organization(Set<PlatformRole> roles) {
            this.roles = EnumSet.copyOf(roles);
        }

        boolean isActive() {
            return !suspended && !removed;
        }
    }

    /**
     * The shared register: tokens, grants, organizations with their roles, the block clock and the
     * outage switches. Thread-safe: every call runs under its lock, like transactions in blocks.
     */
    public static final class Chain {

        /** DataTokenRegistry.sol's bounds. */
        static final int MAX_DEPTH = 8;
        static final int MAX_CHILDREN = 16;
        static final int MAX_TREE_SIZE = 64;
        static final int MAX_STORAGE_PATH_LENGTH = 128;

        private static final String ZERO = "0x" + "0".repeat(64);

        private final Map<OrganizationAlias, Organization> organizations = new HashMap<>();
        private final Map<DataTokenId, Registered> tokens = new HashMap<>();
        private final Map<Edge, Grant> grants = new HashMap<>();
        /** The current account of each end user, by organization (none once the organization is removed). */
        private final Map<OrganizationAlias, Map<EndUserId, ChainAddress>> endUsers = new HashMap<>();
        private long endUserAccounts;
        private final SimulatedRefusals refusals = new SimulatedRefusals(Web3jDataTokenLedger.DESCRIPTIONS);
        private final SimulatedOutages outages = new SimulatedOutages("data token registry");
        private final String name = UUID.randomUUID().toString();
        private final Clock clock;
        private Duration advanced = Duration.ZERO;
        private long transactions;
        private int operatorAccounts;

        /** A chain whose block time is the system clock's. */
        public Chain() {
            this(Clock.systemUTC());
        }

        /** A chain whose block time is {@code clock}'s (plus {@link #advanceTime}). */
        public Chain(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        // ---- set-up: what the organization ledger and the operator do on a real chain ---------

        /**
         * Registers an active organization with these roles and answers an account acting for it.
         *
         * @throws IllegalArgumentException if it exists or was removed, or the roles are empty or include ADMIN
         */
        public synchronized InMemoryDataTokenLedger addOrganization(OrganizationAlias alias, Set<PlatformRole> roles) {
            Objects.requireNonNull(alias, "alias");
            OrganizationIds.toId(alias);
            RoleBits.toBits(roles);
            Organization existing = organizations.get(alias);
            if (existing != null) {
                throw new IllegalArgumentException("organization " + alias
                        + (existing.removed ? " was removed: its alias is spent for good" : " is already on this chain"));
            }
            organizations.put(alias, new Organization(roles));
            return actingAs(alias);
        }

        /** One more account acting for a registered organization (each call: another account). */
        public synchronized InMemoryDataTokenLedger actingAs(OrganizationAlias alias) {
            Organization organization = organizations.get(alias);
            if (organization == null) {
                throw new IllegalArgumentException("organization " + alias + " is not on this chain; add it first");
            }
            if (organization.removed) {
                throw new IllegalArgumentException("organization " + alias + " was removed from this chain");
            }
            organization.accounts++;
            return new InMemoryDataTokenLedger(this, alias, null, address(alias.value() + "#" + organization.accounts));
        }

        /**
         * Registers an end user of the organization with a new account, as the organization does on
         * the organization ledger, and answers that account. A removed user's id may be registered
         * again: it gets another account.
         *
         * @throws IllegalArgumentException if the organization is not on this chain, was removed or
         *                                  already has an end user with that id
         * @throws IllegalStateException    if the organization is suspended (it cannot change its users)
         */
        public synchronized InMemoryDataTokenLedger addEndUser(OrganizationAlias alias, EndUserId id) {
            Objects.requireNonNull(id, "id");
            if (known(alias).suspended) {
                throw new IllegalStateException("organization " + alias + " is suspended: it cannot add end users");
            }
            Map<EndUserId, ChainAddress> users = endUsers.computeIfAbsent(alias, a -> new HashMap<>());
            if (users.containsKey(id)) {
                throw new IllegalArgumentException("organization " + alias + " already has end user " + id);
            }
            endUserAccounts++;
            ChainAddress account = address("end-user/" + alias.value() + "/" + id.value() + "#" + endUserAccounts);
            users.put(id, account);
            return new InMemoryDataTokenLedger(this, null, new EndUser(alias, id, account), account);
        }

        /**
         * Removes the organization's end user, as the organization does on the organization ledger:
         * the user's tokens, and everything above them, are inactive from then on.
         */
        public synchronized void removeEndUser(OrganizationAlias alias, EndUserId id) {
            if (known(alias).suspended) {
                throw new IllegalStateException("organization " + alias + " is suspended: it cannot remove end users");
            }
            Map<EndUserId, ChainAddress> users = endUsers.getOrDefault(alias, Map.of());
            if (!users.containsKey(id)) {
                throw new IllegalArgumentException("organization " + alias + " has no end user " + id);
            }
            users.remove(id);
        }

        /** An account of no organization, like the platform operator's: it reads, and is refused every change. */
        public synchronized InMemoryDataTokenLedger operator() {
            operatorAccounts++;
            return new InMemoryDataTokenLedger(this, null, null, address("operator#" + operatorAccounts));
        }

        /**
         * The organization keeps its tokens and grants but holds no role (and may only revoke) until
         * reinstated; meanwhile its tokens, and every token above them, are inactive.
         */
        public synchronized void suspend(OrganizationAlias alias) {
            known(alias).suspended = true;
        }

        public synchronized void reinstate(OrganizationAlias alias) {
            known(alias).suspended = false;
        }

        /**
         * Removes the organization for good, as the organization ledger's removal does: its accounts
         * act for nobody (so they can change nothing, not even revoke), its end users are dropped
         * (their accounts may still revoke their own tokens' grants), its tokens stay on record
         * but are inactive for ever, and its alias can never be registered again.
         */
        public synchronized void remove(OrganizationAlias alias) {
            Organization organization = known(alias);
            endUsers.remove(alias);
            organization.removed = true;
            organization.suspended = false;
            organization.roles.clear();
        }

        // ---- time and outages ------------------------------------------------------------------

        /** The block time now: the clock's, moved by {@link #advanceTime}, in whole seconds. */
        public synchronized Instant now() {
            return clock.instant().plus(advanced).truncatedTo(ChronoUnit.SECONDS);
        }

        /** Moves the chain's clock forward, like anvil's {@code evm_increaseTime}. */
        public synchronized void advanceTime(Duration by) {
            if (by.isNegative()) {
                throw new IllegalArgumentException("a chain's clock does not go back");
            }
            advanced = advanced.plus(by);
        }

        /** Every read and change fails with LedgerUnavailable until {@link #comeBack()}. */
        public synchronized void goDown() {
            outages.goDown();
        }

        public synchronized void comeBack() {
            outages.comeBack();
        }

        /** The next change fails with LedgerUnavailable and is not applied. */
        public synchronized void failNextWrite() {
            outages.failNextWrite();
        }

        /** The next change is applied if the rules allow it, but its caller gets LedgerUnavailable. */
        public synchronized void loseNextWriteAnswer() {
            outages.loseNextWriteAnswer();
        }

        // ---- the contract's rules --------------------------------------------------------------

        private synchronized <T> T read(Supplier<T> query) {
            outages.beforeRead();
            return query.get();
        }

        private synchronized <T> T write(String action, Supplier<T> change) {
            boolean answerLost = outages.beforeWrite(action);
            T result;
            try {
                result = change.get();
            } catch (RuntimeException refused) {
                // a lost answer tells the caller nothing, refused or applied
                throw answerLost ? outages.unavailable(action) : refused;
            }
            if (answerLost) {
                throw outages.unavailable(action);
            }
            return result;
        }

        private TransactionHash register(InMemoryDataTokenLedger caller, String action, DataTokenId id, AssetKind kind,
                                         Cid storagePath, Proof proof, List<DataTokenId> children) {
            if (!hasRole(caller, providerOf(kind))) {
                throw refusals.refuse(action, "NotProvider", caller.account, kindCode(kind));
            }
            if (tokens.containsKey(id)) {
                throw refusals.refuse(action, "TokenExists", id);
            }
            requireMetadata(action, storagePath, proof);
            if (children.size() > MAX_CHILDREN) {
                throw refusals.refuse(action, "TooManyChildren", children.size(), MAX_CHILDREN);
            }
            int depth = 0;
            int size = 1;
            Set<DataTokenId> seen = new HashSet<>();
            for (DataTokenId child : children) {
                if (child.equals(id)) {
                    throw refusals.refuse(action, "SelfChild", id);
                }
                Registered registered = tokens.get(child);
                if (registered == null) {
                    throw refusals.refuse(action, "UnknownToken", child);
                }
                if (!seen.add(child)) {
                    throw refusals.refuse(action, "DuplicateChild", child);
                }
                depth = Math.max(depth, registered.depth() + 1);
                size += registered.treeSize();
            }
            if (depth > MAX_DEPTH) {
                throw refusals.refuse(action, "TooDeep", depth, MAX_DEPTH);
            }
            if (size > MAX_TREE_SIZE) {
                throw refusals.refuse(action, "TreeTooLarge", size, MAX_TREE_SIZE);
            }
            tokens.put(id, new Registered(new DataToken(id, caller.organization, kind, storagePath, proof, children,
                    now()), depth, size));
            return nextTransaction();
        }

        private TransactionHash registerAsEndUser(InMemoryDataTokenLedger caller, String action, DataTokenId id,
                                                  Cid storagePath, Proof proof) {
            EndUser user = caller.endUser;
            if (user == null || !isStillEndUser(user.organization(), user.id(), caller.account)) {
                throw refusals.refuse(action, "NotEndUser", caller.account);
            }
            OrganizationAlias owner = user.organization();
            Organization organization = organizations.get(owner);
            if (!organization.isActive()) {
                throw refusals.refuse(action, "OrganizationInactive", owner);
            }
            if (!organization.roles.contains(PlatformRole.DATA_PROVIDER)) {
                throw refusals.refuse(action, "NotProviderOrganization", owner, kindCode(AssetKind.DATA));
            }
            if (tokens.containsKey(id)) {
                throw refusals.refuse(action, "TokenExists", id);
            }
            requireMetadata(action, storagePath, proof);
            tokens.put(id, new Registered(new DataToken(id, owner, AssetKind.DATA, storagePath, proof, List.of(), now(),
                    Optional.of(user.id())), 0, 1, caller.account));
            return nextTransaction();
        }

        private TransactionHash updateMetadata(InMemoryDataTokenLedger caller, String action, DataTokenId id,
                                               Cid storagePath, Proof proof) {
            Registered registered = requireActingOwner(caller, action, id);
            requireMetadata(action, storagePath, proof);
            DataToken token = registered.token();
            tokens.put(id, new Registered(new DataToken(id, token.owner(), token.kind(), storagePath, proof,
                    token.children(), token.registeredAt(), token.endUser()), registered.depth(), registered.treeSize(),
                    registered.endUserAccount()));
            return nextTransaction();
        }

        /** Granting again renews or replaces the grant, as on chain. */
        private TransactionHash grant(InMemoryDataTokenLedger caller, String action, DataTokenId child,
                                      DataTokenId parent, Instant expiresAt) {
            requireActingOwner(caller, action, child);
            requireChildOf(action, child, parent);
            Instant now = now();
            // the adapter sends unix seconds; 0 means "never" to the contract
            Instant expiry = expiresAt == null || expiresAt.getEpochSecond() == 0 ? null
                    : Instant.ofEpochSecond(expiresAt.getEpochSecond());
            if (expiry != null && !expiry.isAfter(now)) {
                throw refusals.refuse(action, "ExpiryInPast", expiry.getEpochSecond());
            }
            grants.put(new Edge(child, parent), new Grant(child, parent, now, expiry, false));
            return nextTransaction();
        }

        /**
         * Allowed while the owner is suspended, and to an end user's account once the user or the
         * organization is gone: taking a permission back is never blocked.
         */
        private TransactionHash revoke(InMemoryDataTokenLedger caller, String action, DataTokenId child, DataTokenId parent) {
            Registered registered = requireKnown(action, child);
            Optional<EndUserId> endUser = registered.token().endUser();
            if (endUser.isPresent()) {
                if (!caller.account.equals(registered.endUserAccount())) {
                    throw refusals.refuse(action, "NotEndUserOwner", caller.account, child, endUser.get());
                }
            } else if (!Objects.equals(organizationOf(caller), registered.token().owner())) {
                throw refusals.refuse(action, "NotOwner", caller.account, child);
            }
            requireChildOf(action, child, parent);
            Edge edge = new Edge(child, parent);
            Grant existing = grants.get(edge);
            if (existing == null || existing.revoked()) {
                throw refusals.refuse(action, "NoLiveGrant", child, parent);
            }
            grants.put(edge, new Grant(child, parent, existing.grantedAt(), existing.expiresAt(), true));
            return nextTransaction();
        }

        /**
         * The owner of {@code id} is active, and every child gave {@code id} a live grant and is itself
         * active (bounded by MAX_DEPTH and MAX_TREE_SIZE).
         */
        private boolean active(DataTokenId id, Instant now) {
            Registered registered = tokens.get(id);
            DataToken token = registered.token();
            if (!organizations.get(token.owner()).isActive()) {
                return false;
            }
            if (token.endUser().isPresent()
                    && !isStillEndUser(token.owner(), token.endUser().get(), registered.endUserAccount())) {
                return false;
            }
            for (DataTokenId child : token.children()) {
                Grant grant = grants.get(new Edge(child, id));
                if (grant == null || !grant.isLiveAt(now) || !active(child, now)) {
                    return false;
                }
            }
            return true;
        }

        private boolean contains(DataTokenId node, DataTokenId id) {
            return node.equals(id) || tokens.get(node).token().children().stream().anyMatch(child -> contains(child, id));
        }

        /** Like OrganizationRegistry.organizationOf: none for an account of a removed organization. */
        private synchronized OrganizationAlias organizationOf(InMemoryDataTokenLedger caller) {
            if (caller.organization == null || organizations.get(caller.organization).removed) {
                return null;
            }
            return caller.organization;
        }

        private boolean hasRole(InMemoryDataTokenLedger caller, PlatformRole role) {
            OrganizationAlias alias = organizationOf(caller);
            if (alias == null) {
                return false;
            }
            Organization organization = organizations.get(alias);
            return organization.isActive() && organization.roles.contains(role);
        }

        /** Like OrganizationRegistry.endUserAccount(owner, id) == account (none once the owner is removed). */
        private boolean isStillEndUser(OrganizationAlias owner, EndUserId id, ChainAddress account) {
            return account.equals(endUsers.getOrDefault(owner, Map.of()).get(id));
        }

        private Registered requireActingOwner(InMemoryDataTokenLedger caller, String action, DataTokenId id) {
            Registered registered = requireKnown(action, id);
            OrganizationAlias owner = registered.token().owner();
            Optional<EndUserId> endUser = registered.token().endUser();
            if (endUser.isPresent()) {
                if (!caller.account.equals(registered.endUserAccount())
                        || !isStillEndUser(owner, endUser.get(), caller.account)) {
                    throw refusals.refuse(action, "NotEndUserOwner", caller.account, id, endUser.get());
                }
            } else if (!Objects.equals(organizationOf(caller), owner)) {
                throw refusals.refuse(action, "NotOwner", caller.account, id);
            }
            if (organizations.get(owner).suspended) {
                throw refusals.refuse(action, "OrganizationInactive", owner);
            }
            return registered;
        }

        private Registered requireKnown(String action, DataTokenId id) {
            Registered registered = tokens.get(id);
            if (registered == null) {
                throw refusals.refuse(action, "UnknownToken", id);
            }
            return registered;
        }

        private void requireChildOf(String action, DataTokenId child, DataTokenId parent) {
            Registered registered = tokens.get(parent);
            if (registered == null || !registered.token().children().contains(child)) {
                throw refusals.refuse(action, "NotAChild", child, parent);
            }
        }

        private void requireMetadata(String action, Cid storagePath, Proof proof) {
            int length = storagePath.value().getBytes(StandardCharsets.UTF_8).length;
            if (length > MAX_STORAGE_PATH_LENGTH) {
                throw refusals.refuse(action, "StoragePathTooLong", length, MAX_STORAGE_PATH_LENGTH);
            }
            if (proof.value().equals(ZERO)) {
                throw refusals.refuse(action, "ZeroProof");
            }
        }

        /** A registered organization, not removed (the contract refuses a removed one too). */
        private Organization known(OrganizationAlias alias) {
            Organization organization = organizations.get(alias);
            if (organization == null) {
                throw new IllegalArgumentException("organization " + alias + " is not on this chain");
            }
            if (organization.removed) {
                throw new IllegalArgumentException("organization " + alias + " was removed from this chain");
            }
            return organization;
        }

        /** A made-up, unique transaction hash. */
        private TransactionHash nextTransaction() {
            transactions++;
            return TransactionHash.of("0x" + HexFormat.of().formatHex(sha256(name + "/tx/" + transactions)));
        }

        private static PlatformRole providerOf(AssetKind kind) {
            return switch (kind) {
                case DATA -> PlatformRole.DATA_PROVIDER;
                case COMPUTE -> PlatformRole.COMPUTE_PROVIDER;
                case ALGORITHM -> PlatformRole.ALGORITHM_PROVIDER;
            };
        }

        private static int kindCode(AssetKind kind) {
            return Web3jDataTokenLedger.kindCode(kind).intValueExact();
        }

        private static ChainAddress address(String seed) {
            return ChainAddress.of("0x" + HexFormat.of().formatHex(sha256("account/" + seed), 0, 20));
        }

        private static byte[] sha256(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK provides SHA-256", e);
            }
        }
    }
}
