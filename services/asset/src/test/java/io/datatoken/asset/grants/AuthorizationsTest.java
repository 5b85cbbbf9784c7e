package io.datatoken.asset.grants;

import static io.datatoken.asset.registration.AssetRefused.Why.CONFLICT;
import static io.datatoken.asset.registration.AssetRefused.Why.FORBIDDEN;
import static io.datatoken.asset.registration.AssetRefused.Why.INVALID;
import static io.datatoken.asset.registration.AssetRefused.Why.NOT_FOUND;
import static io.datatoken.domain.organization.PlatformRole.ALGORITHM_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.COMPUTE_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.datatoken.asset.grants.AutomaticAuthorizations.Outcome;
import io.datatoken.asset.grants.AutomaticAuthorizations.Status;
import io.datatoken.asset.grants.Authorizations.Granted;
import io.datatoken.asset.grants.RecordingLedgers.Write;
import io.datatoken.asset.grants.RecordingTermsChecks.Call;
import io.datatoken.asset.registration.AssetRefused;
import io.datatoken.chain.InMemoryDataTokenLedger;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.domain.token.Grant;
import io.datatoken.support.persistence.MigratedSchemaTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authorizations given by a child's owner, by hand and automatically, over the ledger fake (which
 * passes the web3j adapter's contract test), a recording verifier stub and the real grant book on an
 * embedded PostgreSQL. The chain is the commit point: refusals must leave nothing on chain and
 * nothing on record, and the record must follow what the chain holds.
 */
class AuthorizationsTest extends MigratedSchemaTestBase {

    private static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    private static final OrganizationAlias HOSPITAL_B = OrganizationAlias.of("hospital-b");
    private static final OrganizationAlias FINTECH_C = OrganizationAlias.of("fintech-c");
    private static final OrganizationAlias INSURER_D = OrganizationAlias.of("insurer-d");

    /** Nanoseconds on purpose: the chain keeps seconds, the record microseconds. */
    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30.123456789Z");

    private static final String BEARER = "eyJ.composer.token";

    private InMemoryDataTokenLedger.Chain chain;
    private DataTokenLedger reader;
    private RecordingLedgers ledgers;
    private TransactionalGrantBook book;
    private RecordingTermsChecks terms;
    private Authorizations authorizations;
    private AutomaticAuthorizations automatic;
    private OwnerDenials denials;

    @Override
    protected String schema() {
        return "asset";
    }

    @BeforeEach
    void wire() {
        inTransaction(em -> {
            em.createNativeQuery("delete from asset.asset_grant").executeUpdate();
            em.createNativeQuery("delete from asset.asset_auto_authorization").executeUpdate();
            em.createNativeQuery("delete from asset.asset_owner_denial").executeUpdate();
        });
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        chain = new InMemoryDataTokenLedger.Chain(clock);
        chain.addOrganization(BANK_A, Set.of(DATA_PROVIDER, COMPUTE_PROVIDER));
        chain.addOrganization(HOSPITAL_B, Set.of(DATA_PROVIDER));
        chain.addOrganization(FINTECH_C, Set.of(ALGORITHM_PROVIDER));
        chain.addOrganization(INSURER_D, Set.of(DATA_PROVIDER));
        reader = chain.operator();
        ledgers = new RecordingLedgers(chain);
        book = new TransactionalGrantBook(this::inTransaction);
        terms = new RecordingTermsChecks();

        authorizations = new Authorizations();
        authorizations.ledgers = ledgers;
        authorizations.book = book;
        authorizations.clock = clock;

        automatic = new AutomaticAuthorizations();
        automatic.ledgers = ledgers;
        automatic.authorizations = authorizations;
        automatic.terms = terms;
        automatic.clock = clock;

        denials = new OwnerDenials();
        denials.ledgers = ledgers;
        denials.clock = clock;
    }

    // ---- granting -------------------------------------------------------------------------

    @Test
    void the_childs_owner_grants_with_its_own_account_and_the_parent_is_active_once_every_child_granted() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId hospitalData = registered(HOSPITAL_B, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, bankData, hospitalData);

        Granted granted = authorizations.grant(BANK_A, bankData, algorithm, null);

