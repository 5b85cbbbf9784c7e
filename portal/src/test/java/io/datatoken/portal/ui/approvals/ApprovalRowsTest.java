package io.datatoken.portal.ui.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.Denial;
import io.datatoken.portal.services.GrantChange;
import io.datatoken.portal.services.Lineage;
import io.datatoken.portal.services.LineageEdge;
import io.datatoken.portal.services.LineageToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApprovalRowsTest {

    private static final String LOANS = "0x" + "a1".repeat(32);
    private static final String CARDS = "0x" + "a2".repeat(32);
    private static final String FRESH = "0x" + "c1".repeat(32);
    private static final String GRANTED = "0x" + "c2".repeat(32);
    private static final String EXPIRED = "0x" + "c3".repeat(32);
    private static final String REVOKED = "0x" + "c4".repeat(32);
    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

    private final Asset loans = asset(LOANS, "Loans");
    private final Asset cards = asset(CARDS, "Cards");

    @Test
    void everyAssetsCompositionsDirectlyAboveItInTheOrderOfTheAssets() {
        Map<String, Lineage> lineages = Map.of(
                LOANS, up(LOANS, edge(FRESH, LOANS, null), edge(GRANTED, LOANS, grant("GRANTED", 0L))),
                CARDS, up(CARDS, edge(EXPIRED, CARDS, null)));
        List<String> asked = new ArrayList<>();

        List<ApprovalRow> rows = ApprovalRows.of(List.of(loans, cards), dt -> {
            asked.add(dt);
            return Optional.ofNullable(lineages.get(dt));
        }, dt -> List.of());

        assertThat(asked).containsExactly(LOANS, CARDS);
        assertThat(rows).extracting(row -> row.asset().title(), ApprovalRow::composition, ApprovalRow::compositionOwner)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Loans", FRESH, "fintech-c"),
                        org.assertj.core.groups.Tuple.tuple("Loans", GRANTED, "fintech-c"),
                        org.assertj.core.groups.Tuple.tuple("Cards", EXPIRED, "fintech-c"));
    }

    @Test
    void anAssetWhoseLineageIsNotAnsweredAddsNoRows() {
        List<ApprovalRow> rows = ApprovalRows.of(List.of(loans, cards),
                dt -> dt.equals(CARDS) ? Optional.of(up(CARDS, edge(FRESH, CARDS, null))) : Optional.empty(),
                dt -> List.of());

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.asset()).isEqualTo(cards));
    }

    @Test
    void onlyACompositionWithNoGrantAtAllIsWaiting() {
        long past = NOW.minusSeconds(60).getEpochSecond();
        List<ApprovalRow> rows = ApprovalRows.of(List.of(loans), dt -> Optional.of(up(LOANS,
                edge(FRESH, LOANS, null),
                edge(GRANTED, LOANS, grant("GRANTED", NOW.plusSeconds(3600).getEpochSecond())),
                edge(EXPIRED, LOANS, grant("GRANTED", past)),
                edge(REVOKED, LOANS, grant("REVOKED", null)))), dt -> List.of());

        assertThat(ApprovalRows.waiting(rows, NOW)).extracting(ApprovalRow::composition).containsExactly(FRESH);
        assertThat(ApprovalRows.waiting(List.of(), NOW)).isEmpty();
    }

    @Test
    void aDeniedCompositionCarriesTheOwnersReasonAndIsNotWaiting() {
        List<String> askedForDenials = new ArrayList<>();
        List<ApprovalRow> rows = ApprovalRows.of(List.of(loans, cards),
                dt -> Optional.of(dt.equals(LOANS) ? up(LOANS, edge(FRESH, LOANS, null), edge(EXPIRED, LOANS, null))
                        : up(CARDS)),
                dt -> {
                    askedForDenials.add(dt);
                    return List.of(new Denial(LOANS, FRESH.toUpperCase(java.util.Locale.ROOT).replace("0X", "0x"),
                            "not for marketing", "bank-a", null));
                });

        assertThat(rows).filteredOn(row -> row.composition().equals(FRESH)).singleElement()
                .satisfies(row -> assertThat(row.denial()).isEqualTo("not for marketing"));
        assertThat(rows).filteredOn(row -> row.composition().equals(EXPIRED)).singleElement()
                .satisfies(row -> assertThat(row.denial()).isNull());
        assertThat(ApprovalRows.waiting(rows, NOW)).extracting(ApprovalRow::composition).containsExactly(EXPIRED);
        assertThat(askedForDenials).as("no composition uses the cards: no need to ask").containsExactly(LOANS);
    }

    private static Lineage up(String dt, LineageEdge... edges) {
        List<LineageToken> tokens = new ArrayList<>();
        tokens.add(new LineageToken(dt, 0, "bank-a", "DATA", null, null, null, null));
        for (LineageEdge edge : edges) {
            tokens.add(new LineageToken(edge.parent(), 1, "fintech-c", "ALGORITHM", null, null, null, null));
        }
        return new Lineage(dt, "up", 1, false, null, tokens, List.of(edges), List.of());
    }

    private static LineageEdge edge(String parent, String child, GrantChange grant) {
        return new LineageEdge(parent, child, 1, grant, null);
    }

    private static GrantChange grant(String change, Long expiresAt) {
        return new GrantChange(null, null, change, expiresAt, "0xbank", 7, "0xtx", null);
    }

    private static Asset asset(String dt, String title) {
        return new Asset(dt, "bank-a", "DATA", title, null, null, null, null, null, null, null, null);
    }
}
