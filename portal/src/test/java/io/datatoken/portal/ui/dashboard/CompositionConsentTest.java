package io.datatoken.portal.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.portal.services.GrantChange;
import io.datatoken.portal.services.LineageToken;
import io.datatoken.portal.services.Usage;
import io.datatoken.portal.ui.dashboard.CompositionConsent.State;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositionConsentTest {

    private static final String MINE = "0x" + "ab".repeat(32);
    private static final String UNION = "0x" + "cd".repeat(32);
    private static final String ABOVE = "0x" + "ef".repeat(32);
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void onlyTheCompositionsDirectlyAboveTheTokenAreListed() {
        List<CompositionConsent> rows = CompositionConsent.of(usage(List.of()), Map.of());

        assertThat(rows).extracting(row -> row.composition().dt()).containsExactly(UNION);
        assertThat(rows.getFirst().composition().owner()).isEqualTo("vendor-a");
        assertThat(rows.getFirst().state(NOW)).isEqualTo(State.NONE);
    }

    @Test
    void theLastChangeDecides() {
        assertThat(stateAfter(granted(10, 0), revoked(12))).isEqualTo(State.WITHDRAWN);
        assertThat(stateAfter(granted(10, 0), revoked(12), granted(15, 0))).isEqualTo(State.LIVE);
        // the tracer answers in chain order, but the order of the list is not what decides
        assertThat(stateAfter(granted(15, 0), revoked(12))).isEqualTo(State.LIVE);
    }

    @Test
    void aConsentPastItsExpiryIsNoLongerLive() {
        assertThat(stateAfter(granted(10, NOW.getEpochSecond() + 60))).isEqualTo(State.LIVE);
        assertThat(stateAfter(granted(10, NOW.getEpochSecond()))).isEqualTo(State.EXPIRED);
    }

    @Test
    void aChangeOfAnotherCompositionOrTokenCountsNot() {
        GrantChange elsewhere = new GrantChange(MINE, ABOVE, "GRANTED", 0L, "0xuser", 10, "0x01", NOW);
        GrantChange otherToken = new GrantChange(ABOVE, UNION, "GRANTED", 0L, "0xuser", 11, "0x02", NOW);

        assertThat(stateAfter(elsewhere, otherToken)).isEqualTo(State.NONE);
    }

    @Test
    void aChangeTheDeviceMadeCountsUntilTheTracerHasIndexedIt() {
        GrantChange madeHere = new GrantChange(MINE, UNION, "REVOKED", null, null, Long.MAX_VALUE, "0xbeef", null);
        Map<String, GrantChange> recent = Map.of(CompositionConsent.key(MINE, UNION), madeHere);

        assertThat(CompositionConsent.of(usage(List.of(granted(10, 0))), recent).getFirst().state(NOW))
                .as("not indexed yet").isEqualTo(State.WITHDRAWN);
        GrantChange indexed = new GrantChange(MINE, UNION, "REVOKED", null, "0xuser", 11, "0xBEEF", NOW);
        CompositionConsent row = CompositionConsent.of(usage(List.of(granted(10, 0), indexed)), recent).getFirst();
        assertThat(row.state(NOW)).isEqualTo(State.WITHDRAWN);
        assertThat(row.last().blockNumber()).as("the tracer's record, once it has it").isEqualTo(11);
    }

    private static State stateAfter(GrantChange... changes) {
        return CompositionConsent.of(usage(List.of(changes)), Map.of()).getFirst().state(NOW);
    }

    private static GrantChange granted(long block, long expiresAt) {
        return new GrantChange(MINE, UNION, "GRANTED", expiresAt, "0xuser", block, "0x" + block, NOW);
    }

    private static GrantChange revoked(long block) {
        return new GrantChange(MINE, UNION, "REVOKED", null, "0xuser", block, "0x" + block, NOW);
    }

    private static Usage usage(List<GrantChange> grants) {
        return new Usage(MINE, token(MINE, 0), List.of(token(UNION, 1), token(ABOVE, 2)), List.of(), List.of(), grants,
                List.of());
    }

    private static LineageToken token(String dt, int level) {
        return new LineageToken(dt, level, "vendor-a", level == 0 ? "DATA" : "COMPUTE", 1L, null, null, null);
    }
}