        assertThat(granted.created()).isTrue();
        assertThat(reader.grantOf(bankData, algorithm)).contains(new Grant(bankData, algorithm, chain.now(), null, false));
        assertThat(ledgers.writesFor(bankData)).containsExactly(new Write(BANK_A, "grant", bankData, algorithm));
        GrantRecord record = granted.record();
        assertThat(Row.of(record)).isEqualTo(new Row(bankData.value(), algorithm.value(), BANK_A.value(),
                NOW.truncatedTo(ChronoUnit.MICROS), null, record.grantTx(), null, null));
        assertThat(record.grantTx()).matches("0x[0-9a-f]{64}");
        assertThat(recordsOf(bankData)).containsExactly(Row.of(record));
        assertThat(reader.isActive(algorithm)).as("hospital-b has not granted yet").isFalse();

        assertThat(authorizations.grant(HOSPITAL_B, hospitalData, algorithm, null).created()).isTrue();

        assertThat(ledgers.writesFor(hospitalData)).containsExactly(new Write(HOSPITAL_B, "grant", hospitalData, algorithm));
        assertThat(reader.isActive(algorithm)).isTrue();
        assertThat(authorizations.isLive(bankData, algorithm)).isTrue();
    }

    @Test
    void the_organization_never_answers_for_its_end_users_consent_not_even_when_the_user_gave_it() {
        InMemoryDataTokenLedger u1 = chain.addEndUser(BANK_A, EndUserId.of("u1"));
        DataTokenId usersData = randomDt();
        byte[] ddo = ("ddo of " + usersData).getBytes(StandardCharsets.UTF_8);
        u1.registerAsEndUser(usersData, Cid.of(ddo), Proof.sha256Of(ddo));
        DataTokenId union = registered(BANK_A, AssetKind.COMPUTE, usersData);

        assertRefused(() -> authorizations.grant(BANK_A, usersData, union, null), CONFLICT, "not-end-user-owner");
        u1.grant(usersData, union);
        assertRefused(() -> authorizations.grant(BANK_A, usersData, union, null), CONFLICT, "not-end-user-owner");
        assertRefused(() -> authorizations.revoke(BANK_A, usersData, union), CONFLICT, "not-end-user-owner");

        assertThat(ledgers.writesFor(usersData)).as("the organization wrote nothing").isEmpty();
        assertThat(recordsOf(usersData)).isEmpty();
        assertThat(reader.grantOf(usersData, union)).hasValueSatisfying(g -> assertThat(g.revoked()).isFalse());
    }

    @Test
    void the_same_grant_again_writes_nothing_and_a_new_expiry_renews_it() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, bankData);
        Instant expiry = NOW.plus(Duration.ofDays(30));
        Instant expirySecond = expiry.truncatedTo(ChronoUnit.SECONDS);
        Granted first = authorizations.grant(BANK_A, bankData, algorithm, expiry);

        Granted again = authorizations.grant(BANK_A, bankData, algorithm, expiry);

        assertThat(first.created()).isTrue();
        assertThat(first.record().expiresAt().toInstant()).as("kept to the second, as on chain").isEqualTo(expirySecond);
        assertThat(reader.grantOf(bankData, algorithm)).hasValueSatisfying(g -> assertThat(g.expiresAt()).isEqualTo(expirySecond));
        assertThat(again.created()).isFalse();
        assertThat(Row.of(again.record())).isEqualTo(Row.of(first.record()));
        assertThat(recordsOf(bankData)).containsExactly(Row.of(first.record()));
        assertThat(ledgers.writesFor(bankData)).containsExactly(new Write(BANK_A, "grant", bankData, algorithm));

        Instant later = NOW.plus(Duration.ofDays(60));
        Granted renewed = authorizations.grant(BANK_A, bankData, algorithm, later);

        assertThat(renewed.created()).isTrue();
        assertThat(renewed.record().expiresAt().toInstant()).isEqualTo(later.truncatedTo(ChronoUnit.SECONDS));
        assertThat(renewed.record().grantTx()).isNotEqualTo(first.record().grantTx());
        assertThat(recordsOf(bankData)).containsExactly(Row.of(renewed.record()));
        assertThat(ledgers.writesFor(bankData)).extracting(Write::what).containsExactly("grant", "grant");
    }

    @Test
    void a_live_grant_on_chain_without_a_record_is_recorded_from_the_chain() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, bankData);
        chain.actingAs(BANK_A).grant(bankData, algorithm); // outside the platform, or a commit lost after the chain write
        Grant onChain = reader.grantOf(bankData, algorithm).orElseThrow();

        Granted granted = authorizations.grant(BANK_A, bankData, algorithm, null);

        assertThat(granted.created()).isFalse();
        assertThat(Row.of(granted.record())).isEqualTo(new Row(bankData.value(), algorithm.value(), BANK_A.value(),
                onChain.grantedAt(), null, null, null, null));
        assertThat(recordsOf(bankData)).containsExactly(Row.of(granted.record()));
        assertThat(ledgers.writesFor(bankData)).isEmpty();
        assertThat(reader.grantOf(bankData, algorithm)).contains(onChain);
    }

    // ---- refusals: nothing written --------------------------------------------------------

    @Test
    void only_the_childs_owner_grants() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, bankData);

        assertRefused(() -> authorizations.grant(FINTECH_C, bankData, algorithm, null), FORBIDDEN, "not-owner");
        assertRefused(() -> authorizations.grant(HOSPITAL_B, bankData, algorithm, null), FORBIDDEN, "not-owner");

        assertNothingGranted(bankData, algorithm);
    }

    @Test
    void a_parent_that_does_not_compose_the_child_is_refused() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId otherData = registered(BANK_A, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, otherData);

        assertRefused(() -> authorizations.grant(BANK_A, bankData, algorithm, null), INVALID, "not-a-child");

        assertNothingGranted(bankData, algorithm);
    }

    @Test
    void an_expiry_that_is_not_in_the_future_is_refused() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, bankData);

        assertRefused(() -> authorizations.grant(BANK_A, bankData, algorithm, NOW.minus(Duration.ofDays(1))), INVALID,
                "expiry-in-past");
        assertRefused(() -> authorizations.grant(BANK_A, bankData, algorithm, NOW.plusMillis(500)), INVALID,
                "expiry-in-past"); // the same second as now, once kept to the second

        assertNothingGranted(bankData, algorithm);
    }

    @Test
    void an_unknown_child_or_parent_is_not_found() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, bankData);
        DataTokenId unknown = randomDt();

        assertRefused(() -> authorizations.grant(BANK_A, unknown, algorithm, null), NOT_FOUND, "unknown-asset");
        assertRefused(() -> authorizations.grant(BANK_A, bankData, unknown, null), NOT_FOUND, "unknown-asset");
        assertRefused(() -> authorizations.revoke(BANK_A, unknown, algorithm), NOT_FOUND, "unknown-asset");

        assertNothingGranted(bankData, algorithm);
        assertThat(ledgers.writesFor(unknown)).isEmpty();
    }

    // ---- revoking -------------------------------------------------------------------------

    @Test
    void a_revocation_is_signed_by_the_owner_and_recorded_and_the_parent_stops_being_active() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, bankData);
        GrantRecord granted = authorizations.grant(BANK_A, bankData, algorithm, null).record();
        assertThat(reader.isActive(algorithm)).isTrue();

        GrantRecord revoked = authorizations.revoke(BANK_A, bankData, algorithm);

        assertThat(Row.of(revoked)).isEqualTo(new Row(bankData.value(), algorithm.value(), BANK_A.value(),
                NOW.truncatedTo(ChronoUnit.MICROS), null, granted.grantTx(), NOW.truncatedTo(ChronoUnit.MICROS),
                revoked.revokeTx()));
        assertThat(revoked.revokeTx()).matches("0x[0-9a-f]{64}").isNotEqualTo(granted.grantTx());
        assertThat(recordsOf(bankData)).containsExactly(Row.of(revoked));
        assertThat(reader.grantOf(bankData, algorithm)).hasValueSatisfying(g -> assertThat(g.revoked()).isTrue());
        assertThat(reader.isActive(algorithm)).isFalse();
        assertThat(authorizations.isLive(bankData, algorithm)).isFalse();
        assertThat(ledgers.writesFor(bankData)).containsExactly(new Write(BANK_A, "grant", bankData, algorithm),
                new Write(BANK_A, "revoke", bankData, algorithm));
    }

    @Test
    void granting_again_after_a_revocation_grants_anew() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, bankData);
        authorizations.grant(BANK_A, bankData, algorithm, null);
        authorizations.revoke(BANK_A, bankData, algorithm);

        Granted regranted = authorizations.grant(BANK_A, bankData, algorithm, null);

        assertThat(regranted.created()).isTrue();
        assertThat(regranted.record().revokedAt()).isNull();
        assertThat(regranted.record().revokeTx()).isNull();
        assertThat(recordsOf(bankData)).containsExactly(Row.of(regranted.record()));
        assertThat(reader.isActive(algorithm)).isTrue();
    }

    @Test
    void revoking_a_grant_made_outside_the_platform_records_it() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, bankData);
        chain.actingAs(BANK_A).grant(bankData, algorithm);
        Grant onChain = reader.grantOf(bankData, algorithm).orElseThrow();

        GrantRecord revoked = authorizations.revoke(BANK_A, bankData, algorithm);

        assertThat(Row.of(revoked)).isEqualTo(new Row(bankData.value(), algorithm.value(), BANK_A.value(),
                onChain.grantedAt(), null, null, NOW.truncatedTo(ChronoUnit.MICROS), revoked.revokeTx()));
        assertThat(revoked.revokeTx()).matches("0x[0-9a-f]{64}");
        assertThat(recordsOf(bankData)).containsExactly(Row.of(revoked));
        assertThat(reader.isActive(algorithm)).isFalse();
        assertThat(ledgers.writesFor(bankData)).containsExactly(new Write(BANK_A, "revoke", bankData, algorithm));
    }

    @Test
    void revoking_what_is_revoked_already_brings_the_record_up_to_date_without_a_second_write() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, bankData);
        authorizations.grant(BANK_A, bankData, algorithm, null);
        chain.actingAs(BANK_A).revoke(bankData, algorithm); // the revocation landed, its commit was lost

        GrantRecord revoked = authorizations.revoke(BANK_A, bankData, algorithm);

        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(ledgers.writesFor(bankData)).containsExactly(new Write(BANK_A, "grant", bankData, algorithm));
        assertThat(authorizations.revoke(BANK_A, bankData, algorithm).revokedAt()).isEqualTo(revoked.revokedAt());
    }

    @Test
    void a_grant_renewed_outside_the_platform_is_recorded_with_the_chains_expiry() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, bankData);
        Instant first = NOW.plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        Instant renewed = NOW.plusSeconds(7200).truncatedTo(ChronoUnit.SECONDS);
        authorizations.grant(BANK_A, bankData, algorithm, first);
        chain.actingAs(BANK_A).grant(bankData, algorithm, renewed);

        Granted granted = authorizations.grant(BANK_A, bankData, algorithm, renewed);

        assertThat(granted.created()).isFalse();
        assertThat(granted.record().expiresAt().toInstant()).isEqualTo(renewed);
        assertThat(ledgers.writesFor(bankData)).hasSize(1);
    }

    @Test
    void only_the_childs_owner_revokes() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId algorithm = registered(FINTECH_C, AssetKind.ALGORITHM, bankData);
        GrantRecord granted = authorizations.grant(BANK_A, bankData, algorithm, null).record();

        assertRefused(() -> authorizations.revoke(FINTECH_C, bankData, algorithm), FORBIDDEN, "not-owner");

        assertThat(recordsOf(bankData)).containsExactly(Row.of(granted));
        assertThat(reader.isActive(algorithm)).isTrue();
        assertThat(ledgers.writesFor(bankData)).extracting(Write::what).containsExactly("grant");
    }

    // ---- automatic authorization: opting in -----------------------------------------------

    @Test
    void the_owner_opts_an_asset_in_and_out() {
        DataTokenId hospitalData = registered(HOSPITAL_B, AssetKind.DATA);

        assertThat(setEnabled(HOSPITAL_B, hospitalData, true)).isTrue();
        assertThat(isEnabled(hospitalData)).isTrue();
        assertThat(setEnabled(HOSPITAL_B, hospitalData, true)).as("again: no change").isTrue();

        assertThat(setEnabled(HOSPITAL_B, hospitalData, false)).isFalse();
        assertThat(isEnabled(hospitalData)).isFalse();
    }

    @Test
    void only_the_owner_opts_an_asset_in() {
        DataTokenId hospitalData = registered(HOSPITAL_B, AssetKind.DATA);

        assertRefused(() -> automatically(a -> a.setEnabled(BANK_A, hospitalData, true)), FORBIDDEN, "not-owner");
        assertRefused(() -> automatically(a -> a.setEnabled(BANK_A, randomDt(), true)), NOT_FOUND, "unknown-asset");

        assertThat(isEnabled(hospitalData)).isFalse();
    }

    // ---- automatic authorization: requests ------------------------------------------------

    @Test
    void only_the_composer_requests_authorization_of_its_composition() {
        DataTokenId hospitalData = optedIn(registered(HOSPITAL_B, AssetKind.DATA));
        DataTokenId compute = registered(BANK_A, AssetKind.COMPUTE, hospitalData);
        terms.passes(hospitalData);

        assertRefused(() -> automatically(a -> a.request(HOSPITAL_B, compute, BEARER)), FORBIDDEN, "not-owner");

        assertThat(terms.calls()).isEmpty();
        assertNothingGranted(hospitalData, compute);
    }

    @Test
    void the_composers_own_child_is_verified_and_granted_by_the_composer() {
        DataTokenId bankData = registered(BANK_A, AssetKind.DATA);
        DataTokenId compute = registered(BANK_A, AssetKind.COMPUTE, bankData);
        terms.passes(bankData);

        List<Outcome> outcomes = automatically(a -> a.request(BANK_A, compute, BEARER));

        assertThat(outcomes).singleElement().satisfies(o -> assertGranted(o, bankData, BANK_A));
        assertThat(terms.calls()).containsExactly(new Call(compute, bankData, BEARER));
        assertThat(ledgers.writesFor(bankData)).containsExactly(new Write(BANK_A, "grant", bankData, compute));
        assertThat(reader.isActive(compute)).isTrue();
    }

    @Test
    void an_opted_in_child_within_its_terms_is_granted_by_its_owners_account() {
        DataTokenId hospitalData = optedIn(registered(HOSPITAL_B, AssetKind.DATA));
        DataTokenId compute = registered(BANK_A, AssetKind.COMPUTE, hospitalData);
        terms.passes(hospitalData);

        List<Outcome> outcomes = automatically(a -> a.request(BANK_A, compute, BEARER));

        assertThat(outcomes).singleElement().satisfies(o -> assertGranted(o, hospitalData, HOSPITAL_B));
        assertThat(terms.calls()).containsExactly(new Call(compute, hospitalData, BEARER));
        assertThat(ledgers.writesFor(hospitalData)).containsExactly(new Write(HOSPITAL_B, "grant", hospitalData, compute));
        assertThat(reader.grantOf(hospitalData, compute)).hasValueSatisfying(g -> assertThat(g.isLiveAt(NOW)).isTrue());
        assertThat(recordsOf(hospitalData)).containsExactly(Row.of(outcomes.get(0).grant().orElseThrow()));
        assertThat(reader.isActive(compute)).isTrue();
    }

    @Test
    void an_opted_in_child_outside_its_terms_is_denied_with_the_rules_broken() {
        DataTokenId hospitalData = optedIn(registered(HOSPITAL_B, AssetKind.DATA));
        DataTokenId compute = registered(BANK_A, AssetKind.COMPUTE, hospitalData);
        terms.denies(hospitalData, "consumer-organization", "terms-expired");

        List<Outcome> outcomes = automatically(a -> a.request(BANK_A, compute, BEARER));

        assertThat(outcomes).containsExactly(new Outcome(hospitalData, HOSPITAL_B, Status.DENIED,
                List.of("consumer-organization", "terms-expired"), Optional.empty()));
        assertThat(terms.calls()).containsExactly(new Call(compute, hospitalData, BEARER));
        assertNothingGranted(hospitalData, compute);
    }

    @Test
    void a_child_not_opted_in_awaits_its_owner_without_asking_the_verifier() {
        DataTokenId hospitalData = registered(HOSPITAL_B, AssetKind.DATA);
        DataTokenId compute = registered(BANK_A, AssetKind.COMPUTE, hospitalData);
        terms.passes(hospitalData);

        List<Outcome> outcomes = automatically(a -> a.request(BANK_A, compute, BEARER));

        assertThat(outcomes).containsExactly(new Outcome(hospitalData, HOSPITAL_B, Status.AWAITING_OWNER, List.of(),
                Optional.empty()));
        assertThat(terms.calls()).isEmpty();
        assertNothingGranted(hospitalData, compute);
    }

    @Test
    void a_child_granted_already_is_answered_so_without_asking_the_verifier() {
        DataTokenId hospitalData = optedIn(registered(HOSPITAL_B, AssetKind.DATA));
        DataTokenId compute = registered(BANK_A, AssetKind.COMPUTE, hospitalData);
        authorizations.grant(HOSPITAL_B, hospitalData, compute, null);
        terms.passes(hospitalData);

        List<Outcome> outcomes = automatically(a -> a.request(BANK_A, compute, BEARER));

        assertThat(outcomes).containsExactly(new Outcome(hospitalData, HOSPITAL_B, Status.ALREADY_GRANTED, List.of(),
                Optional.empty()));
        assertThat(terms.calls()).isEmpty();
        assertThat(ledgers.writesFor(hospitalData)).extracting(Write::what).containsExactly("grant");
    }

    @Test
    void every_child_is_answered_in_the_order_the_composition_lists_them() {
        DataTokenId own = registered(BANK_A, AssetKind.DATA);
        DataTokenId passing = optedIn(registered(HOSPITAL_B, AssetKind.DATA));
        DataTokenId denied = optedIn(registered(INSURER_D, AssetKind.DATA));
        DataTokenId waiting = registered(HOSPITAL_B, AssetKind.DATA);
        DataTokenId compute = registered(BANK_A, AssetKind.COMPUTE, own, passing, denied, waiting);
        terms.passes(own);
        terms.passes(passing);
        terms.denies(denied, "consumer-organization");

        List<Outcome> outcomes = automatically(a -> a.request(BANK_A, compute, BEARER));

        assertThat(outcomes).extracting(Outcome::child, Outcome::owner, Outcome::status).containsExactly(
                tuple(own, BANK_A, Status.GRANTED),
                tuple(passing, HOSPITAL_B, Status.GRANTED),
                tuple(denied, INSURER_D, Status.DENIED),
                tuple(waiting, HOSPITAL_B, Status.AWAITING_OWNER));
        assertThat(terms.calls()).extracting(Call::child).containsExactly(own, passing, denied);
        assertThat(reader.isActive(compute)).isFalse();
    }

    @Test
    void an_unavailable_verifier_stops_the_request_and_nothing_undecided_is_granted() {
        DataTokenId first = optedIn(registered(HOSPITAL_B, AssetKind.DATA));
        DataTokenId unverifiable = optedIn(registered(INSURER_D, AssetKind.DATA));
        DataTokenId last = optedIn(registered(HOSPITAL_B, AssetKind.DATA));
        DataTokenId compute = registered(BANK_A, AssetKind.COMPUTE, first, unverifiable, last);
        terms.passes(first);
        terms.unavailableFor(unverifiable);
        terms.passes(last);

        assertThatThrownBy(() -> automatically(a -> a.request(BANK_A, compute, BEARER)))
                .isInstanceOf(TermsChecks.VerifierUnavailable.class);

        assertThat(terms.calls()).extracting(Call::child).containsExactly(first, unverifiable);
        assertNothingGranted(unverifiable, compute);
        assertNothingGranted(last, compute);
        // decided before the verifier failed: that grant stands, on chain and on record
        assertThat(authorizations.isLive(first, compute)).isTrue();
        assertThat(recordsOf(first)).hasSize(1);
    }

    // ---- helpers --------------------------------------------------------------------------

    /** Registers a token on chain, by its owner's account, and answers its id. */
    // ---- the owner's denial ---------------------------------------------------------------

    @Test
    void a_denied_composition_is_passed_by_even_for_an_opted_in_child_and_the_composer_reads_why() {
        DataTokenId hospitalData = optedIn(registered(HOSPITAL_B, AssetKind.DATA));
        DataTokenId compute = registered(BANK_A, AssetKind.COMPUTE, hospitalData);
        terms.passes(hospitalData);

        OwnerDenial denial = denying(d -> d.deny(HOSPITAL_B, hospitalData, compute, "  not for marketing  "));
        List<Outcome> outcomes = automatically(a -> a.request(BANK_A, compute, BEARER));

        assertThat(denial.reason()).isEqualTo("not for marketing");
        assertThat(denial.deniedBy()).isEqualTo(HOSPITAL_B.value());
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.DENIED_BY_OWNER);
            assertThat(o.brokenRules()).containsExactly("not for marketing");
            assertThat(o.grant()).isEmpty();
        });
        assertThat(terms.calls()).as("no verification for a denied pair").isEmpty();
        assertNothingGranted(hospitalData, compute);
        assertThat(this.<Boolean>denying(d -> d.concerns(BANK_A, hospitalData, compute))).as("the composer reads it").isTrue();
        assertThat(this.<Boolean>denying(d -> d.concerns(FINTECH_C, hospitalData, compute))).isFalse();
    }

    @Test
    void denying_again_replaces_the_reason_and_a_withdrawn_or_cleared_denial_lets_the_composition_through() {
        DataTokenId hospitalData = optedIn(registered(HOSPITAL_B, AssetKind.DATA));
        DataTokenId compute = registered(BANK_A, AssetKind.COMPUTE, hospitalData);
        terms.passes(hospitalData);
        denying(d -> d.deny(HOSPITAL_B, hospitalData, compute, "first"));

        denying(d -> d.deny(HOSPITAL_B, hospitalData, compute, "second thoughts"));

        assertThat(this.<List<OwnerDenial>>denying(d -> d.of(HOSPITAL_B, hospitalData))).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("second thoughts"));
        assertThat(this.<Boolean>denying(d -> d.withdraw(HOSPITAL_B, hospitalData, compute))).isTrue();
        assertThat(this.<Boolean>denying(d -> d.withdraw(HOSPITAL_B, hospitalData, compute))).as("nothing left to withdraw").isFalse();
        assertThat(this.<List<Outcome>>automatically(a -> a.request(BANK_A, compute, BEARER))).singleElement()
                .satisfies(o -> assertGranted(o, hospitalData, HOSPITAL_B));

        DataTokenId other = registered(BANK_A, AssetKind.COMPUTE, hospitalData);
        denying(d -> d.deny(HOSPITAL_B, hospitalData, other, "no"));
        assertThat(this.<Boolean>denying(d -> d.clear(hospitalData, other))).as("a grant by the owner clears it").isTrue();
        assertThat(this.<Optional<OwnerDenial>>denying(d -> d.of(hospitalData, other))).isEmpty();
    }

    @Test
    void only_the_owner_denies_a_composition_of_its_asset_with_a_reason_and_a_granted_one_is_revoked_not_denied() {
        DataTokenId hospitalData = registered(HOSPITAL_B, AssetKind.DATA);
        DataTokenId compute = registered(BANK_A, AssetKind.COMPUTE, hospitalData);
        DataTokenId unrelated = registered(BANK_A, AssetKind.COMPUTE, registered(BANK_A, AssetKind.DATA));

        assertRefused(() -> denying(d -> d.deny(BANK_A, hospitalData, compute, "mine now")), FORBIDDEN, "not-owner");
        assertRefused(() -> denying(d -> d.deny(HOSPITAL_B, hospitalData, unrelated, "why")), INVALID, "not-a-child");
        assertRefused(() -> denying(d -> d.deny(HOSPITAL_B, hospitalData, compute, " ")), INVALID, "malformed-reason");
        assertRefused(() -> denying(d -> d.deny(HOSPITAL_B, hospitalData, compute, "x".repeat(OwnerDenials.MAX_REASON + 1))),
                INVALID, "malformed-reason");
        assertRefused(() -> denying(d -> d.deny(HOSPITAL_B, hospitalData, randomDt(), "why")), NOT_FOUND, "unknown-asset");
        assertRefused(() -> denying(d -> d.of(BANK_A, hospitalData)), FORBIDDEN, "not-owner");

        authorizations.grant(HOSPITAL_B, hospitalData, compute, null);
        assertRefused(() -> denying(d -> d.deny(HOSPITAL_B, hospitalData, compute, "too late")),
                AssetRefused.Why.CONFLICT, "granted");
        assertThat(this.<List<OwnerDenial>>denying(d -> d.of(HOSPITAL_B, hospitalData))).isEmpty();
    }

    /** Runs work on the denials with their entity manager in one committed transaction. */
    private <T> T denying(Function<OwnerDenials, T> work) {
        Object[] result = new Object[1];
        inTransaction(em -> {
            denials.entities = em;
            try {
                result[0] = work.apply(denials);
            } finally {
                denials.entities = null;
            }
        });
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }

    private DataTokenId registered(OrganizationAlias owner, AssetKind kind, DataTokenId... children) {
        DataTokenId id = randomDt();
        byte[] ddo = ("ddo of " + id).getBytes(StandardCharsets.UTF_8);
        chain.actingAs(owner).register(id, kind, Cid.of(ddo), Proof.sha256Of(ddo), List.of(children));
        return id;
    }

    /** Opts the child in by its owner's own call. */
    private DataTokenId optedIn(DataTokenId child) {
        OrganizationAlias owner = reader.find(child).orElseThrow().owner();
        setEnabled(owner, child, true);
        return child;
    }

    private boolean setEnabled(OrganizationAlias owner, DataTokenId dt, boolean enabled) {
        return automatically(a -> a.setEnabled(owner, dt, enabled));
    }

    private boolean isEnabled(DataTokenId dt) {
        return automatically(a -> a.isEnabled(dt));
    }

    /**
     * Runs work on the automatic authorizations with their entity manager in one committed
     * transaction: what the container's injected, transaction-scoped one does.
     */
    private <T> T automatically(Function<AutomaticAuthorizations, T> work) {
        Object[] result = new Object[1];
        inTransaction(em -> {
            automatic.entities = em;
            try {
                result[0] = work.apply(automatic);
            } finally {
                automatic.entities = null;
            }
        });
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }

    private void assertGranted(Outcome outcome, DataTokenId child, OrganizationAlias owner) {
        assertThat(outcome.child()).isEqualTo(child);
        assertThat(outcome.owner()).isEqualTo(owner);
        assertThat(outcome.status()).isEqualTo(Status.GRANTED);
        assertThat(outcome.brokenRules()).isEmpty();
        assertThat(outcome.grant()).hasValueSatisfying(g -> {
            assertThat(g.childDt()).isEqualTo(child.value());
            assertThat(g.grantedBy()).isEqualTo(owner.value());
            assertThat(g.grantTx()).matches("0x[0-9a-f]{64}");
        });
    }

    private void assertNothingGranted(DataTokenId child, DataTokenId parent) {
        assertThat(reader.grantOf(child, parent)).as("on chain").isEmpty();
        assertThat(ledgers.writesFor(child)).as("chain writes attempted").isEmpty();
        assertThat(recordsOf(child)).as("on record").isEmpty();
    }

    private static void assertRefused(ThrowingCallable call, AssetRefused.Why why, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AssetRefused.class, refused -> {
            assertThat(refused.why()).isEqualTo(why);
            assertThat(refused.reason()).isEqualTo(reason);
        });
    }

    private List<Row> recordsOf(DataTokenId child) {
        return book.of(child.value()).stream().map(Row::of).toList();
    }

    private static DataTokenId randomDt() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return DataTokenId.of("0x" + HexFormat.of().formatHex(bytes));
    }

    /** A grant record's values, comparable (records have no equals; times compared as instants). */
    private record Row(String child, String parent, String grantedBy, Instant grantedAt, Instant expiresAt,
                       String grantTx, Instant revokedAt, String revokeTx) {

        static Row of(GrantRecord record) {
            return new Row(record.childDt(), record.parentDt(), record.grantedBy(), instant(record.grantedAt()),
                    instant(record.expiresAt()), record.grantTx(), instant(record.revokedAt()), record.revokeTx());
        }

        private static Instant instant(OffsetDateTime at) {
            return at == null ? null : at.toInstant();
        }
    }
}
