package io.datatoken.chain;

import static io.datatoken.chain.LedgerFixture.ALGO_C;
import static io.datatoken.chain.LedgerFixture.BANK_A;
import static io.datatoken.chain.LedgerFixture.HOSPITAL_B;
import static io.datatoken.chain.LedgerFixture.INSURER_D;
import static io.datatoken.chain.LedgerFixture.randomCid;
import static io.datatoken.chain.LedgerFixture.randomHex32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

import io.datatoken.contracts.generated.TaskMarket;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.market.ExecutionReceipt;
import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.JobState;
import io.datatoken.domain.market.ResultHash;
import io.datatoken.domain.market.Task;
import io.datatoken.domain.market.TaskId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.token.DataTokenId;

/**
 * The task market against a real anvil chain: every function, every custom error as a
 * LedgerRefusal, the events, the job lifecycle and the all-parties-authorized gate (every grant
 * below the algorithm live and every owner below it active).
 *
 * <p>Each test gets: dt1 (bank-a data) → dt2 (hospital-b data over dt1) → algorithm (algo-c over
 * dt2), no grants yet; an open task of insurer-d; a published op.
 */
class Web3jTaskMarketLedgerIT {

    private static LedgerFixture chain;

    private Web3jTaskMarketLedger insurerD;
    private Web3jTaskMarketLedger algoC;
    private Web3jTaskMarketLedger bankA;
    private DataTokenId dt1;
    private DataTokenId dt2;
    private DataTokenId algorithm;
    private TaskId task;
    private OpHash op;

