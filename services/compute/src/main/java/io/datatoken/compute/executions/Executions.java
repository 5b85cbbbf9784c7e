package io.datatoken.compute.executions;

import io.datatoken.compute.runs.JobPlans;
import io.datatoken.compute.runs.NodeParty;
import io.datatoken.compute.runs.OpRun;
import io.datatoken.compute.runs.RunBook;
import io.datatoken.compute.runs.Runs;
import io.datatoken.domain.content.ContentNotFound;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.content.ContentTampered;
import io.datatoken.domain.market.ExecutionFacts;
import io.datatoken.domain.market.ExecutionRefusal;
import io.datatoken.domain.market.ExecutionRequestCheck;
import io.datatoken.domain.market.Job;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.market.TaskMarketLedger;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.op.TrustedOp;
import io.datatoken.domain.organization.ChainAddress;
import io.datatoken.domain.organization.OrganizationLedger;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Receives execution requests: finds out every fact itself (signer, its organization, the job, the
 * asset's place in the job and its owner, the op, the workflow), applies {@link ExecutionRequestCheck},
 * and records the decision. An accepted request spends its nonce and opens the node's run of the op
 * for (job, asset, op) unless a request accepted before opened it (the job service retrying): the
 * op runs once per job, asset and op, however many valid requests ask for it.
 */
@ApplicationScoped
public class Executions {

    @Inject
    RequestSignatures signatures;

    @Inject
    OrganizationLedger organizations;

    @Inject
    TaskMarketLedger market;

    @Inject
    DataTokenLedger tokens;

    @Inject
    OpLedger ops;

    @Inject
    ContentStore content;

    @Inject
    ExecutionLog log;

    @Inject
    JobPlans plans;

    @Inject
    RunBook runBook;

    @Inject
    Runs runs;

    /** The organization or end user this node runs for (their datasets, their assets). */
    @Inject
    NodeParty party;

    Clock clock = Clock.systemUTC();

    public Decision receive(SignedExecutionRequest signed) {
        Optional<ChainAddress> signer = signatures.signerOf(signed);
        var request = signed.request();
        Optional<Job> job = market.findJob(request.job());
        Optional<DataToken> token = tokens.find(request.dt());
        ExecutionFacts facts = new ExecutionFacts(signed,
                signer.flatMap(organizations::organizationOf),
                job,
                job.map(j -> token.isPresent() && tokens.isPartOf(request.dt(), j.algorithm())).orElse(false),
                job.map(j -> tokens.isActive(j.algorithm())).orElse(false),
                token.map(DataToken::owner),
                party.organization(),
                signer.map(s -> log.spent(s.value(), request.nonce())).orElse(false),
                ops.find(request.op()).map(TrustedOp::usable).orElse(false),
                ops.find(request.op()).map(this::codeMatches).orElse(false),
                job.flatMap(j -> plans.placementOf(request.dt(), j.algorithm())).flatMap(p -> p.opFor(request.dt()))
                        .map(OpHash::value),
                token.flatMap(DataToken::endUser),
                party.endUser());
        List<ExecutionRefusal> refusals = new ExecutionRequestCheck(clock).refusals(facts);
        String signerText = signer.map(ChainAddress::value).orElse("0x" + "0".repeat(40));
        if (refusals.isEmpty()) {
            try {
                ExecutionRecord accepted = log.record(record(signed, signerText, "ACCEPTED", ""));
                if (runBook.find(new OpRun.Key(request.job().value(), request.dt().value(), request.op().value())).isEmpty()) {
                    try {
                        runs.open(request.job(), request.dt(), request.op(), accepted.id());
                    } catch (PersistenceException | TransactionalException openedMeanwhile) {
                        // a concurrent request for the same run opened it first; that run is the one
                    }
                }
                return new Decision(accepted, List.of());
            } catch (PersistenceException | TransactionalException raced) {
                refusals = List.of(new ExecutionRefusal(ExecutionRefusal.Reason.REPLAYED,
                        "nonce " + request.nonce() + " was spent by a request accepted at the same moment"));
            }
        }
        String codes = refusals.stream().map(r -> r.reason().code()).collect(Collectors.joining(" "));
        return new Decision(log.recordRefused(record(signed, signerText, "REFUSED", codes), refusals), refusals);
    }

    public List<ExecutionRecord> trailOf(String job) {
        return log.ofJob(job);
    }

    /** Whether the package stored under the op's registered CID is the code its hash names. */
    private boolean codeMatches(TrustedOp op) {
        try {
            return OpHash.sha256Of(content.get(op.codeCid())).equals(op.opHash());
        } catch (ContentNotFound | ContentTampered unreadable) {
            return false;
        }
    }

    private ExecutionRecord record(SignedExecutionRequest signed, String signer, String outcome, String reasons) {
        var r = signed.request();
        return new ExecutionRecord(UUID.randomUUID(), signer, r.nonce(), r.job().value(), r.dt().value(), r.op().value(),
                OffsetDateTime.ofInstant(r.expiresAt(), ZoneOffset.UTC),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), outcome, reasons);
    }

    /** The recorded decision and, if refused, every reason. */
    public record Decision(ExecutionRecord record, List<ExecutionRefusal> refusals) {

        public boolean accepted() {
            return refusals.isEmpty();
        }
    }
}
