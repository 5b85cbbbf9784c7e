package io.datatoken.tracer.api;

import static io.datatoken.tracer.LedgerHistory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.datatoken.chain.InMemoryChainLog;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.support.security.Caller;
import io.datatoken.support.web.ProblemException;
import io.datatoken.tracer.LedgerHistory;
import io.datatoken.tracer.TracerSchemaTest;
import io.datatoken.tracer.lineage.EndUserTokensView;
import io.datatoken.tracer.lineage.OwnTokenView;
import io.datatoken.tracer.lineage.TransactionalEndUserTokenQueries;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /v1/end-users/me/tokens: an end user's own DTs from the index, the newest first, with their uses. */
class EndUsersResourceTest extends TracerSchemaTest {

    /** vendor-a's end user u-0042's two DTs: the older used by two jobs (one of them twice), the newer never */
    private static final String OLDER = id("u-0042's readings 2026");
    private static final String NEWER = id("u-0042's readings 2027");
    private static final String JOB_1 = id("job 1");
    private static final String JOB_2 = id("job 2");
    private static final String USER = LedgerHistory.account("u-0042's device");
    /** vendor-a's other end user's DT, vendor-a's own DT, and vendor-b's end user with the same id */
    private static final String OTHERS = id("u-0043's readings");
    private static final String VENDORS = id("vendor-a's own data");
    private static final String NAMESAKES = id("u-0042 of vendor-b's readings");

    private long olderBlock;
    private long newerBlock;
    private long lastReceiptBlock;

    @BeforeAll
    void endUsersRegisterAndJobsUseTheirData() {
        emptyIndex();
        LedgerHistory history = new LedgerHistory();
        olderBlock = history.block(history.registeredByEndUser(OLDER, "vendor-a", "u-0042", USER)).number();
        history.block(history.registered(VENDORS, "vendor-a", AssetKind.DATA));
        history.block(history.registeredByEndUser(OTHERS, "vendor-a", "u-0043",
                LedgerHistory.account("u-0043's device")));
        history.block(history.registeredByEndUser(NAMESAKES, "vendor-b", "u-0042",
                LedgerHistory.account("vendor-b's u-0042's device")));
        history.block(history.receipt(JOB_1, OLDER, id("edge-train"), id("round 1"), "vendor-a").by(USER),
                history.receipt(JOB_1, OTHERS, id("edge-train"), id("their round 1"), "vendor-a"));
        history.block(history.receipt(JOB_1, OLDER, id("edge-train"), id("round 2"), "vendor-a").by(USER));
        newerBlock = history.block(history.registeredByEndUser(NEWER, "vendor-a", "u-0042", USER)).number();
        lastReceiptBlock = history.block(history.receipt(JOB_2, OLDER, id("edge-train"), id("job 2 round 1"),
                "vendor-a").by(USER)).number();
        index(history.chain);
    }

    @Test
    void an_end_user_lists_their_own_tokens_the_newest_first() {
        EndUserTokensView mine = mine(endUser("vendor-a", "u-0042"));

        assertThat(mine.organization()).isEqualTo("vendor-a");
        assertThat(mine.endUser()).isEqualTo("u-0042");
        assertThat(mine.tokens()).extracting(OwnTokenView::dt, OwnTokenView::kind, OwnTokenView::registeredBlock)
                .containsExactly(tuple(NEWER, "DATA", newerBlock), tuple(OLDER, "DATA", olderBlock));
        assertThat(mine.tokens()).allSatisfy(t -> {
            assertThat(t.txHash()).startsWith("0x").hasSize(66);
            assertThat(t.registeredAt()).isEqualTo(blockTime(t.registeredBlock()));
        });
    }

    @Test
    void each_token_says_how_many_jobs_ran_on_it_and_when_the_last_did() {
        EndUserTokensView mine = mine(endUser("vendor-a", "u-0042"));

        assertThat(mine.tokens()).extracting(OwnTokenView::dt, OwnTokenView::jobs, OwnTokenView::lastUsedAt)
                .containsExactly(tuple(NEWER, 0, null), tuple(OLDER, 2, blockTime(lastReceiptBlock)));
        assertThat(json(mine)).contains("\"jobs\":2", "\"lastUsedAt\":");
    }

    @Test
    void an_end_user_lists_no_one_elses_tokens() {
        assertThat(mine(endUser("vendor-a", "u-0043")).tokens()).extracting(OwnTokenView::dt, OwnTokenView::jobs)
                .containsExactly(tuple(OTHERS, 1));
        assertThat(mine(endUser("vendor-b", "u-0042")).tokens()).extracting(OwnTokenView::dt)
                .as("the same id in another organization is another user").containsExactly(NAMESAKES);
        assertThat(mine(endUser("vendor-a", "u-0099")).tokens()).as("nothing registered yet").isEmpty();
    }

    @Test
    void only_an_end_user_has_tokens_of_their_own_here() {
        Caller member = new Caller("s", "victor", Optional.of(OrganizationAlias.of("vendor-a")),
                Set.of(PlatformRole.DATA_PROVIDER));
        Caller regulator = new Caller("r", "rita", Optional.empty(), Set.of(PlatformRole.REGULATOR));

        for (Caller caller : new Caller[] {member, regulator}) {
            assertThatThrownBy(() -> mine(caller)).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.problem().status()).isEqualTo(403);
                assertThat(e.problem().type()).endsWith("/end-user-required");
                assertThat(e.problem().detail()).contains("is no end user");
            });
        }
    }

    private static Instant blockTime(long block) {
        return Instant.ofEpochSecond(InMemoryChainLog.GENESIS_TIME + block * InMemoryChainLog.BLOCK_SECONDS);
    }

    private EndUserTokensView mine(Caller caller) {
        EndUsersResource resource = new EndUsersResource();
        resource.caller = caller;
        resource.tokens = new TransactionalEndUserTokenQueries(this::inTracerSchema);
        return resource.mine();
    }

    /** An end user as the platform's CallerProducer makes one: acting for no organization. */
    private static Caller endUser(String organization, String id) {
        return new Caller("subject", id, Optional.empty(), Set.of(PlatformRole.END_USER),
                Optional.of(new Caller.EndUserOf(OrganizationAlias.of(organization), EndUserId.of(id))));
    }

    /** The answer as the service writes it (JSON-B's defaults, which leave out null properties). */
    private static String json(Object answer) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(answer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
