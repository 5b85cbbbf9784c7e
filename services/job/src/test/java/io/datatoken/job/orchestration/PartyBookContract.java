package io.datatoken.job.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** What every {@link PartyBook} does: the JPA book over a migrated schema, and the in-memory one of the tests. */
interface PartyBookContract {

    Instant T0 = Instant.parse("2026-11-23T12:00:00.123456Z");
    URI NODE = URI.create("http://localhost:9181/compute/api");

    /** The book under test, each call in its own transaction where the book has transactions. */
    PartyBook book();

    @Test
    default void a_job_never_begun_has_no_run() {
        assertThat(book().find(newJob())).isEmpty();
    }

    @Test
    default void a_run_keeps_its_start_and_its_parties_in_dt_then_op_order() {
        JobId job = newJob();
        PartyRecord later = enlisted('b', 'c', NODE);
        PartyRecord first = enlisted('a', 'c', null);
        PartyRecord second = enlisted('a', 'd', NODE);

        RunRecord run = book().begin(job, T0, List.of(later, first, second));

        assertThat(run).isEqualTo(new RunRecord(job, T0, "", List.of(first, second, later)));
        assertThat(book().find(job)).contains(run);
        assertThat(first.state()).isEqualTo(PartyState.UNREACHABLE);
        assertThat(second.state()).isEqualTo(PartyState.DISPATCHING);
    }

    @Test
    default void a_second_begin_changes_nothing_and_returns_the_first_run() {
        JobId job = newJob();
        RunRecord first = book().begin(job, T0, List.of(enlisted('a', 'c', NODE)));

        RunRecord again = book().begin(job, T0.plusSeconds(60), List.of(enlisted('b', 'c', NODE)));

        assertThat(again).isEqualTo(first);
        assertThat(book().find(job)).contains(first);
    }

    @Test
    default void a_party_moves_to_its_new_state_attempts_reasons_and_detail() {
        JobId job = newJob();
        PartyRecord party = enlisted('a', 'c', NODE);
        PartyRecord other = enlisted('b', 'c', NODE);
        book().begin(job, T0, List.of(party, other));

        PartyRecord refused = party.moved(PartyState.REFUSED, 3, List.of("job-not-running", "replayed"), "refused by the node",
                T0.plusSeconds(5));
        book().update(job, refused);

        assertThat(book().find(job).orElseThrow().parties()).containsExactly(refused, other);
    }

    @Test
    default void a_done_party_stays_done() {
        JobId job = newJob();
        PartyRecord party = enlisted('a', 'c', NODE);
        book().begin(job, T0, List.of(party));
        PartyRecord done = party.moved(PartyState.DONE, 1, List.of(), "accepted", T0.plusSeconds(5));
        book().update(job, done);

        book().update(job, party.moved(PartyState.ACCEPTED, 1, List.of(), "accepted", T0.plusSeconds(6)));

        assertThat(book().find(job).orElseThrow().parties()).containsExactly(done);
    }

    @Test
    default void a_party_or_a_job_the_book_does_not_hold_is_ignored() {
        JobId job = newJob();
        PartyRecord party = enlisted('a', 'c', NODE);
        book().begin(job, T0, List.of(party));

        book().update(job, enlisted('b', 'c', NODE).moved(PartyState.ACCEPTED, 1, List.of(), "", T0));
        book().update(newJob(), party.moved(PartyState.ACCEPTED, 1, List.of(), "", T0));
        book().note(newJob(), "nothing to say");

        assertThat(book().find(job).orElseThrow().parties()).containsExactly(party);
    }

    @Test
    default void a_run_says_why_it_ended_cut_to_the_longest_detail_kept() {
        JobId job = newJob();
        book().begin(job, T0, List.of());

        book().note(job, "x".repeat(PartyRecord.MAX_DETAIL + 10));

        assertThat(book().find(job).orElseThrow().detail()).hasSize(PartyRecord.MAX_DETAIL).startsWith("xxx").endsWith("…");
        book().note(job, "ended as FAILED: no receipt");
        assertThat(book().find(job).orElseThrow().detail()).isEqualTo("ended as FAILED: no receipt");
    }

    @Test
    default void a_party_keeps_its_composition_and_how_long_its_siblings_wait_for_it() {
        JobId job = newJob();
        DataTokenId union = DataTokenId.of("0x" + "e".repeat(64));
        PartyRecord device = PartyRecord.enlisted(new Party(DataTokenId.of("0x" + "1".repeat(64)),
                OpHash.of("0x" + "2".repeat(64)), OrganizationAlias.of("vendor-a"), URI.create("http://localhost:9191"), null,
                union, Duration.ofSeconds(30)), T0);

        book().begin(job, T0, List.of(device, enlisted('3', '4', URI.create("http://localhost:9181"))));
        book().update(job, book().find(job).orElseThrow().parties().get(0).moved(PartyState.ACCEPTED, 1, List.of(), "", T0));

        List<PartyRecord> parties = book().find(job).orElseThrow().parties();
        assertThat(parties.get(0).composition()).isEqualTo(union);
        assertThat(parties.get(0).dropoutAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(parties.get(0).mayDropOut()).isTrue();
        assertThat(parties.get(1).mayDropOut()).isFalse();
        assertThat(parties.get(1).dropoutAfter()).isZero();
    }

    private static PartyRecord enlisted(char dt, char op, URI node) {
        return PartyRecord.enlisted(new Party(DataTokenId.of("0x" + String.valueOf(dt).repeat(64)),
                OpHash.of("0x" + String.valueOf(op).repeat(64)), OrganizationAlias.of("bank-" + dt), node,
                node == null ? "asset names no compute endpoint" : null, DataTokenId.of("0x" + "f".repeat(64)),
                Duration.ZERO), T0);
    }

    private static JobId newJob() {
        byte[] id = new byte[32];
        ThreadLocalRandom.current().nextBytes(id);
        return JobId.of("0x" + HexFormat.of().formatHex(id));
    }
}