    @BeforeAll
    static void startChain() {
        chain = new LedgerFixture();
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) {
            chain.close();
        }
    }

    @BeforeEach
    void deploy() {
        chain.deploy();
        insurerD = chain.market(chain.insurerD);
        algoC = chain.market(chain.algoC);
        bankA = chain.market(chain.bankA);
        dt1 = chain.register(chain.bankA, AssetKind.DATA);
        dt2 = chain.register(chain.hospitalB, AssetKind.DATA, dt1);
        algorithm = chain.register(chain.algoC, AssetKind.ALGORITHM, dt2);
        task = TaskId.of(randomHex32());
        insurerD.createTask(task, "credit risk model over bank and hospital data");
        op = OpHash.of(randomHex32());
        chain.opRegistry.publish(op, "logistic-regression", "1.0.0", randomCid());
    }

    private void grantAll() {
        chain.tokens(chain.bankA).grant(dt1, dt2);
        chain.tokens(chain.hospitalB).grant(dt2, algorithm);
    }

    private JobId submitted() {
        JobId job = JobId.of(randomHex32());
        algoC.submitJob(job, task, algorithm);
        return job;
    }

    private JobId running() {
        grantAll();
        JobId job = submitted();
        algoC.markAuthorized(job);
        algoC.start(job);
        return job;
    }

    private JobState stateOf(JobId job) {
        return algoC.findJob(job).orElseThrow().state();
    }

    // ---- tasks ----------------------------------------------------------------------------

    @Test
    void a_data_user_creates_and_closes_a_task() throws Exception {
        TaskId id = TaskId.of(randomHex32());

        insurerD.createTask(id, "fraud detection");

        assertThat(insurerD.findTask(id)).contains(new Task(id, INSURER_D, "fraud detection", true, chain.chainNow(), null));
        assertThat(TaskMarket.getTaskCreatedEvents(chain.lastReceipt())).singleElement().satisfies(e -> {
            assertThat(Numeric.toHexString(e.taskId)).isEqualTo(id.value());
            assertThat(OrganizationIds.toAlias(e.owner)).isEqualTo(INSURER_D);
            assertThat(e.description).isEqualTo("fraud detection");
        });

        insurerD.closeTask(id);

        assertThat(insurerD.findTask(id)).hasValueSatisfying(t -> {
            assertThat(t.open()).isFalse();
            assertThat(t.closedAt()).isEqualTo(chain.chainNow());
        });
        assertThat(TaskMarket.getTaskClosedEvents(chain.lastReceipt())).singleElement().satisfies(e -> {
            assertThat(Numeric.toHexString(e.taskId)).isEqualTo(id.value());
            assertThat(e.closedBy).isEqualToIgnoringCase(chain.insurerD.account().value());
        });
        assertThat(insurerD.findTask(TaskId.of(randomHex32()))).isEmpty();
        TaskMarket contract = insurerD.contract();
        assertThat(contract.dataTokens().send()).isEqualToIgnoringCase(chain.tokenRegistry.registryAddress().value());
        assertThat(contract.ops().send()).isEqualToIgnoringCase(chain.opRegistry.registryAddress().value());
        assertThat(contract.organizations().send()).isEqualToIgnoringCase(chain.organizations.registryAddress().value());
    }

    @Test
    void refuses_task_changes_that_break_the_rules() {
        TaskId fresh = TaskId.of(randomHex32());
        TaskMarket contract = insurerD.contract();

        chain.assertRefused(() -> bankA.createTask(fresh, "x"), "NotDataUser", chain.bankA.account().value());
        chain.assertRefused(() -> chain.market(chain.outsider).createTask(fresh, "x"), "NotDataUser",
                chain.outsider.account().value());
        chain.assertRefused(() -> insurerD.createTask(task, "again"), "TaskExists", task.value());
        chain.assertRefused(() -> insurerD.createTask(fresh, ""), "EmptyDescription", "must not be empty");
        chain.assertRefused(() -> insurerD.createTask(fresh, "d".repeat(1025)), "DescriptionTooLong",
                "1025 bytes, at most 1024");
        chain.assertRefused(() -> insurerD.submit("create", contract.createTask(new byte[32], "x")), "ZeroId",
                "must not be zero");
        chain.assertRefused(() -> insurerD.closeTask(fresh), "UnknownTask", fresh.value());
        chain.assertRefused(() -> bankA.closeTask(task), "NotTaskOwner", chain.bankA.account().value());
        insurerD.closeTask(task);
        chain.assertRefused(() -> insurerD.closeTask(task), "TaskNotOpen", task.value());
        chain.organizations.suspend(INSURER_D);
        chain.assertRefused(() -> insurerD.createTask(fresh, "x"), "NotDataUser", chain.insurerD.account().value());
    }

    // ---- jobs -----------------------------------------------------------------------------

    @Test
    void the_algorithm_owner_submits_a_job() {
        JobId job = JobId.of(randomHex32());

        algoC.submitJob(job, task, algorithm);

        Job found = algoC.findJob(job).orElseThrow();
        assertThat(found).isEqualTo(new Job(job, task, algorithm, ALGO_C, JobState.SUBMITTED, chain.chainNow(),
                chain.chainNow()));
        var receipt = chain.lastReceipt();
        assertThat(TaskMarket.getJobSubmittedEvents(receipt)).singleElement().satisfies(e -> {
            assertThat(Numeric.toHexString(e.jobId)).isEqualTo(job.value());
            assertThat(Numeric.toHexString(e.taskId)).isEqualTo(task.value());
            assertThat(Numeric.toHexString(e.algorithmDt)).isEqualTo(algorithm.value());
            assertThat(OrganizationIds.toAlias(e.owner)).isEqualTo(ALGO_C);
        });
        assertThat(TaskMarket.getJobStateChangedEvents(receipt)).singleElement().satisfies(e -> {
            assertThat(e.from).isEqualTo(BigInteger.ZERO);
            assertThat(e.to).isEqualTo(BigInteger.valueOf(Web3jTaskMarketLedger.code(JobState.SUBMITTED)));
        });
        assertThat(algoC.findJob(JobId.of(randomHex32()))).isEmpty();
    }

    @Test
    void refuses_job_submissions_that_break_the_rules() {
        JobId existing = submitted();
        JobId fresh = JobId.of(randomHex32());
        TaskId unknownTask = TaskId.of(randomHex32());
        DataTokenId unknownDt = DataTokenId.of(randomHex32());

        chain.assertRefused(() -> algoC.submitJob(existing, task, algorithm), "JobExists", existing.value());
        chain.assertRefused(() -> algoC.submitJob(fresh, unknownTask, algorithm), "UnknownTask", unknownTask.value());
        chain.assertRefused(() -> algoC.submitJob(fresh, task, unknownDt), "UnknownToken", unknownDt.value());
        chain.assertRefused(() -> bankA.submitJob(fresh, task, dt1), "NotAnAlgorithm", "of kind 0, not an algorithm");
        chain.assertRefused(() -> bankA.submitJob(fresh, task, algorithm), "NotTokenOwner",
                chain.bankA.account().value());
        chain.assertRefused(() -> algoC.submit("submit", algoC.contract().submitJob(new byte[32],
                Numeric.hexStringToByteArray(task.value()), Numeric.hexStringToByteArray(algorithm.value()))),
                "ZeroId", "must not be zero");
        chain.organizations.suspend(ALGO_C);
        chain.assertRefused(() -> algoC.submitJob(fresh, task, algorithm), "OrganizationInactive", "algo-c is suspended");
        chain.organizations.reinstate(ALGO_C);
        insurerD.closeTask(task);
        chain.assertRefused(() -> algoC.submitJob(fresh, task, algorithm), "TaskNotOpen", task.value());
    }

    @Test
    void a_job_is_authorized_only_once_every_grant_below_it_is_given() {
        JobId job = submitted();

        chain.assertRefused(() -> algoC.markAuthorized(job), "NotAllAuthorized", algorithm.value());
        chain.tokens(chain.hospitalB).grant(dt2, algorithm);
        chain.assertRefused(() -> algoC.markAuthorized(job), "NotAllAuthorized", "not every party");
        chain.tokens(chain.bankA).grant(dt1, dt2);

        chain.market(chain.outsider).markAuthorized(job);

        assertThat(stateOf(job)).isEqualTo(JobState.AUTHORIZED);
        assertThat(TaskMarket.getJobStateChangedEvents(chain.lastReceipt())).singleElement().satisfies(e -> {
            assertThat(e.from).isEqualTo(BigInteger.valueOf(1));
            assertThat(e.to).isEqualTo(BigInteger.valueOf(2));
            assertThat(e.by).isEqualToIgnoringCase(chain.outsider.account().value());
        });
    }

    @Test
    void a_job_starts_only_if_still_authorized_and_only_by_its_owner() {
        grantAll();
        JobId job = submitted();
        algoC.markAuthorized(job);

        chain.assertRefused(() -> insurerD.start(job), "NotJobOwner", chain.insurerD.account().value());
        chain.tokens(chain.bankA).revoke(dt1, dt2);
        chain.assertRefused(() -> algoC.start(job), "NotAllAuthorized", job.value());
        chain.tokens(chain.bankA).grant(dt1, dt2);

        algoC.start(job);

        assertThat(stateOf(job)).isEqualTo(JobState.RUNNING);
        assertThat(TaskMarket.getJobStateChangedEvents(chain.lastReceipt())).singleElement()
                .satisfies(e -> assertThat(e.to).isEqualTo(BigInteger.valueOf(3)));
    }

    @Test
    void an_expired_grant_below_stops_a_job_from_being_authorized() {
        chain.tokens(chain.bankA).grant(dt1, dt2, chain.chainNow().plusSeconds(600));
        chain.tokens(chain.hospitalB).grant(dt2, algorithm);
        JobId job = submitted();
        chain.anvil.advanceTime(601);

        chain.assertRefused(() -> algoC.markAuthorized(job), "NotAllAuthorized", job.value());
    }

    @Test
    void a_suspended_owner_below_holds_a_job_back_until_reinstated() {
        grantAll();
        JobId job = submitted();

        chain.organizations.suspend(BANK_A);
        chain.assertRefused(() -> algoC.markAuthorized(job), "NotAllAuthorized", algorithm.value());
        chain.organizations.reinstate(BANK_A);
        algoC.markAuthorized(job);

        chain.organizations.suspend(HOSPITAL_B);
        chain.assertRefused(() -> algoC.start(job), "NotAllAuthorized", job.value());
        chain.organizations.reinstate(HOSPITAL_B);
        algoC.start(job);

        assertThat(stateOf(job)).isEqualTo(JobState.RUNNING);
    }

    @Test
    void a_suspended_algorithm_owner_cannot_have_its_job_authorized() {
        grantAll();
        JobId job = submitted();
        chain.organizations.suspend(ALGO_C);

        chain.assertRefused(() -> chain.market(chain.outsider).markAuthorized(job), "NotAllAuthorized", job.value());

        chain.organizations.reinstate(ALGO_C);
        chain.market(chain.outsider).markAuthorized(job);
        assertThat(stateOf(job)).isEqualTo(JobState.AUTHORIZED);
    }

    @Test
    void a_removed_owner_below_stops_every_job_over_its_tokens_for_good() {
        grantAll();
        JobId authorized = submitted();
        algoC.markAuthorized(authorized);
        JobId waiting = submitted();

        chain.organizations.remove(BANK_A);

        chain.assertRefused(() -> algoC.start(authorized), "NotAllAuthorized", authorized.value());
        chain.assertRefused(() -> algoC.markAuthorized(waiting), "NotAllAuthorized", waiting.value());
        assertThat(stateOf(authorized)).isEqualTo(JobState.AUTHORIZED);
        algoC.revoke(authorized);
        assertThat(stateOf(authorized)).as("its owner can still withdraw it").isEqualTo(JobState.REVOKED);
    }

    @Test
    void authorizing_over_the_largest_tree_stays_well_within_the_gas_limit() {
        assertAuthorizingTheLargestTreeStaysWithinTheGasLimit(() -> chain.register(chain.bankA, AssetKind.DATA),
                (leaf, middle) -> chain.tokens(chain.bankA).grant(leaf, middle));
    }

    @Test
    void authorizing_over_the_largest_tree_of_end_users_tokens_stays_well_within_the_gas_limit() {
        // each end user's token costs one more view call (is the user still the organization's?)
        chain.organizations(chain.hospitalB).registerEndUser(U1, chain.user.account());
        Web3jDataTokenLedger user = chain.tokens(chain.user);
        assertAuthorizingTheLargestTreeStaysWithinTheGasLimit(() -> {
            DataTokenId leaf = DataTokenId.of(randomHex32());
            user.registerAsEndUser(leaf, randomCid(), LedgerFixture.randomProof());
            return leaf;
        }, user::grant);
    }

    private void assertAuthorizingTheLargestTreeStaysWithinTheGasLimit(Supplier<DataTokenId> newLeaf,
                                                                        BiConsumer<DataTokenId, DataTokenId> grant) {
        // 15 leaves under each of 3 hospital-b tokens, and 14 under a fourth: 64 tokens in all
        List<DataTokenId> leaves = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            leaves.add(newLeaf.get());
        }
        List<DataTokenId> middles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<DataTokenId> below = i < 3 ? leaves : leaves.subList(0, 14);
            DataTokenId middle = chain.register(chain.hospitalB, AssetKind.DATA, below.toArray(DataTokenId[]::new));
            below.forEach(leaf -> grant.accept(leaf, middle));
            middles.add(middle);
        }
        DataTokenId largest = chain.register(chain.algoC, AssetKind.ALGORITHM, middles.toArray(DataTokenId[]::new));
        middles.forEach(middle -> chain.tokens(chain.hospitalB).grant(middle, largest));
        JobId job = JobId.of(randomHex32());
        algoC.submitJob(job, task, largest);

        algoC.markAuthorized(job);

        BigInteger gasUsed = chain.lastReceipt().getGasUsed();
        assertThat(stateOf(job)).isEqualTo(JobState.AUTHORIZED);
        assertThat(gasUsed).as("gas of markAuthorized over 64 tokens (transactions get %s)",
                ChainSettings.DEFAULT_GAS_LIMIT).isLessThan(BigInteger.valueOf(1_000_000));
    }

    @Test
    void a_running_job_succeeds_or_fails_by_its_owner() {
        JobId succeeding = running();
        JobId failing = submitted();
        algoC.markAuthorized(failing);
        algoC.start(failing);

        chain.assertRefused(() -> insurerD.finish(succeeding, true), "NotJobOwner", chain.insurerD.account().value());
        algoC.finish(succeeding, true);
        assertThat(TaskMarket.getJobStateChangedEvents(chain.lastReceipt())).singleElement()
                .satisfies(e -> assertThat(e.to).isEqualTo(BigInteger.valueOf(4)));
        algoC.finish(failing, false);

        assertThat(stateOf(succeeding)).isEqualTo(JobState.SUCCEEDED);
        assertThat(stateOf(failing)).isEqualTo(JobState.FAILED);
    }

    @Test
    void illegal_transitions_are_refused_with_both_states() {
        grantAll();
        JobId job = submitted();
        String id = job.value();

        chain.assertRefused(() -> algoC.start(job), "IllegalTransition", id + " cannot move from state 1 to state 3");
        chain.assertRefused(() -> algoC.finish(job, true), "IllegalTransition", "from state 1 to state 4");
        algoC.markAuthorized(job);
        chain.assertRefused(() -> algoC.markAuthorized(job), "IllegalTransition", "from state 2 to state 2");
        chain.assertRefused(() -> algoC.finish(job, false), "IllegalTransition", "from state 2 to state 5");
        algoC.start(job);
        chain.assertRefused(() -> algoC.start(job), "IllegalTransition", "from state 3 to state 3");
        algoC.finish(job, true);
        chain.assertRefused(() -> algoC.revoke(job), "IllegalTransition", "from state 4 to state 6");
        chain.assertRefused(() -> algoC.finish(job, false), "IllegalTransition", "from state 4 to state 5");
        chain.assertRefused(() -> algoC.markAuthorized(job), "IllegalTransition", "from state 4 to state 2");
    }

    @Test
    void the_owner_revokes_a_job_before_it_ends_and_a_revoked_job_goes_nowhere() {
        JobId whileSubmitted = submitted();
        JobId whileRunning = running();
        JobId whileAuthorized = submitted();
        algoC.markAuthorized(whileAuthorized);

        chain.assertRefused(() -> insurerD.revoke(whileSubmitted), "NotJobOwner", chain.insurerD.account().value());
        algoC.revoke(whileSubmitted);
        assertThat(TaskMarket.getJobStateChangedEvents(chain.lastReceipt())).singleElement().satisfies(e -> {
            assertThat(e.from).isEqualTo(BigInteger.valueOf(1));
            assertThat(e.to).isEqualTo(BigInteger.valueOf(6));
        });
        algoC.revoke(whileAuthorized);
        algoC.revoke(whileRunning);

        assertThat(List.of(whileSubmitted, whileAuthorized, whileRunning)).allSatisfy(
                job -> assertThat(stateOf(job)).isEqualTo(JobState.REVOKED));
        chain.assertRefused(() -> algoC.revoke(whileRunning), "IllegalTransition", "from state 6 to state 6");
        chain.assertRefused(() -> algoC.markAuthorized(whileSubmitted), "IllegalTransition", "from state 6 to state 2");
        chain.assertRefused(() -> algoC.start(whileAuthorized), "IllegalTransition", "from state 6 to state 3");
    }

    @Test
    void unknown_jobs_are_refused() {
        JobId unknown = JobId.of(randomHex32());

        chain.assertRefused(() -> algoC.markAuthorized(unknown), "UnknownJob", unknown.value());
        chain.assertRefused(() -> algoC.start(unknown), "UnknownJob", unknown.value());
        chain.assertRefused(() -> algoC.finish(unknown, true), "UnknownJob", unknown.value());
        chain.assertRefused(() -> algoC.revoke(unknown), "UnknownJob", unknown.value());
        chain.assertRefused(() -> bankA.recordReceipt(unknown, dt1, op, ResultHash.of(randomHex32())), "UnknownJob",
                unknown.value());
    }

    // ---- receipts -------------------------------------------------------------------------

    @Test
    void each_party_records_one_receipt_per_token_and_op_of_a_running_job() {
        JobId job = running();
        ResultHash first = ResultHash.of(randomHex32());
        ResultHash second = ResultHash.of(randomHex32());

        chain.market(chain.bankA2).recordReceipt(job, dt1, op, first);
        var bankReceipt = chain.lastReceipt();
        java.time.Instant bankTime = chain.chainNow();
        chain.market(chain.hospitalB).recordReceipt(job, dt2, op, second);

        assertThat(algoC.receipts(job)).containsExactly(
                new ExecutionReceipt(job, dt1, op, first, BANK_A, chain.bankA2.account(), bankTime),
                new ExecutionReceipt(job, dt2, op, second, LedgerFixture.HOSPITAL_B, chain.hospitalB.account(),
                        chain.chainNow()));
        assertThat(TaskMarket.getReceiptRecordedEvents(bankReceipt)).singleElement().satisfies(e -> {
            assertThat(Numeric.toHexString(e.jobId)).isEqualTo(job.value());
            assertThat(Numeric.toHexString(e.dt)).isEqualTo(dt1.value());
            assertThat(Numeric.toHexString(e.opHash)).isEqualTo(op.value());
            assertThat(Numeric.toHexString(e.resultHash)).isEqualTo(first.value());
            assertThat(OrganizationIds.toAlias(e.party)).isEqualTo(BANK_A);
        });
        chain.assertRefused(() -> bankA.recordReceipt(job, dt1, op, ResultHash.of(randomHex32())), "ReceiptExists",
                "already has a receipt for data token " + dt1.value());
        assertThat(algoC.receipts(submitted())).isEmpty();
        algoC.recordReceipt(job, algorithm, op, first);
        assertThat(algoC.receipts(job)).hasSize(3).last()
                .satisfies(r -> assertThat(r.party()).isEqualTo(ALGO_C));
    }

    @Test
    void refuses_receipts_that_break_the_rules() {
        JobId job = running();
        OpHash unknownOp = OpHash.of(randomHex32());
        OpHash deprecated = OpHash.of(randomHex32());
        chain.opRegistry.publish(deprecated, "logistic-regression", "0.9.0", randomCid());
        chain.opRegistry.deprecate(deprecated);
        DataTokenId unknownDt = DataTokenId.of(randomHex32());
        ResultHash result = ResultHash.of(randomHex32());

        chain.assertRefused(() -> bankA.recordReceipt(job, dt1, deprecated, result), "OpNotUsable", deprecated.value());
        chain.assertRefused(() -> bankA.recordReceipt(job, dt1, unknownOp, result), "OpNotUsable", unknownOp.value());
        chain.assertRefused(() -> chain.market(chain.hospitalB).recordReceipt(job, dt1, op, result), "NotTokenOwner",
                chain.hospitalB.account().value());
        chain.assertRefused(() -> bankA.recordReceipt(job, unknownDt, op, result), "UnknownToken", unknownDt.value());
        DataTokenId unrelated = chain.register(chain.bankA, AssetKind.DATA);
        chain.assertRefused(() -> bankA.recordReceipt(job, unrelated, op, result), "NotPartOfJob",
                "does not use data token " + unrelated.value());
        chain.assertRefused(() -> bankA.submit("record", bankA.contract().recordReceipt(bytes(job), bytes(dt1),
                bytes(op), new byte[32])), "ZeroResultHash", "must not be zero");
        JobId notRunning = submitted();
        chain.assertRefused(() -> bankA.recordReceipt(notRunning, dt1, op, result), "JobNotRunning",
                notRunning.value() + " is not running (state 1)");
        chain.organizations.suspend(BANK_A);
        chain.assertRefused(() -> bankA.recordReceipt(job, dt1, op, result), "OrganizationInactive", "bank-a is suspended");
    }

    // ---- end users' receipts (scenario S2) ------------------------------------------------

    private static final EndUserId U1 = EndUserId.of("u-0001");

    @Test
    void only_the_end_user_records_the_receipt_for_their_own_token() {
        // hospital-b's data union over its end user's token, under algo-c's algorithm
        chain.organizations(chain.hospitalB).registerEndUser(U1, chain.user.account());
        DataTokenId own = DataTokenId.of(randomHex32());
        chain.tokens(chain.user).registerAsEndUser(own, randomCid(), LedgerFixture.randomProof());
        DataTokenId union = chain.register(chain.hospitalB, AssetKind.DATA, own);
        DataTokenId overUsers = chain.register(chain.algoC, AssetKind.ALGORITHM, union);
        chain.tokens(chain.user).grant(own, union);
        chain.tokens(chain.hospitalB).grant(union, overUsers);
        JobId job = JobId.of(randomHex32());
        algoC.submitJob(job, task, overUsers);
        algoC.markAuthorized(job);
        algoC.start(job);
        ResultHash result = ResultHash.of(randomHex32());
        Web3jTaskMarketLedger user = chain.market(chain.user);

        chain.assertRefused(() -> chain.market(chain.hospitalB).recordReceipt(job, own, op, result), "NotEndUserOwner",
                chain.hospitalB.account().value() + " cannot record a receipt for data token " + own.value()
                        + ": it is owned by end user u-0001");
        chain.assertRefused(() -> algoC.recordReceipt(job, own, op, result), "NotEndUserOwner", own.value());
        user.recordReceipt(job, own, op, result);

        assertThat(algoC.receipts(job)).containsExactly(new ExecutionReceipt(job, own, op, result, HOSPITAL_B,
                chain.user.account(), chain.chainNow()));
        assertThat(TaskMarket.getReceiptRecordedEvents(chain.lastReceipt())).singleElement()
                .satisfies(e -> assertThat(OrganizationIds.toAlias(e.party)).isEqualTo(HOSPITAL_B));
        chain.assertRefused(() -> user.recordReceipt(job, union, op, result), "NotTokenOwner",
                chain.user.account().value());

        // once the organization removed the user, the account records nothing more for the token
        OpHash another = OpHash.of(randomHex32());
        chain.opRegistry.publish(another, "edge-train", "1.0.0", randomCid());
        chain.organizations(chain.hospitalB).removeEndUser(U1);
        chain.assertRefused(() -> user.recordReceipt(job, own, another, result), "NotEndUserOwner", own.value());
    }

    @Test
    void reading_past_the_last_receipt_reverts_with_a_named_error() throws Exception {
        JobId job = running();
        String data = FunctionEncoder.encode(new Function("receiptAt",
                List.of(new Bytes32(bytes(job)), new Uint256(BigInteger.ZERO)), List.of()));

        EthCall call = chain.admin.web3j().ethCall(Transaction.createEthCallTransaction(
                chain.admin.account().value(), algoC.marketAddress().value(), data),
                DefaultBlockParameterName.LATEST).send();

        assertThat(call.isReverted()).isTrue();
        assertThat(ContractErrors.of(TaskMarket.class).decode(call.getRevertReasonEncodedData()))
                .hasValueSatisfying(revert -> {
                    assertThat(revert.name()).isEqualTo("ReceiptIndexOutOfRange");
                    assertThat(revert.arguments()).containsExactly(job.value(), "0", "0");
                });
    }

    // ---- deployment -----------------------------------------------------------------------

    @Test
    void refuses_registries_over_different_organization_registries_or_none() {
        Web3jOrganizationLedger otherOrganizations = Web3jOrganizationLedger.deploy(chain.admin);
        Web3jOpLedger otherOps = Web3jOpLedger.deploy(chain.admin, otherOrganizations.registryAddress());
        ChainAddress zero = ChainAddress.of("0x" + "0".repeat(40));

        assertThatThrownBy(() -> Web3jTaskMarketLedger.deploy(chain.admin, chain.tokenRegistry.registryAddress(),
                otherOps.registryAddress())).isInstanceOf(LedgerUnavailable.class).hasMessageContaining("TaskMarket");
        assertThatThrownBy(() -> Web3jTaskMarketLedger.deploy(chain.admin, zero, otherOps.registryAddress()))
                .isInstanceOf(LedgerUnavailable.class);
    }

    private static byte[] bytes(Object hex32) {
        return Numeric.hexStringToByteArray(hex32.toString());
    }
}
