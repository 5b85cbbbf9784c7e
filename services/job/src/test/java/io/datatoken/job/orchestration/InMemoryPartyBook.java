package io.datatoken.job.orchestration;

import io.datatoken.domain.market.JobId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PartyBook} in memory for the orchestration's tests; it passes {@link PartyBookContract} like the JPA book. */
final class InMemoryPartyBook implements PartyBook {

    private record Run(Instant beganAt, String detail, Map<PartyKey, PartyRecord> parties) {
    }

    private final Map<JobId, Run> runs = new ConcurrentHashMap<>();

    @Override
    public synchronized Optional<RunRecord> find(JobId job) {
        return Optional.ofNullable(runs.get(job))
                .map(r -> new RunRecord(job, r.beganAt(), r.detail(), List.copyOf(r.parties().values())));
    }

    @Override
    public synchronized RunRecord begin(JobId job, Instant at, List<PartyRecord> parties) {
        runs.computeIfAbsent(job, j -> {
            Map<PartyKey, PartyRecord> recorded = new TreeMap<>();
            parties.forEach(p -> recorded.put(p.key(), stored(p)));
            return new Run(micros(at), "", recorded);
        });
        return find(job).orElseThrow();
    }

    @Override
    public synchronized void update(JobId job, PartyRecord party) {
        Run run = runs.get(job);
        if (run != null) {
            run.parties().computeIfPresent(party.key(), (k, current) -> current.state() == PartyState.DONE ? current
                    : current.moved(party.state(), party.attempts(), party.reasons(), party.detail(), micros(party.updatedAt())));
        }
    }

    @Override
    public synchronized void note(JobId job, String detail) {
        runs.computeIfPresent(job, (j, r) -> new Run(r.beganAt(), PartyRecord.cut(detail), r.parties()));
    }

    /** Only what the database keeps: times to the microsecond. */
    private static PartyRecord stored(PartyRecord p) {
        return p.moved(p.state(), p.attempts(), p.reasons(), p.detail(), micros(p.updatedAt()));
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
