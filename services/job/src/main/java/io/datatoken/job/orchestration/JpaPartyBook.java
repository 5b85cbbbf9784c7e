package io.datatoken.job.orchestration;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@link PartyBook} in the job service's schema (job_run, job_party). Every method, reads too, runs
 * in a transaction: the orchestration's threads are not the container's, and Liberty's container-managed
 * entity manager fails outside a transaction on such a thread.
 */
@ApplicationScoped
public class JpaPartyBook implements PartyBook {

    @PersistenceContext(unitName = "job")
    EntityManager entities;

    @Override
    @Transactional
    public Optional<RunRecord> find(JobId job) {
        RunEntry run = entities.find(RunEntry.class, job.value());
        if (run == null) {
            return Optional.empty();
        }
        List<PartyRecord> parties = entities.createQuery("select p from PartyEntry p where p.jobId = :job "
                        + "order by p.dt, p.op", PartyEntry.class)
                .setParameter("job", job.value()).getResultList().stream().map(JpaPartyBook::record).toList();
        return Optional.of(new RunRecord(job, run.beganAt().toInstant(), run.detail(), parties));
    }

    @Override
    @Transactional
    public RunRecord begin(JobId job, Instant at, List<PartyRecord> parties) {
        Optional<RunRecord> existing = find(job);
        if (existing.isPresent()) {
            return existing.get();
        }
        entities.persist(new RunEntry(job.value(), time(at)));
        parties.forEach(p -> entities.persist(new PartyEntry(job.value(), p.dt().value(), p.op().value(),
                p.owner().value(), p.node() == null ? null : p.node().toString(), p.state().name(), p.attempts(),
                String.join(" ", p.reasons()), p.detail(), time(p.updatedAt()),
                p.composition() == null ? null : p.composition().value(), p.dropoutAfter().toSeconds())));
        entities.flush();
        return find(job).orElseThrow();
    }

    @Override
    @Transactional
    public void update(JobId job, PartyRecord party) {
        // One statement, so a party made DONE by a concurrent writer is never moved back.
        entities.createQuery("update PartyEntry p set p.state = :state, p.attempts = :attempts, p.reasons = :reasons, "
                        + "p.detail = :detail, p.updatedAt = :at "
                        + "where p.jobId = :job and p.dt = :dt and p.op = :op and p.state <> 'DONE'")
                .setParameter("state", party.state().name())
                .setParameter("attempts", party.attempts())
                .setParameter("reasons", String.join(" ", party.reasons()))
                .setParameter("detail", party.detail())
                .setParameter("at", time(party.updatedAt()))
                .setParameter("job", job.value())
                .setParameter("dt", party.dt().value())
                .setParameter("op", party.op().value())
                .executeUpdate();
    }

    @Override
    @Transactional
    public void note(JobId job, String detail) {
        RunEntry run = entities.find(RunEntry.class, job.value());
        if (run != null) {
            run.note(PartyRecord.cut(detail));
        }
    }

    private static PartyRecord record(PartyEntry e) {
        return new PartyRecord(DataTokenId.of(e.dt()), OpHash.of(e.op()), OrganizationAlias.of(e.owner()),
                e.node() == null ? null : URI.create(e.node()), PartyState.valueOf(e.state()), e.attempts(),
                e.reasons().isBlank() ? List.of() : Arrays.asList(e.reasons().split(" ")), e.detail(),
                e.updatedAt().toInstant(), e.composition() == null ? null : DataTokenId.of(e.composition()),
                Duration.ofSeconds(e.dropoutAfterSeconds()));
    }

    private static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
