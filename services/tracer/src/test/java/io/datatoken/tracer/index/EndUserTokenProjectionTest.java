package io.datatoken.tracer.index;

import static io.datatoken.tracer.LedgerHistory.account;
import static io.datatoken.tracer.LedgerHistory.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.ledger.BlockRef;
import io.datatoken.tracer.LedgerHistory;
import io.datatoken.tracer.TracerSchemaTest;
import io.datatoken.tracer.audit.AuditEntry;
import io.datatoken.tracer.audit.AuditFilter;
import io.datatoken.tracer.audit.TransactionalAuditLog;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EndUserTokenRegistered (decision 0020) projected onto its token: vendor-a's end user u-0042 registers
 * a DATA token of their own (D) next to vendor-a's own token (V).
 */
class EndUserTokenProjectionTest extends TracerSchemaTest {

    private static final String VENDOR = account("vendor-a's account");
    private static final String USER = account("u-0042's device");
    private static final String D = id("u-0042's readings");
    private static final String V = id("vendor-a's catalogue");

    private LedgerHistory history;
    private long registrationBlock;

    @BeforeEach
    void anEndUsersTokenAndAnOrganizationsToken() {
        emptyIndex();
        history = new LedgerHistory();
        history.block(history.organizationRegistered("vendor-a", VENDOR),
                history.endUserRegistered("vendor-a", "u-0042", USER, VENDOR));
        registrationBlock = history.block(history.registeredByEndUser(D, "vendor-a", "u-0042", USER)).number();
        history.block(history.registered(V, "vendor-a", AssetKind.DATA).by(VENDOR));
        index(history.chain);
    }

    @Test
    void the_end_user_and_their_account_are_projected_onto_the_token_the_organization_owns() {
        String tx = (String) rows("select tx_hash from chain_event where event = 'EndUserTokenRegistered'")
                .getFirst().getFirst();

        assertThat(rows("select dt, owner_org, end_user, account, tx_hash, log_index from token_end_user"))
                .containsExactly(List.of(D, "vendor-a", "u-0042", USER, tx, 1));
        // TokenRegistered is projected as any organization's DATA leaf, in the same transaction
        assertThat(rows("select dt, owner_org, kind, tx_hash, log_index from token order by registered_block"))
                .containsExactly(List.of(D, "vendor-a", "DATA", tx, 0), List.of(V, "vendor-a", "DATA",
                        rows("select tx_hash from token where dt = '" + V + "'").getFirst().getFirst(), 0));
    }

    @Test
    void an_end_user_id_that_is_none_stays_in_hex() {
        String odd = LedgerHistory.endUser("U 42");
        String dt = id("odd");
        history.block(history.registeredByEndUser(dt, "vendor-a", "U 42", USER));
        index(history.chain);

        assertThat(rows("select end_user from token_end_user where dt = '" + dt + "'"))
                .containsExactly(List.of(odd));
    }

    @Test
    void applying_the_chain_again_changes_nothing_and_a_rebuild_from_empty_gives_the_same_rows() {
        List<List<List<Object>>> live = projected();
        // the whole chain once more, as a batch after the cursor: every event is already held
        BlockRef head = history.chain.block(history.chain.head()).orElseThrow();
        store().apply(new Batch(store().cursor(), history.chain.events(0, head.number()), List.of(),
                AppliedBlock.of(head), 64));
        assertThat(projected()).isEqualTo(live);

        emptyIndex();
        index(history.chain);

        assertThat(projected()).isEqualTo(live);
    }

    @Test
    void a_reorganization_that_drops_the_registration_drops_its_end_user() {
        history.chain.fork(registrationBlock);
        history.block(history.registered(V, "vendor-a", AssetKind.DATA).by(VENDOR));
        history.chain.mine(1);
        index(history.chain);

        assertThat(rows("select dt from token")).containsExactly(List.of(V));
        assertThat(rows("select * from token_end_user")).isEmpty();
    }

    @Test
    void the_audit_lists_the_event_as_the_organizations_sent_by_its_end_user() {
        List<AuditEntry> entries = new TransactionalAuditLog(this::inTracerSchema).page(new AuditFilter(
                Optional.of("vendor-a"), Optional.empty(), Optional.empty(), Optional.of("EndUserTokenRegistered"),
                Optional.empty(), Optional.empty(), Optional.empty(), 100)).entries();

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.sender()).isEqualTo(USER);
            assertThat(entry.senderOrganization()).isEqualTo("vendor-a");
            assertThat(entry.fields()).containsEntry("dt", D).containsEntry("endUser", LedgerHistory.endUser("u-0042"))
                    .containsEntry("account", USER);
            assertThat(entry.subjects()).containsExactlyInAnyOrder(new AuditEntry.Subject("vendor-a", "ACTOR"),
                    new AuditEntry.Subject("vendor-a", "OWNER"));
        });
    }

    private List<List<List<Object>>> projected() {
        return List.of(rows("select * from token order by dt"), rows("select * from token_end_user order by dt"),
                rows("select * from event_subject order by tx_hash, log_index, org, relation"));
    }
}
