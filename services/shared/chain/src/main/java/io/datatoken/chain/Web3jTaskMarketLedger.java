package io.datatoken.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.datatoken.contracts.generated.TaskMarket;
import io.datatoken.domain.market.ExecutionReceipt;
import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import io.datatoken.domain.market.ResultHash;
import io.datatoken.domain.market.Task;
import io.datatoken.domain.market.TaskId;
import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.token.DataTokenId;

/**
 * The task market on the TaskMarket contract, acting as the connection's account (for that
 * account's organization). Changes are dry-run first and refusals named from the contract's
 * custom errors (see {@link ContractCalls}).
 */
public final class Web3jTaskMarketLedger implements TaskMarketLedger {

    private static final ContractErrors ERRORS = ContractErrors.of(TaskMarket.class);

    /** What each custom error of TaskMarket.sol means, for the refusal message. */
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("ZeroAddress", "the zero address cannot be used"),
            Map.entry("RegistryMismatch", "the data token registry (organizations %s) and op registry "
                    + "(organizations %s) do not share one organization registry"),
            Map.entry("ZeroId", "the id must not be zero"),
            Map.entry("NotDataUser", "account %s does not act for an active data user"),
            Map.entry("TaskExists", "task %s already exists"),
            Map.entry("UnknownTask", "task %s does not exist"),
            Map.entry("EmptyDescription", "the task description must not be empty"),
            Map.entry("DescriptionTooLong", "the task description has %s bytes, at most %s are allowed"),
            Map.entry("NotTaskOwner", "account %s does not act for the owner of task %s"),
            Map.entry("TaskNotOpen", "task %s is closed"),
            Map.entry("JobExists", "job %s already exists"),
            Map.entry("UnknownJob", "job %s does not exist"),
            Map.entry("UnknownToken", "data token %s is not registered"),
            Map.entry("NotAnAlgorithm", "data token %s is of kind %s, not an algorithm"),
            Map.entry("NotTokenOwner", "account %s does not act for the owner of data token %s"),
            Map.entry("NotEndUserOwner", "account %s cannot record a receipt for data token %s: it is owned by end user "
                    + "%s, whose own registered account alone records its receipts"),
            Map.entry("OrganizationInactive", "organization %s is suspended or removed"),
            Map.entry("NotJobOwner", "account %s does not act for the owner of job %s"),
            Map.entry("NotAllAuthorized", "job %s: not every party below algorithm %s has authorized it"),
            Map.entry("IllegalTransition", "job %s cannot move from state %s to state %s"),
            Map.entry("JobNotRunning", "job %s is not running (state %s)"),
            Map.entry("NotPartOfJob", "job %s does not use data token %s"),
            Map.entry("OpNotUsable", "op %s is not published or is deprecated"),
            Map.entry("ZeroResultHash", "the result hash must not be zero"),
            Map.entry("ReceiptExists", "job %s already has a receipt for data token %s and op %s"),
            Map.entry("ReceiptIndexOutOfRange", "job %s has no receipt %s (it has %s)"));

    /** The contract's JobState enum: None = 0, then the domain states in order. */
    private static final List<JobState> STATES = List.of(JobState.values());

    private final TaskMarket market;
    private final ContractCalls calls;

    public Web3jTaskMarketLedger(ChainConnection connection, ChainAddress marketAddress) {
        Objects.requireNonNull(connection, "connection");
        this.market = TaskMarket.load(marketAddress.value(), connection.web3j(),
                connection.transactionManager(), connection.gasProvider());
        this.calls = new ContractCalls(connection, "task market", market.getContractAddress(), ERRORS, DESCRIPTIONS);
    }

    /** Deploys a new, empty market over a data token registry and an op registry (dev chains and tests). */
    public static Web3jTaskMarketLedger deploy(ChainConnection connection, ChainAddress dataTokenRegistry,
                                               ChainAddress opRegistry) {
        try {
            TaskMarket deployed = TaskMarket.deploy(connection.web3j(), connection.transactionManager(),
                    connection.gasProvider(), dataTokenRegistry.value(), opRegistry.value()).send();
            return new Web3jTaskMarketLedger(connection, ChainAddress.of(deployed.getContractAddress()));
        } catch (Exception e) {
            throw new LedgerUnavailable("could not deploy TaskMarket at " + connection.settings().rpcUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    public ChainAddress marketAddress() {
        return ChainAddress.of(market.getContractAddress());
    }

    /** The generated wrapper, for tests of what the port cannot express. */
    TaskMarket contract() {
        return market;
    }

    @Override
    public void createTask(TaskId id, String description) {
        submit("create task " + id, market.createTask(LedgerValues.bytes32(id), description));
    }

    @Override
    public void closeTask(TaskId id) {
        submit("close task " + id, market.closeTask(LedgerValues.bytes32(id)));
    }

    @Override
    public void submitJob(JobId id, TaskId task, DataTokenId algorithm) {
        submit("submit job " + id, market.submitJob(LedgerValues.bytes32(id), LedgerValues.bytes32(task),
                LedgerValues.bytes32(algorithm)));
    }

    @Override
    public void markAuthorized(JobId id) {
        submit("mark job " + id + " authorized", market.markAuthorized(LedgerValues.bytes32(id)));
    }

    @Override
    public void start(JobId id) {
        submit("start job " + id, market.start(LedgerValues.bytes32(id)));
    }

    @Override
    public void recordReceipt(JobId id, DataTokenId dt, OpHash op, ResultHash result) {
        submit("record a receipt of job " + id, market.recordReceipt(LedgerValues.bytes32(id),
                LedgerValues.bytes32(dt), LedgerValues.bytes32(op), LedgerValues.bytes32(result)));
    }

    @Override
    public void finish(JobId id, boolean succeeded) {
        submit("finish job " + id, market.finish(LedgerValues.bytes32(id), succeeded));
    }

    @Override
    public void revoke(JobId id) {
        submit("revoke job " + id, market.revokeJob(LedgerValues.bytes32(id)));
    }

    @Override
    public Optional<Task> findTask(TaskId id) {
        TaskMarket.Task task = calls.read(market.taskOf(LedgerValues.bytes32(id)));
        if (task.createdAt.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Task(id, LedgerValues.organization(task.owner), task.description, task.open,
                LedgerValues.instant(task.createdAt), LedgerValues.instantOrNull(task.closedAt)));
    }

    @Override
    public Optional<Job> findJob(JobId id) {
        TaskMarket.Job job = calls.read(market.jobOf(LedgerValues.bytes32(id)));
        if (job.submittedAt.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Job(id, TaskId.of(LedgerValues.hex(job.taskId)),
                DataTokenId.of(LedgerValues.hex(job.algorithmDt)), LedgerValues.organization(job.owner),
                state(job.state), LedgerValues.instant(job.submittedAt), LedgerValues.instant(job.updatedAt)));
    }

    @Override
    public List<ExecutionReceipt> receipts(JobId id) {
        byte[] jobId = LedgerValues.bytes32(id);
        int count = calls.read(market.receiptCount(jobId)).intValueExact();
        List<ExecutionReceipt> receipts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TaskMarket.Receipt r = calls.read(market.receiptAt(jobId, BigInteger.valueOf(i)));
            receipts.add(new ExecutionReceipt(id, DataTokenId.of(LedgerValues.hex(r.dt)),
                    OpHash.of(LedgerValues.hex(r.opHash)), ResultHash.of(LedgerValues.hex(r.resultHash)),
                    LedgerValues.organization(r.party), ChainAddress.of(r.recordedBy),
                    LedgerValues.instant(r.recordedAt)));
        }
        return receipts;
    }

    /** Dry-runs, sends and waits for one change; package-private so tests can reach every revert. */
    TransactionReceipt submit(String action, RemoteFunctionCall<TransactionReceipt> call) {
        return calls.submit(action, call);
    }

    /** The contract's state code (1 = SUBMITTED ... 6 = REVOKED) as the domain's state. */
    static JobState state(BigInteger code) {
        int index = code.intValueExact() - 1;
        if (index < 0 || index >= STATES.size()) {
            throw new LedgerUnavailable("the ledger holds an unknown job state " + code, null);
        }
        return STATES.get(index);
    }

    static int code(JobState state) {
        return state.ordinal() + 1;
    }
}
