package io.datatoken.chain;

import static io.datatoken.chain.LedgerFixture.randomCid;
import static io.datatoken.chain.LedgerFixture.randomProof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.LedgerRefusal;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;

/** The fake obeys the contract; and its outage switches do what services' tests rely on. */
class InMemoryDataTokenLedgerTest extends DataTokenLedgerContract {

    /** Not on a whole second, to show block times are. */
    private static final Instant START = Instant.parse("2026-03-01T09:30:00.750Z");

    private InMemoryDataTokenLedger.Chain chain;

    @Override
    protected void startFresh() {
        chain = new InMemoryDataTokenLedger.Chain(Clock.fixed(START, ZoneOffset.UTC));
    }

    @Override
    protected DataTokenLedger organization(OrganizationAlias alias, Set<PlatformRole> roles) {
        return chain.addOrganization(alias, roles);
    }

    @Override
    protected DataTokenLedger anotherAccountOf(OrganizationAlias alias) {
        return chain.actingAs(alias);
    }

    @Override
    protected DataTokenLedger outsider() {
        return chain.operator();
    }

    @Override
    protected void suspend(OrganizationAlias alias) {
        chain.suspend(alias);
    }

    @Override
    protected void reinstate(OrganizationAlias alias) {
        chain.reinstate(alias);
    }

    @Override
    protected void remove(OrganizationAlias alias) {
        chain.remove(alias);
    }

    @Override
    protected DataTokenLedger endUser(OrganizationAlias alias, EndUserId id) {
        return chain.addEndUser(alias, id);
    }

    @Override
    protected void removeEndUser(OrganizationAlias alias, EndUserId id) {
        chain.removeEndUser(alias, id);
    }

    @Override
    protected Instant now() {
        return chain.now();
    }

    @Override
    protected void advanceTime(Duration by) {
        chain.advanceTime(by);
    }

    // ---- the fake's own switches ------------------------------------------------------------

    @Test
    void block_times_are_whole_seconds_of_the_clock() {
        DataTokenId id = register(clinic, AssetKind.DATA);

        assertThat(clinic.find(id)).hasValueSatisfying(t ->
                assertThat(t.registeredAt()).isEqualTo(Instant.parse("2026-03-01T09:30:00Z")));
    }

    @Test
    void refusals_are_worded_as_the_web3j_adapter_words_them() {
        DataTokenId id = register(clinic, AssetKind.DATA);

        assertThatThrownBy(() -> clinic.register(id, AssetKind.DATA, randomCid(), randomProof(), List.of()))
                .isInstanceOf(LedgerRefusal.class)
                .hasMessage("The ledger refused to register data token " + id + ": data token " + id
                        + " is already registered [TokenExists(" + id + ")]");
    }

    @Test
    void a_failed_write_is_not_applied_and_the_next_one_goes_through() {
        DataTokenId id = newId();
        chain.failNextWrite();

        assertThatThrownBy(() -> clinic.register(id, AssetKind.DATA, randomCid(), randomProof(), List.of()))
                .isInstanceOf(LedgerUnavailable.class).hasMessageContaining("register data token " + id);
        assertThat(clinic.find(id)).isEmpty();

        clinic.register(id, AssetKind.DATA, randomCid(), randomProof(), List.of());
        assertThat(clinic.find(id)).isPresent();
    }

    @Test
    void a_write_whose_answer_is_lost_is_applied_all_the_same() {
        DataTokenId id = newId();
        chain.loseNextWriteAnswer();

        assertThatThrownBy(() -> clinic.register(id, AssetKind.DATA, randomCid(), randomProof(), List.of()))
                .isInstanceOf(LedgerUnavailable.class);

        assertThat(clinic.find(id)).hasValueSatisfying(t -> assertThat(t.owner()).isEqualTo(CLINIC));
        assertThatThrownBy(() -> clinic.register(id, AssetKind.DATA, randomCid(), randomProof(), List.of()))
                .as("the switch is spent: the retry meets the registration that landed")
                .isInstanceOfSatisfying(LedgerRefusal.class, r -> assertThat(r.reason()).isEqualTo("TokenExists"));
    }

    @Test
    void a_ledger_that_is_down_answers_nothing_until_it_comes_back() {
        DataTokenId id = register(clinic, AssetKind.DATA);
        chain.goDown();

        assertThatThrownBy(() -> clinic.find(id)).isInstanceOf(LedgerUnavailable.class);
        assertThatThrownBy(() -> clinic.isActive(id)).isInstanceOf(LedgerUnavailable.class);
        assertThatThrownBy(() -> clinic.updateMetadata(id, randomCid(), randomProof()))
                .isInstanceOf(LedgerUnavailable.class);

        chain.comeBack();
        assertThat(clinic.isActive(id)).isTrue();
    }

    @Test
    void organizations_are_set_up_as_the_organization_ledger_allows() {
        assertThatThrownBy(() -> chain.addOrganization(CLINIC, Set.of(PlatformRole.DATA_PROVIDER)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.addOrganization(OrganizationAlias.of("ops"), Set.of(PlatformRole.ADMIN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.actingAs(OrganizationAlias.of("nobody"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(chain.actingAs(CLINIC).account()).isNotEqualTo(chain.actingAs(CLINIC).account());
    }

    @Test
    void a_removed_organization_is_gone_for_good_as_on_the_organization_ledger() {
        InMemoryDataTokenLedger account = chain.actingAs(CLINIC);

        chain.remove(CLINIC);

        assertThat(account.organization()).as("its accounts act for nobody").isEmpty();
        assertThatThrownBy(() -> chain.addOrganization(CLINIC, Set.of(PlatformRole.DATA_PROVIDER)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("removed");
        assertThatThrownBy(() -> chain.actingAs(CLINIC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.suspend(CLINIC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.reinstate(CLINIC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.remove(CLINIC)).isInstanceOf(IllegalArgumentException.class);
        assertThat(chain.actingAs(BANK).organization()).contains(BANK);
    }
}
