package io.datatoken.tracer.audit;

import static io.datatoken.tracer.LedgerHistory.account;
import static io.datatoken.tracer.LedgerHistory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.datatoken.chain.InMemoryChainLog;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.tracer.LedgerHistory;
import io.datatoken.tracer.TracerSchemaTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit from the index: which events concern which organization and how, filters, pages. */
class AuditLogTest extends TracerSchemaTest {

    private static final String BANK = account("bank-a's account");
    private static final String NODE = account("bank-a's node");
    private static final String ALGO = account("algo-c's account");
    private static final String STRANGER = account("nobody's account");
    private static final String A = id("A");
    private static final String X = id("X");
    private static final String TASK = id("task");
    private static final String JOB = id("job");

    private AuditLog audit;

    @BeforeAll
    void twoOrganizationsAJobAndANodeThatLeft() {
        emptyIndex();
        LedgerHistory history = new LedgerHistory();
        history.block(history.organizationRegistered("bank-a", BANK), history.organizationRegistered("algo-c", ALGO));
        history.block(history.accountAdded("bank-a", NODE).by(BANK));                               // block 2
        history.block(history.registered(A, "bank-a", AssetKind.DATA).by(BANK));                    // block 3
        history.block(history.registered(X, "algo-c", AssetKind.ALGORITHM, A).by(ALGO),
                history.granted(A, X, 0).by(BANK));                                                 // block 4
        history.block(history.taskCreated(TASK, "algo-c").by(ALGO),
                history.jobSubmitted(JOB, TASK, X, "algo-c").by(ALGO));                             // block 5
        history.block(history.receipt(JOB, A, id("op"), id("result"), "bank-a").by(NODE));          // block 6
        history.block(history.accountRemoved("bank-a", NODE).by(BANK));                            // block 7
        history.block(history.metadataUpdated(A).by(NODE));                                         // block 8
        history.block(history.metadataUpdated(id("elsewhere")).by(STRANGER));                       // block 9
        index(history.chain);
        audit = new TransactionalAuditLog(this::inTracerSchema);
    }

    @Test
    void an_organizations_audit_holds_what_its_accounts_did_and_what_named_its_assets_newest_first() {
        AuditPage page = audit.page(AuditFilter.newest(100).of("bank-a"));

        assertThat(page.entries()).extracting(AuditEntry::block, AuditEntry::event).containsExactly(
                tuple(8L, "MetadataUpdated"), tuple(7L, "AccountRemoved"), tuple(6L, "ReceiptRecorded"),
                tuple(5L, "JobSubmitted"), tuple(4L, "Granted"), tuple(4L, "TokenRegistered"),
                tuple(3L, "TokenRegistered"), tuple(2L, "AccountAdded"), tuple(1L, "OrganizationRegistered"));
        assertThat(page.next()).isNull();
    }

    @Test
    void each_entry_says_how_the_event_concerns_each_organization() {
        List<AuditEntry> entries = audit.page(AuditFilter.newest(100)).entries();

        assertThat(entry(entries, 6).subjects()).containsExactlyInAnyOrder(
                new AuditEntry.Subject("algo-c", "OWNER"), new AuditEntry.Subject("bank-a", "ACTOR"),
                new AuditEntry.Subject("bank-a", "OWNER"), new AuditEntry.Subject("bank-a", "PARTY"));
        // the job (newest in block 5) uses bank-a's A through algo-c's X
        assertThat(entry(entries, 5).event()).isEqualTo("JobSubmitted");
        assertThat(entry(entries, 5).subjects()).containsExactlyInAnyOrder(
                new AuditEntry.Subject("algo-c", "ACTOR"), new AuditEntry.Subject("algo-c", "OWNER"),
                new AuditEntry.Subject("bank-a", "OWNER"));
        assertThat(entry(entries, 6).sender()).isEqualTo(NODE);
        assertThat(entry(entries, 6).senderOrganization()).isEqualTo("bank-a");
        assertThat(entry(entries, 6).at()).isEqualTo(Instant.ofEpochSecond(InMemoryChainLog.GENESIS_TIME
                + 6 * InMemoryChainLog.BLOCK_SECONDS));
        assertThat(entry(entries, 6).fields()).containsEntry("jobId", JOB).containsEntry("dt", A);
    }

    @Test
    void an_account_acts_for_its_organization_only_while_it_belongs_to_it() {
        List<AuditEntry> entries = audit.page(AuditFilter.newest(100)).entries();

        // the node left bank-a in block 7: its update of A in block 8 concerns bank-a as A's owner only
        assertThat(entry(entries, 8).senderOrganization()).isNull();
        assertThat(entry(entries, 8).subjects()).containsExactly(new AuditEntry.Subject("bank-a", "OWNER"));
        assertThat(entry(entries, 9).subjects()).isEmpty();
        assertThat(audit.page(AuditFilter.newest(100).of("algo-c")).entries())
                .extracting(AuditEntry::block).doesNotContain(2L, 3L, 7L, 8L, 9L);
    }

    @Test
    void filters_by_dt_account_event_and_time() {
        assertThat(audit.page(filter(Optional.of(X), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty())).entries()).extracting(AuditEntry::block).containsExactly(5L, 4L, 4L);
        assertThat(audit.page(filter(Optional.empty(), Optional.of(NODE), Optional.empty(), Optional.empty(),
                Optional.empty())).entries()).extracting(AuditEntry::block).containsExactly(8L, 7L, 6L, 2L);
        assertThat(audit.page(filter(Optional.empty(), Optional.empty(), Optional.of("Granted"), Optional.empty(),
                Optional.empty())).entries()).extracting(AuditEntry::block).containsExactly(4L);
        Instant block5 = Instant.ofEpochSecond(InMemoryChainLog.GENESIS_TIME + 5 * InMemoryChainLog.BLOCK_SECONDS);
        assertThat(audit.page(filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(block5),
                Optional.of(block5.plusSeconds(InMemoryChainLog.BLOCK_SECONDS * 2)))).entries())
                .extracting(AuditEntry::block).containsExactly(6L, 5L, 5L);
    }

    @Test
    void pages_follow_each_other_without_gaps_or_repeats() {
        List<AuditEntry> all = audit.page(AuditFilter.newest(100)).entries();
        List<AuditEntry> paged = new ArrayList<>();
        AuditFilter filter = AuditFilter.newest(4);
        AuditPage page;
        do {
            page = audit.page(filter);
            paged.addAll(page.entries());
            if (page.next() != null) {
                filter = filter.before(AuditCursor.parse(page.next()).orElseThrow());
            }
        } while (page.next() != null);

        assertThat(paged).isEqualTo(all);
        assertThat(all).hasSize(12);
    }

    private static AuditFilter filter(Optional<String> dt, Optional<String> account, Optional<String> event,
                                      Optional<Instant> since, Optional<Instant> until) {
        return new AuditFilter(Optional.empty(), dt, account, event, since, until, Optional.empty(), 100);
    }

    private static AuditEntry entry(List<AuditEntry> entries, long block) {
        return entries.stream().filter(e -> e.block() == block).findFirst().orElseThrow();
    }
}
