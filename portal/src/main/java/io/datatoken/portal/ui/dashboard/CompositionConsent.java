package io.datatoken.portal.ui.dashboard;

import io.datatoken.portal.services.GrantChange;
import io.datatoken.portal.services.LineageToken;
import io.datatoken.portal.services.Usage;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One composition directly above an end user's token, with the user's last word on its use: the last
 * grant change of the token to it (the user's account alone grants or revokes it, decision 0020).
 *
 * @param last the last grant change, null if the user never consented
 */
record CompositionConsent(String token, LineageToken composition, GrantChange last) {

    /** Whether the user's consent to the composition is live now. */
    enum State { NONE, LIVE, EXPIRED, WITHDRAWN }

    /**
     * The compositions that compose the token itself (a consent is given to a direct parent only), each
     * with its last grant change: the tracer's, unless a change made since (by the device, {@code recent},
     * keyed by {@link #key}) is not in its index yet — the tracer follows the chain a few blocks behind.
     */
    static List<CompositionConsent> of(Usage usage, Map<String, GrantChange> recent) {
        return usage.compositions().stream()
                .filter(composition -> composition.level() == 1)
                .map(composition -> {
                    List<GrantChange> changes = usage.grants().stream()
                            .filter(g -> same(g.child(), usage.dt()) && same(g.parent(), composition.dt())).toList();
                    // the tracer answers them in chain order; the max keeps the later of equal blocks
                    GrantChange last = changes.stream().max(Comparator.comparingLong(GrantChange::blockNumber))
                            .orElse(null);
                    GrantChange since = recent.get(key(usage.dt(), composition.dt()));
                    if (since != null && since.txHash() != null
                            && changes.stream().noneMatch(g -> same(g.txHash(), since.txHash()))) {
                        last = since;
                    }
                    return new CompositionConsent(usage.dt(), composition, last);
                })
                .toList();
    }

    State state(Instant now) {
        if (last == null || last.change() == null) {
            return State.NONE;
        }
        if ("REVOKED".equalsIgnoreCase(last.change())) {
            return State.WITHDRAWN;
        }
        return expiresAt().filter(end -> !end.isAfter(now)).isPresent() ? State.EXPIRED : State.LIVE;
    }

    /** When the consent ends; empty for until withdrawn (the chain's 0) or when there is none. */
    Optional<Instant> expiresAt() {
        return last == null || last.expiresAt() == null || last.expiresAt() == 0
                ? Optional.empty() : Optional.of(Instant.ofEpochSecond(last.expiresAt()));
    }

    /** A stable key for the elements of its row. */
    String key() {
        return key(token, composition.dt());
    }

    static String key(String token, String composition) {
        return token.toLowerCase(Locale.ROOT) + "-" + composition.toLowerCase(Locale.ROOT);
    }

    private static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }
}
