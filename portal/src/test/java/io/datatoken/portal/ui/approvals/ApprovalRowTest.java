package io.datatoken.portal.ui.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.EdgeOp;
import io.datatoken.portal.services.GrantChange;
import io.datatoken.portal.services.Lineage;
import io.datatoken.portal.services.LineageEdge;
import io.datatoken.portal.services.LineageToken;
import io.datatoken.portal.ui.approvals.ApprovalRow.GrantState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApprovalRowTest {

    private static final String MINE = "0x" + "ab".repeat(32);
    private static final String ALGORITHM = "0x" + "cd".repeat(32);
    private static final String OTHER = "0x" + "ef".repeat(32);
    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

    private final Asset asset = new Asset(MINE, "bank-a", "DATA", "Loans", null, null, null, null, null, null, null, null);

    @Test
    void aRowPerCompositionDirectlyAboveTheAssetWithItsOwnerAndOp() {
        EdgeOp op = new EdgeOp("KNOWN", "0x01", "ss-share", "1.0.0", Map.of(), null);
        Lineage up = new Lineage(MINE, "up", 1, false, null,
                List.of(token(MINE, "bank-a"), token(ALGORITHM, "fintech-c")),
                List.of(new LineageEdge(ALGORITHM, MINE, 1, null, op),
                        new LineageEdge(OTHER, ALGORITHM, 2, null, null)), List.of());

        List<ApprovalRow> rows = ApprovalRow.of(asset, up);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.composition()).isEqualTo(ALGORITHM);
            assertThat(row.compositionOwner()).isEqualTo("fintech-c");
            assertThat(row.opLabel()).isEqualTo("ss-share 1.0.0");
            assertThat(row.state(NOW)).isEqualTo(GrantState.NONE);
        });
    }

    @Test
    void theGrantStateFollowsTheLastChangeAndItsExpiry() {
        assertThat(row(grant("GRANTED", 0L)).state(NOW)).isEqualTo(GrantState.GRANTED);
        assertThat(row(grant("GRANTED", 0L)).expiresAt()).isEmpty();
        long later = NOW.plusSeconds(3600).getEpochSecond();
        assertThat(row(grant("GRANTED", later)).state(NOW)).isEqualTo(GrantState.GRANTED);
        assertThat(row(grant("GRANTED", later)).expiresAt()).contains(Instant.ofEpochSecond(later));
        assertThat(row(grant("GRANTED", NOW.minusSeconds(1).getEpochSecond())).state(NOW)).isEqualTo(GrantState.EXPIRED);
        assertThat(row(grant("REVOKED", null)).state(NOW)).isEqualTo(GrantState.REVOKED);
    }

    @Test
    void theOwnersDenialStandsUnlessALiveGrantCameAfterIt() {
        assertThat(row(null).deniedBecause("not for marketing").state(NOW)).isEqualTo(GrantState.DENIED);
        assertThat(row(grant("REVOKED", null)).deniedBecause("no").state(NOW)).isEqualTo(GrantState.DENIED);
        assertThat(row(grant("GRANTED", 0L)).deniedBecause("stale").state(NOW)).isEqualTo(GrantState.GRANTED);
        assertThat(row(null).deniedBecause("why").denial()).isEqualTo("why");
    }

    @Test
    void anUnknownOpShowsItsHashOrNothing() {
        assertThat(new ApprovalRow(asset, ALGORITHM, null, new EdgeOp("PENDING", "0x02", null, null, null, null), null,
                null)
                .opLabel()).isEqualTo("0x02");
        assertThat(row(null).opLabel()).isEmpty();
    }

    private ApprovalRow row(GrantChange grant) {
        return new ApprovalRow(asset, ALGORITHM, "fintech-c", null, grant, null);
    }

    private static GrantChange grant(String change, Long expiresAt) {
        return new GrantChange(MINE, ALGORITHM, change, expiresAt, "0xbank", 7, "0xtx", null);
    }

    private static LineageToken token(String dt, String owner) {
        return new LineageToken(dt, 0, owner, "DATA", null, null, null, null);
    }
}
