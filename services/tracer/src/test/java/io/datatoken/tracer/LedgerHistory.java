package io.datatoken.tracer;

import io.datatoken.chain.InMemoryChainLog;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.ledger.BlockRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A chain history in memory built from the platform's events, with their fields as the web3j chain log
 * decodes them (Web3jChainLogIT): ids and hashes as bytes32 hex named after a label, organizations as
 * their ledger id (the alias, zero padded), kinds and states as their uint8 values.
 */
public final class LedgerHistory {

    public final InMemoryChainLog chain = new InMemoryChainLog();
    private int transactions;

    /** A bytes32 id or hash named after a label: the same label, the same value. */
    public static String id(String label) {
        try {
            return "0x" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(label.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ledger's id of an organization: its alias in a zero-padded bytes32. */
    public static String organization(String alias) {
        return "0x" + HexFormat.of().formatHex(Arrays.copyOf(alias.getBytes(StandardCharsets.US_ASCII), 32));
    }

    /** The ledger's id of an end user: the user id in a zero-padded bytes32, as organizations'. */
    public static String endUser(String userId) {
        return organization(userId);
    }

    /** An account address named after a label. */
    public static String account(String label) {
        return id(label).substring(0, 42);
    }

    /** Appends one block holding these logs. */
    public BlockRef block(InMemoryChainLog.Log... logs) {
        return chain.append(logs);
    }

    public InMemoryChainLog.Log registered(String dt, String owner, AssetKind kind, String... children) {
        return log("DataTokenRegistry", "TokenRegistered", Map.of("dt", dt, "owner", organization(owner),
                "kind", String.valueOf(kind.ordinal()), "storagePath", "bafy" + dt.substring(2, 12),
                "proof", id("proof " + dt), "children", Arrays.stream(children).map(c -> "\"" + c + "\"")
                        .collect(Collectors.joining(",", "[", "]"))));
    }

    /**
     * An end user's registration of a DATA token of their own: TokenRegistered (owner: the user's
     * organization) then EndUserTokenRegistered, in one transaction sent by the user's account.
     */
    public InMemoryChainLog.Log[] registeredByEndUser(String dt, String owner, String userId, String account) {
        InMemoryChainLog.Log token = registered(dt, owner, AssetKind.DATA).by(account);
        return new InMemoryChainLog.Log[] {token, InMemoryChainLog.log(token.txHash(), "DataTokenRegistry",
                "EndUserTokenRegistered", Map.of("dt", dt, "owner", organization(owner), "endUser", endUser(userId),
                        "account", account)).by(account)};
    }

    /** OrganizationRegistry.EndUserRegistered: the organization (one of its accounts) registers an end user. */
    public InMemoryChainLog.Log endUserRegistered(String alias, String userId, String account, String registeredBy) {
        return log("OrganizationRegistry", "EndUserRegistered", Map.of("orgId", organization(alias),
                "userId", endUser(userId), "account", account, "registeredBy", registeredBy)).by(registeredBy);
    }

    public InMemoryChainLog.Log granted(String child, String parent, long expiresAt) {
        return log("DataTokenRegistry", "Granted", Map.of("child", child, "parent", parent,
                "expiresAt", String.valueOf(expiresAt), "grantedBy", account("owner of " + child)));
    }

    public InMemoryChainLog.Log revoked(String child, String parent) {
        return log("DataTokenRegistry", "Revoked", Map.of("child", child, "parent", parent,
                "revokedBy", account("owner of " + child)));
    }

    public InMemoryChainLog.Log jobSubmitted(String job, String task, String algorithm, String owner) {
        return log("TaskMarket", "JobSubmitted", Map.of("jobId", job, "taskId", task, "algorithmDt", algorithm,
                "owner", organization(owner)));
    }

    /** TaskMarket.JobState: 0 None, 1 Submitted, 2 Authorized, 3 Running, 4 Succeeded, 5 Failed, 6 Revoked. */
    public InMemoryChainLog.Log stateChanged(String job, int from, int to) {
        return log("TaskMarket", "JobStateChanged", Map.of("jobId", job, "from", String.valueOf(from),
                "to", String.valueOf(to), "by", account("runner of " + job)));
    }

    public InMemoryChainLog.Log receipt(String job, String dt, String op, String resultHash, String party) {
        return log("TaskMarket", "ReceiptRecorded", Map.of("jobId", job, "dt", dt, "opHash", op,
                "resultHash", resultHash, "party", organization(party)));
    }

    /** OrganizationRegistered with its first account; roles as the registry's bits (here: every role). */
    public InMemoryChainLog.Log organizationRegistered(String alias, String account) {
        return log("OrganizationRegistry", "OrganizationRegistered", Map.of("orgId", organization(alias),
                "account", account, "roles", "31"));
    }

    public InMemoryChainLog.Log accountAdded(String alias, String account) {
        return log("OrganizationRegistry", "AccountAdded", Map.of("orgId", organization(alias), "account", account));
    }

    public InMemoryChainLog.Log accountRemoved(String alias, String account) {
        return log("OrganizationRegistry", "AccountRemoved", Map.of("orgId", organization(alias), "account", account));
    }

    public InMemoryChainLog.Log taskCreated(String task, String owner) {
        return log("TaskMarket", "TaskCreated", Map.of("taskId", task, "owner", organization(owner),
                "description", "task " + task));
    }

    public InMemoryChainLog.Log metadataUpdated(String dt) {
        return log("DataTokenRegistry", "MetadataUpdated", Map.of("dt", dt, "storagePath", "bafy-updated",
                "proof", id("new proof " + dt)));
    }

    private InMemoryChainLog.Log log(String contract, String event, Map<String, String> fields) {
        return InMemoryChainLog.log(id("transaction " + ++transactions), contract, event, fields);
    }
}
