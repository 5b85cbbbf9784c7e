package io.datatoken.job.orchestration;

import io.datatoken.domain.token.DataTokenId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which parties of a job dropped out, for compositions whose parties may (a workflow with
 * {@code dropout_after}: federated learning's devices). A party that may drop out is out when its run
 * failed (refused, unreachable, or failed at its node), or when it still runs but every other party of
 * its composition has ended (receipt on chain, or out) for at least the composition's
 * {@code dropout_after}: its siblings went on without it, and it would record a receipt by now if it
 * were still taking part. Such a job succeeds without the receipts of those that dropped out, as long
 * as each such composition has at least one receipt; parties that may not drop out fail the job as ever.
 */
final class Dropouts {

    private final Set<PartyKey> out;
    private final Map<DataTokenId, List<PartyRecord>> compositions;

    private Dropouts(Set<PartyKey> out, Map<DataTokenId, List<PartyRecord>> compositions) {
        this.out = out;
        this.compositions = compositions;
    }

    static Dropouts of(List<PartyRecord> parties, Instant now) {
        Map<DataTokenId, List<PartyRecord>> compositions = parties.stream().filter(PartyRecord::mayDropOut)
                .collect(Collectors.groupingBy(PartyRecord::composition));
        Set<PartyKey> out = new HashSet<>();
        for (List<PartyRecord> siblings : compositions.values()) {
            siblings.stream().filter(p -> p.state().failed()).forEach(p -> out.add(p.key()));
            for (PartyRecord party : siblings) {
                if (party.state() == PartyState.DONE || out.contains(party.key())) {
                    continue;
                }
                List<PartyRecord> others = siblings.stream().filter(p -> !p.key().equals(party.key())).toList();
                boolean othersEnded = !others.isEmpty() && others.stream()
                        .allMatch(p -> p.state() == PartyState.DONE || out.contains(p.key()));
                boolean anyReceipt = others.stream().anyMatch(p -> p.state() == PartyState.DONE);
                Instant lastEnded = others.stream().map(PartyRecord::updatedAt).max(Comparator.naturalOrder())
                        .orElse(Instant.MIN);
                if (othersEnded && anyReceipt && !now.isBefore(lastEnded.plus(party.dropoutAfter()))) {
                    out.add(party.key());
                }
            }
        }
        return new Dropouts(out, compositions);
    }

    /** Whether the party dropped out. */
    boolean out(PartyRecord party) {
        return out.contains(party.key());
    }

    boolean none() {
        return out.isEmpty();
    }

    /** Whether every composition whose parties may drop out has at least one party's receipt. */
    boolean everyCompositionFinished() {
        return compositions.values().stream().allMatch(s -> s.stream().anyMatch(p -> p.state() == PartyState.DONE));
    }

    /** Whether every party of the composition dropped out: nothing of it will finish. */
    boolean everyoneOut(DataTokenId composition) {
        List<PartyRecord> siblings = compositions.get(composition);
        return siblings != null && siblings.stream().allMatch(p -> out.contains(p.key()));
    }

    /** The parties that dropped out, with why, for the job's note. */
    String describe() {
        return compositions.values().stream().flatMap(List::stream).filter(p -> out.contains(p.key()))
                .sorted(Comparator.comparing(PartyRecord::key))
                .map(p -> p.dt() + " (" + p.owner() + ", " + p.state() + (p.detail().isBlank() ? "" : ": " + p.detail()) + ")")
                .collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return Objects.toString(out);
    }
}
