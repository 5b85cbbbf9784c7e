// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {OrganizationRegistry} from "./OrganizationRegistry.sol";
import {DataTokenRegistry} from "./DataTokenRegistry.sol";
import {OpRegistry} from "./OpRegistry.sol";

/// @title TaskMarket
/// @notice Tasks posted by data users and the jobs (algorithm DTs) submitted to them, with the
///         job lifecycle SUBMITTED -> AUTHORIZED -> RUNNING -> SUCCEEDED | FAILED, REVOKED from any
///         of the first three, and the execution receipts every party records while it runs.
/// @dev    The all-parties-authorized gate: a job becomes AUTHORIZED, and starts, only while its
///         algorithm DT is active in the DataTokenRegistry (every grant below it live, every owner
///         organization in its tree active).
///         Tasks, jobs and receipts belong to organizations; any of their accounts acts for them,
///         except for an end user's DT (scenario S2), whose receipts only that end user's account
///         records (the user's device signs with the user's key).
contract TaskMarket {
    enum JobState {
        None,
        Submitted,
        Authorized,
        Running,
        Succeeded,
        Failed,
        Revoked
    }

    uint256 public constant MAX_DESCRIPTION_LENGTH = 1024;
    uint8 private constant DATA_USER = 8; // OrganizationRegistry.DATA_USER

    struct Task {
        bytes32 owner; // organization id
        string description;
        bool open;
        uint64 createdAt; // 0: no such task
        uint64 closedAt;
    }

    struct Job {
        bytes32 taskId;
        bytes32 algorithmDt;
        bytes32 owner; // organization owning the algorithm DT
        JobState state;
        uint64 submittedAt; // 0: no such job
        uint64 updatedAt;
    }

    struct Receipt {
        bytes32 dt;
        bytes32 opHash;
        bytes32 resultHash;
        bytes32 party; // organization owning dt
        address recordedBy;
        uint64 recordedAt;
    }

    OrganizationRegistry public immutable organizations;
    DataTokenRegistry public immutable dataTokens;
    OpRegistry public immutable ops;

    mapping(bytes32 => Task) private tasks;
    mapping(bytes32 => Job) private jobs;
    mapping(bytes32 => Receipt[]) private receipts;
    mapping(bytes32 => bool) private receiptRecorded; // keccak256(jobId, dt, opHash)

    error ZeroAddress();
    error RegistryMismatch(address dataTokenOrganizations, address opOrganizations);
    error ZeroId();
    error NotDataUser(address caller);
    error TaskExists(bytes32 taskId);
    error UnknownTask(bytes32 taskId);
    error EmptyDescription();
    error DescriptionTooLong(uint256 length, uint256 max);
    error NotTaskOwner(address caller, bytes32 taskId);
    error TaskNotOpen(bytes32 taskId);
    error JobExists(bytes32 jobId);
    error UnknownJob(bytes32 jobId);
    error UnknownToken(bytes32 dt);
    error NotAnAlgorithm(bytes32 dt, uint8 kind);
    error NotTokenOwner(address caller, bytes32 dt);
    error NotEndUserOwner(address caller, bytes32 dt, bytes32 endUser);
    error OrganizationInactive(bytes32 orgId);
    error NotJobOwner(address caller, bytes32 jobId);
    error NotAllAuthorized(bytes32 jobId, bytes32 algorithmDt);
    error IllegalTransition(bytes32 jobId, uint8 from, uint8 to);
    error JobNotRunning(bytes32 jobId, uint8 state);
    error NotPartOfJob(bytes32 jobId, bytes32 dt);
    error OpNotUsable(bytes32 opHash);
    error ZeroResultHash();
    error ReceiptExists(bytes32 jobId, bytes32 dt, bytes32 opHash);
    error ReceiptIndexOutOfRange(bytes32 jobId, uint256 index, uint256 count);

    event TaskCreated(bytes32 indexed taskId, bytes32 indexed owner, string description);
    event TaskClosed(bytes32 indexed taskId, address closedBy);
    event JobSubmitted(bytes32 indexed jobId, bytes32 indexed taskId, bytes32 indexed algorithmDt, bytes32 owner);
    event JobStateChanged(bytes32 indexed jobId, uint8 from, uint8 to, address by);
    event ReceiptRecorded(bytes32 indexed jobId, bytes32 indexed dt, bytes32 indexed opHash, bytes32 resultHash,
        bytes32 party);

    constructor(DataTokenRegistry dataTokens_, OpRegistry ops_) {
        if (address(dataTokens_) == address(0) || address(ops_) == address(0)) revert ZeroAddress();
        OrganizationRegistry fromTokens = dataTokens_.organizations();
        OrganizationRegistry fromOps = ops_.organizations();
        if (address(fromTokens) != address(fromOps)) revert RegistryMismatch(address(fromTokens), address(fromOps));
        organizations = fromTokens;
        dataTokens = dataTokens_;
        ops = ops_;
    }

    // ---- tasks ----------------------------------------------------------------------------

    function createTask(bytes32 taskId, string calldata description) external {
        if (taskId == bytes32(0)) revert ZeroId();
        if (!organizations.hasRole(msg.sender, DATA_USER)) revert NotDataUser(msg.sender);
        if (tasks[taskId].createdAt != 0) revert TaskExists(taskId);
        uint256 length = bytes(description).length;
        if (length == 0) revert EmptyDescription();
        if (length > MAX_DESCRIPTION_LENGTH) revert DescriptionTooLong(length, MAX_DESCRIPTION_LENGTH);
        bytes32 owner = organizations.organizationOf(msg.sender);
        tasks[taskId] = Task(owner, description, true, uint64(block.timestamp), 0);
        emit TaskCreated(taskId, owner, description);
    }

    /// @notice No job can be submitted to a closed task; jobs already submitted go on.
    function closeTask(bytes32 taskId) external {
        Task storage task = tasks[taskId];
        if (task.createdAt == 0) revert UnknownTask(taskId);
        if (organizations.organizationOf(msg.sender) != task.owner) revert NotTaskOwner(msg.sender, taskId);
        if (!task.open) revert TaskNotOpen(taskId);
        task.open = false;
        task.closedAt = uint64(block.timestamp);
        emit TaskClosed(taskId, msg.sender);
    }

    // ---- jobs -----------------------------------------------------------------------------

    function submitJob(bytes32 jobId, bytes32 taskId, bytes32 algorithmDt) external {
        if (jobId == bytes32(0)) revert ZeroId();
        if (jobs[jobId].submittedAt != 0) revert JobExists(jobId);
        Task storage task = tasks[taskId];
        if (task.createdAt == 0) revert UnknownTask(taskId);
        if (!task.open) revert TaskNotOpen(taskId);
        DataTokenRegistry.DataToken memory token = dataTokens.tokenOf(algorithmDt);
        if (token.registeredAt == 0) revert UnknownToken(algorithmDt);
        if (token.kind != dataTokens.ALGORITHM()) revert NotAnAlgorithm(algorithmDt, token.kind);
        _requireActingFor(token.owner, algorithmDt);
        jobs[jobId] = Job(taskId, algorithmDt, token.owner, JobState.Submitted, uint64(block.timestamp),
            uint64(block.timestamp));
        emit JobSubmitted(jobId, taskId, algorithmDt, token.owner);
        emit JobStateChanged(jobId, uint8(JobState.None), uint8(JobState.Submitted), msg.sender);
    }

    /// @notice Anyone may ask; it succeeds only while every party below the algorithm DT has
    ///         authorized it (the DT is active).
    function markAuthorized(bytes32 jobId) external {
        Job storage job = _known(jobId);
        _requireState(jobId, job, JobState.Submitted, JobState.Authorized);
        _requireAllAuthorized(jobId, job);
        _move(jobId, job, JobState.Authorized);
    }

    /// @notice The job owner starts an authorized job, if everything below it is still authorized.
    function start(bytes32 jobId) external {
        Job storage job = _ownedJob(jobId);
        _requireState(jobId, job, JobState.Authorized, JobState.Running);
        _requireAllAuthorized(jobId, job);
        _move(jobId, job, JobState.Running);
    }

    function finish(bytes32 jobId, bool succeeded) external {
        Job storage job = _ownedJob(jobId);
        JobState to = succeeded ? JobState.Succeeded : JobState.Failed;
        _requireState(jobId, job, JobState.Running, to);
        _move(jobId, job, to);
    }

    function revokeJob(bytes32 jobId) external {
        Job storage job = _ownedJob(jobId);
        JobState from = job.state;
        if (from != JobState.Submitted && from != JobState.Authorized && from != JobState.Running) {
            revert IllegalTransition(jobId, uint8(from), uint8(JobState.Revoked));
        }
        _move(jobId, job, JobState.Revoked);
    }

    /// @notice A party records that its op ran on its DT for a running job. The DT must be the
    ///         job's algorithm DT or one below it; one receipt per (job, dt, op); the op must be
    ///         published and not deprecated. The party is the DT's owner organization; for an end
    ///         user's DT the receipt is the end user's own (recordedBy is their account).
    function recordReceipt(bytes32 jobId, bytes32 dt, bytes32 opHash, bytes32 resultHash) external {
        Job storage job = _known(jobId);
        if (job.state != JobState.Running) revert JobNotRunning(jobId, uint8(job.state));
        DataTokenRegistry.DataToken memory token = dataTokens.tokenOf(dt);
        if (token.registeredAt == 0) revert UnknownToken(dt);
        if (!dataTokens.isPartOf(dt, job.algorithmDt)) revert NotPartOfJob(jobId, dt);
        if (token.endUser != bytes32(0)) {
            _requireEndUserFor(token, dt);
        } else {
            _requireActingFor(token.owner, dt);
        }
        if (!ops.isUsable(opHash)) revert OpNotUsable(opHash);
        if (resultHash == bytes32(0)) revert ZeroResultHash();
        bytes32 key = keccak256(abi.encode(jobId, dt, opHash));
        if (receiptRecorded[key]) revert ReceiptExists(jobId, dt, opHash);
        receiptRecorded[key] = true;
        receipts[jobId].push(Receipt(dt, opHash, resultHash, token.owner, msg.sender, uint64(block.timestamp)));
        emit ReceiptRecorded(jobId, dt, opHash, resultHash, token.owner);
    }

    // ---- views ----------------------------------------------------------------------------

    /// @return the task; createdAt is 0 if there is no such task.
    function taskOf(bytes32 taskId) external view returns (Task memory) {
        return tasks[taskId];
    }

    /// @return the job; submittedAt is 0 if there is no such job.
    function jobOf(bytes32 jobId) external view returns (Job memory) {
        return jobs[jobId];
    }

    function receiptCount(bytes32 jobId) external view returns (uint256) {
        return receipts[jobId].length;
    }

    function receiptAt(bytes32 jobId, uint256 index) external view returns (Receipt memory) {
        Receipt[] storage all = receipts[jobId];
        if (index >= all.length) revert ReceiptIndexOutOfRange(jobId, index, all.length);
        return all[index];
    }

    // ---- internals ------------------------------------------------------------------------

    function _known(bytes32 jobId) private view returns (Job storage job) {
        job = jobs[jobId];
        if (job.submittedAt == 0) revert UnknownJob(jobId);
    }

    function _ownedJob(bytes32 jobId) private view returns (Job storage job) {
        job = _known(jobId);
        if (organizations.organizationOf(msg.sender) != job.owner) revert NotJobOwner(msg.sender, jobId);
    }

    function _requireActingFor(bytes32 owner, bytes32 dt) private view {
        if (organizations.organizationOf(msg.sender) != owner) revert NotTokenOwner(msg.sender, dt);
        if (!organizations.isActive(owner)) revert OrganizationInactive(owner);
    }

    /// The account that registered the end user's DT, while still that end user of the owner.
    function _requireEndUserFor(DataTokenRegistry.DataToken memory token, bytes32 dt) private view {
        if (msg.sender != token.endUserAccount
            || organizations.endUserAccount(token.owner, token.endUser) != msg.sender) {
            revert NotEndUserOwner(msg.sender, dt, token.endUser);
        }
        if (!organizations.isActive(token.owner)) revert OrganizationInactive(token.owner);
    }

    function _requireState(bytes32 jobId, Job storage job, JobState expected, JobState to) private view {
        if (job.state != expected) revert IllegalTransition(jobId, uint8(job.state), uint8(to));
    }

    function _requireAllAuthorized(bytes32 jobId, Job storage job) private view {
        if (!dataTokens.isActive(job.algorithmDt)) revert NotAllAuthorized(jobId, job.algorithmDt);
    }

    function _move(bytes32 jobId, Job storage job, JobState to) private {
        JobState from = job.state;
        job.state = to;
        job.updatedAt = uint64(block.timestamp);
        emit JobStateChanged(jobId, uint8(from), uint8(to), msg.sender);
    }
}
