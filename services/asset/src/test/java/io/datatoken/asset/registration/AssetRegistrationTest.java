package io.datatoken.asset.registration;

import static io.datatoken.asset.registration.AssetRefused.Why.CONFLICT;
import static io.datatoken.asset.registration.AssetRefused.Why.FORBIDDEN;
import static io.datatoken.asset.registration.AssetRefused.Why.INVALID;
import static io.datatoken.asset.registration.AssetRefused.Why.NOT_FOUND;
import static io.datatoken.domain.organization.PlatformRole.ALGORITHM_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.COMPUTE_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_PROVIDER;
import static io.datatoken.domain.organization.PlatformRole.DATA_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datatoken.asset.catalog.CatalogEntry;
import io.datatoken.asset.registration.AssetRegistration.Expected;
import io.datatoken.asset.registration.AssetRegistration.Registered;
import io.datatoken.asset.registration.AssetRegistration.Registrant;
import io.datatoken.asset.registration.AssetRegistration.VerifiedDdo;
import io.datatoken.chain.InMemoryDataTokenLedger;
import io.datatoken.chain.InMemoryOpLedger;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.asset.DdoTampered;
import io.datatoken.domain.asset.InvalidDdo;
import io.datatoken.domain.asset.Proof;
import io.datatoken.domain.content.Cid;
import io.datatoken.domain.content.ContentStoreUnavailable;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.organization.LedgerUnavailable;
import io.datatoken.domain.organization.EndUserId;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.metadata.DdoCodec;
import io.datatoken.metadata.DdoVerifier;
import io.datatoken.support.persistence.MigratedSchemaTestBase;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Asset registration all or nothing, over the ledger fakes (which pass the web3j adapters'
 * contract tests), the content store's fake, the real DDO codec and the real catalog on an
 * embedded PostgreSQL. Refusals must leave nothing on chain and nothing in the catalog (and, when
 * they come before the document is stored, nothing in the content store); outages at each step
 * must leave a state that a retry of the same document completes.
 */
class AssetRegistrationTest extends MigratedSchemaTestBase {

    private static final OrganizationAlias BANK_A = OrganizationAlias.of("bank-a");
    private static final OrganizationAlias HOSPITAL_B = OrganizationAlias.of("hospital-b");
    private static final OrganizationAlias FINTECH_C = OrganizationAlias.of("fintech-c");
    private static final OrganizationAlias INSURER_D = OrganizationAlias.of("insurer-d");

    private static final Registrant BANK = new Registrant(BANK_A, Set.of(DATA_PROVIDER, COMPUTE_PROVIDER));
    private static final Registrant HOSPITAL = new Registrant(HOSPITAL_B, Set.of(DATA_PROVIDER));
    private static final Registrant FINTECH = new Registrant(FINTECH_C, Set.of(ALGORITHM_PROVIDER));

    /** Nanoseconds on purpose: the catalog keeps microseconds. */
    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30.123456789Z");

    private static final String OP_SUM = OpHash.sha256Of(bytes("secure-sum 1.0.0")).value();
    private static final String OP_MEAN = OpHash.sha256Of(bytes("secure-mean 1.0.0")).value();
    private static final String OP_OLD = OpHash.sha256Of(bytes("secure-sum 0.9.0")).value();
    private static final String OP_UNKNOWN = OpHash.sha256Of(bytes("never published")).value();

    /** One for the class: compiling its schema is the costly part. */
    private static final DdoCodec CODEC = new DdoCodec();

    private InMemoryDataTokenLedger.Chain chain;
    private DataTokenLedger reader;
    private RecordingLedgers ledgers;
    private InMemoryOpLedger ops;
    private UnreliableContentStore content;
    private TransactionalCatalog catalog;
    private AssetRegistration registration;

    @Override
    protected String schema() {
        return "asset";
    }

    @BeforeEach
    void wire() {
        inTransaction(em -> em.createNativeQuery("delete from asset.asset").executeUpdate());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        chain = new InMemoryDataTokenLedger.Chain(clock);
        chain.addOrganization(BANK_A, Set.of(DATA_PROVIDER, COMPUTE_PROVIDER));
        chain.addOrganization(HOSPITAL_B, Set.of(DATA_PROVIDER));
        chain.addOrganization(FINTECH_C, Set.of(ALGORITHM_PROVIDER));
        chain.addOrganization(INSURER_D, Set.of(DATA_USER));
        reader = chain.operator();
        ledgers = new RecordingLedgers(chain);
        ops = new InMemoryOpLedger(clock);
        ops.publish(OpHash.of(OP_SUM), "secure-sum", "1.0.0", Cid.of(bytes("sum code")));
        ops.publish(OpHash.of(OP_MEAN), "secure-mean", "1.0.0", Cid.of(bytes("mean code")));
        ops.publish(OpHash.of(OP_OLD), "secure-sum", "0.9.0", Cid.of(bytes("old sum code")));
        ops.deprecate(OpHash.of(OP_OLD));
        content = new UnreliableContentStore();
        catalog = new TransactionalCatalog(this::inTransaction);

        registration = new AssetRegistration();
        registration.ledgers = ledgers;
        registration.ops = ops;
        registration.content = content;
        registration.catalog = catalog;
        registration.codec = CODEC;
        registration.verifier = new DdoVerifier(CODEC);
        registration.clock = clock;
    }

    // ---- registration ---------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(AssetKind.class)
    void registers_a_valid_document_in_the_content_store_on_chain_and_in_the_catalog(AssetKind kind) {
        Registrant registrant = kind == AssetKind.ALGORITHM ? FINTECH : BANK;
        DdoDocument ddo = DdoDocument.of(kind, registrant.organization()).withSupportedOps(OP_SUM);
        if (kind == AssetKind.ALGORITHM) {
            ddo = ddo.withChildren(registered(BANK, DdoDocument.of(AssetKind.DATA, BANK_A)));
        }
        byte[] canonical = canonicalOf(ddo);
        Cid cid = Cid.of(canonical);
        Proof proof = Proof.sha256Of(canonical);

        Registered registered = registration.register(registrant, ddo.bytes(), Expected.NOTHING);

        assertThat(registered.created()).isTrue();
        assertThat(canonical).as("the document as sent is not canonical").isNotEqualTo(ddo.bytes());
        assertThat(content.get(cid)).as("the canonical form is what is stored").isEqualTo(canonical);
        assertThat(reader.find(id(ddo))).contains(new DataToken(id(ddo), registrant.organization(), kind, cid, proof,
                ddo.children().stream().map(DataTokenId::of).toList(), chain.now()));
        CatalogEntry entry = registered.entry();
        assertThat(entry.dt()).isEqualTo(ddo.dt());
        assertThat(entry.ownerOrganization()).isEqualTo(registrant.organization().value());
        assertThat(entry.kind()).isEqualTo(kind.name());
        assertThat(entry.title()).isEqualTo(ddo.title());
        assertThat(entry.ddoCid()).isEqualTo(cid.value());
        assertThat(entry.proof()).isEqualTo(proof.value());
        assertThat(entry.registrationTx()).matches("0x[0-9a-f]{64}");
        assertThat(entry.registeredAt().toInstant()).isEqualTo(NOW.truncatedTo(ChronoUnit.MICROS));
        assertThat(entry.supportedOps()).containsExactly(OP_SUM);
        assertThat(entry.children()).isEqualTo(ddo.children());
        assertThat(catalogRow(ddo)).contains(Row.of(entry));
        assertThat(ledgers.writesFor(ddo.dt())).containsExactly("register");
    }

    @Test
    void the_same_document_again_answers_the_registration_that_stands_and_writes_nothing() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM);
        Registered first = registration.register(BANK, ddo.bytes(), Expected.NOTHING);

        Registered again = registration.register(BANK, ddo.bytes(), Expected.NOTHING);

        assertThat(again.created()).isFalse();
        assertThat(Row.of(again.entry())).isEqualTo(Row.of(first.entry()));
        assertThat(catalogRow(ddo)).contains(Row.of(first.entry()));
        assertThat(ledgers.writesFor(ddo.dt())).containsExactly("register");
    }

    @Test
    void a_retry_after_the_catalog_failed_records_the_entry_from_the_chain() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM);
        catalog.failNextWrite(new PersistenceException("simulated: the commit failed"));

        assertThatThrownBy(() -> registration.register(BANK, ddo.bytes(), Expected.NOTHING))
                .isInstanceOf(PersistenceException.class);
        DataToken onChain = reader.find(id(ddo)).orElseThrow();
        assertThat(catalogRow(ddo)).as("rolled back").isEmpty();

        Registered retried = registration.register(BANK, ddo.bytes(), Expected.NOTHING);

        assertThat(retried.created()).isFalse();
        assertRecoveredFromChain(retried.entry(), ddo, onChain);
        assertThat(catalogRow(ddo)).contains(Row.of(retried.entry()));
        assertThat(ledgers.writesFor(ddo.dt())).containsExactly("register");
    }

    @Test
    void a_content_store_outage_stops_the_registration_before_the_chain_and_a_retry_succeeds() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM);
        content.goDown();

        assertThatThrownBy(() -> registration.register(BANK, ddo.bytes(), Expected.NOTHING))
                .isInstanceOf(ContentStoreUnavailable.class);
        content.comeBack();
        assertNothingWritten(ddo);

        assertThat(registration.register(BANK, ddo.bytes(), Expected.NOTHING).created()).isTrue();
        assertThat(reader.find(id(ddo))).isPresent();
    }

    @Test
    void a_chain_outage_before_the_write_landed_leaves_the_catalog_empty_and_a_retry_succeeds() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM);
        chain.failNextWrite();

        assertThatThrownBy(() -> registration.register(BANK, ddo.bytes(), Expected.NOTHING))
                .isInstanceOf(LedgerUnavailable.class);
        // the canonical DDO may be in the content store already: harmless, nothing refers to it
        assertThat(reader.find(id(ddo))).isEmpty();
        assertThat(catalogRow(ddo)).isEmpty();

        Registered retried = registration.register(BANK, ddo.bytes(), Expected.NOTHING);

        assertThat(retried.created()).isTrue();
        assertThat(retried.entry().registrationTx()).isNotNull();
        assertThat(reader.find(id(ddo))).isPresent();
        assertThat(catalogRow(ddo)).contains(Row.of(retried.entry()));
        assertThat(ledgers.writesFor(ddo.dt())).containsExactly("register", "register");
    }

    @Test
    void when_the_chain_accepted_but_the_answer_was_lost_a_retry_answers_the_registration_that_landed() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM);
        chain.loseNextWriteAnswer();

        assertThatThrownBy(() -> registration.register(BANK, ddo.bytes(), Expected.NOTHING))
                .isInstanceOf(LedgerUnavailable.class);
        DataToken onChain = reader.find(id(ddo)).orElseThrow();
        assertThat(catalogRow(ddo)).isEmpty();

        Registered retried = registration.register(BANK, ddo.bytes(), Expected.NOTHING);

        assertThat(retried.created()).isFalse();
        assertRecoveredFromChain(retried.entry(), ddo, onChain);
        assertThat(catalogRow(ddo)).contains(Row.of(retried.entry()));
        assertThat(ledgers.writesFor(ddo.dt())).containsExactly("register");
    }

    // ---- refusals: nothing written --------------------------------------------------------

    @Test
    void another_document_for_a_registered_dt_is_refused_and_changes_nothing() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM);
        Registered first = registration.register(BANK, ddo.bytes(), Expected.NOTHING);
        DataToken onChain = reader.find(id(ddo)).orElseThrow();

        assertRefused(() -> registration.register(BANK, ddo.withTitle("Another title").bytes(), Expected.NOTHING),
                CONFLICT, "asset-exists");
        assertRefused(() -> registration.register(HOSPITAL, ddo.withOwner(HOSPITAL_B).bytes(), Expected.NOTHING),
                CONFLICT, "asset-exists");

        assertThat(reader.find(id(ddo))).contains(onChain);
        assertThat(catalogRow(ddo)).contains(Row.of(first.entry()));
        assertThat(ledgers.writesFor(ddo.dt())).containsExactly("register");
    }

    @Test
    void a_document_naming_another_owner_is_refused() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, HOSPITAL_B);

        assertRefused(() -> registration.register(BANK, ddo.bytes(), Expected.NOTHING), FORBIDDEN, "not-your-organization");

        assertNothingWritten(ddo);
    }

    @Test
    void a_registrant_without_the_provider_role_of_the_kind_is_refused() {
        DdoDocument ddo = DdoDocument.of(AssetKind.COMPUTE, BANK_A);

        assertRefused(() -> registration.register(new Registrant(BANK_A, Set.of(DATA_PROVIDER)), ddo.bytes(),
                Expected.NOTHING), FORBIDDEN, "role-required");

        assertNothingWritten(ddo);
    }

    @Test
    void a_document_naming_an_unknown_op_is_refused() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM, OP_UNKNOWN);

        assertRefused(() -> registration.register(BANK, ddo.bytes(), Expected.NOTHING), INVALID, "unknown-op");

        assertNothingWritten(ddo);
    }

    @Test
    void a_document_naming_a_deprecated_op_is_refused() {
        DdoDocument ddo = DdoDocument.of(AssetKind.COMPUTE, BANK_A).withSupportedOps(OP_OLD);

        assertRefused(() -> registration.register(BANK, ddo.bytes(), Expected.NOTHING), CONFLICT, "op-deprecated");

        assertNothingWritten(ddo);
    }

    @Test
    void a_document_naming_an_unregistered_child_is_refused() {
        DdoDocument ddo = DdoDocument.of(AssetKind.ALGORITHM, FINTECH_C).withChildren(DdoDocument.randomDt());

        assertRefused(() -> registration.register(FINTECH, ddo.bytes(), Expected.NOTHING), INVALID, "unknown-child");

        assertNothingWritten(ddo);
    }

    @Test
    void a_foreign_child_whose_terms_do_not_offer_it_to_the_caller_is_refused() {
        String offeredToOthers = registered(HOSPITAL, DdoDocument.of(AssetKind.DATA, HOSPITAL_B).offeredTo(INSURER_D));
        String expired = registered(HOSPITAL, DdoDocument.of(AssetKind.DATA, HOSPITAL_B).offeredTo(FINTECH_C)
                .termsExpiringAt(NOW.minus(Duration.ofDays(1))));
        String expiringNow = registered(HOSPITAL, DdoDocument.of(AssetKind.DATA, HOSPITAL_B).termsExpiringAt(NOW));

        for (String child : List.of(offeredToOthers, expired, expiringNow)) {
            DdoDocument ddo = DdoDocument.of(AssetKind.ALGORITHM, FINTECH_C).withChildren(child);

            assertRefused(() -> registration.register(FINTECH, ddo.bytes(), Expected.NOTHING), FORBIDDEN,
                    "child-not-offered");

            assertNothingWritten(ddo);
        }
    }

    @Test
    void a_foreign_child_offered_to_the_caller_or_to_everyone_and_an_own_child_are_accepted() {
        String namesCaller = registered(HOSPITAL, DdoDocument.of(AssetKind.DATA, HOSPITAL_B)
                .offeredTo(INSURER_D, FINTECH_C).termsExpiringAt(NOW.plus(Duration.ofDays(30))));
        String namesNobody = registered(BANK, DdoDocument.of(AssetKind.DATA, BANK_A));
        DdoDocument algorithm = DdoDocument.of(AssetKind.ALGORITHM, FINTECH_C).withChildren(namesCaller, namesNobody);
        String ownButOfferedToOthers = registered(BANK, DdoDocument.of(AssetKind.DATA, BANK_A).offeredTo(INSURER_D));
        DdoDocument compute = DdoDocument.of(AssetKind.COMPUTE, BANK_A).withChildren(ownButOfferedToOthers);

        assertThat(registration.register(FINTECH, algorithm.bytes(), Expected.NOTHING).created()).isTrue();
        assertThat(registration.register(BANK, compute.bytes(), Expected.NOTHING).created()).isTrue();

        assertThat(reader.find(id(algorithm))).hasValueSatisfying(t -> assertThat(t.children())
                .containsExactly(DataTokenId.of(namesCaller), DataTokenId.of(namesNobody)));
        assertThat(reader.find(id(compute))).hasValueSatisfying(t -> assertThat(t.children())
                .containsExactly(DataTokenId.of(ownButOfferedToOthers)));
    }

    @Test
    void a_foreign_child_whose_stored_document_was_tampered_with_is_refused() {
        DdoDocument child = DdoDocument.of(AssetKind.DATA, BANK_A);
        registered(BANK, child);
        tamperWithStoredDocument(child);
        DdoDocument ddo = DdoDocument.of(AssetKind.ALGORITHM, FINTECH_C).withChildren(child.dt());

        assertThatThrownBy(() -> registration.register(FINTECH, ddo.bytes(), Expected.NOTHING))
                .isInstanceOf(StoredDdoRejected.class);

        assertNothingWritten(ddo);
    }

    @Test
    void a_proof_or_cid_the_client_computed_otherwise_is_refused() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A);
        byte[] canonical = canonicalOf(ddo);
        Proof otherProof = Proof.sha256Of(bytes("another document"));
        Cid otherCid = Cid.of(bytes("another document"));

        assertRefused(() -> registration.register(BANK, ddo.bytes(), new Expected(otherProof, null)), INVALID,
                "proof-mismatch");
        assertRefused(() -> registration.register(BANK, ddo.bytes(), new Expected(null, otherCid)), INVALID,
                "cid-mismatch");
        assertRefused(() -> registration.register(BANK, ddo.bytes(), new Expected(Proof.sha256Of(canonical), otherCid)),
                INVALID, "cid-mismatch");
        assertNothingWritten(ddo);

        Registered registered = registration.register(BANK, ddo.bytes(),
                new Expected(Proof.sha256Of(canonical), Cid.of(canonical)));
        assertThat(registered.created()).isTrue();
    }

    // ---- reading --------------------------------------------------------------------------

    @Test
    void reads_the_document_the_chain_vouches_for() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM);
        registered(BANK, ddo);

        VerifiedDdo read = registration.readDdo(id(ddo));

        assertThat(read.canonical()).isEqualTo(canonicalOf(ddo));
        assertThat(read.ddo().title()).isEqualTo(ddo.title());
        assertThat(read.token().proof()).isEqualTo(Proof.sha256Of(canonicalOf(ddo)));
    }

    @Test
    void a_stored_document_other_than_the_one_the_chain_vouches_for_is_rejected() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A);
        registered(BANK, ddo);

        tamperWithStoredDocument(ddo);

        assertThatThrownBy(() -> registration.readDdo(id(ddo)))
                .isInstanceOf(StoredDdoRejected.class).hasCauseInstanceOf(DdoTampered.class);
    }

    @Test
    void stored_bytes_that_are_no_ddo_at_all_are_rejected() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A);
        registered(BANK, ddo);
        DataToken onChain = reader.find(id(ddo)).orElseThrow();
        Cid garbage = content.put(bytes("{\"not\": \"a ddo\"}"));
        chain.actingAs(BANK_A).updateMetadata(id(ddo), garbage, onChain.proof());

        assertThatThrownBy(() -> registration.readDdo(id(ddo)))
                .isInstanceOf(StoredDdoRejected.class).hasCauseInstanceOf(InvalidDdo.class);
    }

    // ---- listing what was registered without this service ------------------------------------

    @Test
    void an_end_users_token_registered_from_their_device_is_listed_from_the_chain_with_its_end_user() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM);
        byte[] canonical = canonicalOf(ddo);
        chain.addEndUser(BANK_A, EndUserId.of("u1")).registerAsEndUser(id(ddo), content.put(canonical),
                Proof.sha256Of(canonical));
        assertThat(catalogRow(ddo)).as("the device registered it on chain only").isEmpty();

        CatalogEntry listed = registration.listFromChain(id(ddo));

        assertRecoveredFromChain(listed, ddo, reader.find(id(ddo)).orElseThrow());
        assertThat(listed.endUser()).isEqualTo("u1");
        assertThat(catalog.find(ddo.dt()).orElseThrow().endUser()).isEqualTo("u1");
        assertThat(catalogRow(registration.listFromChain(id(ddo)))).as("listing again changes nothing")
                .isEqualTo(catalogRow(ddo));
        assertThat(ledgers.writesFor(ddo.dt())).as("the service wrote nothing on chain").isEmpty();
    }

    @Test
    void only_what_the_chain_holds_with_its_own_document_is_listed() {
        assertRefused(() -> registration.listFromChain(DataTokenId.of(DdoDocument.randomDt())), NOT_FOUND,
                "unknown-asset");
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM);
        registered(BANK, ddo);
        tamperWithStoredDocument(ddo);

        assertThatThrownBy(() -> registration.listFromChain(id(ddo))).isInstanceOf(StoredDdoRejected.class);
    }

    // ---- updates --------------------------------------------------------------------------

    @Test
    void only_the_owner_updates_a_document() {
        DdoDocument ddo = DdoDocument.of(AssetKind.DATA, BANK_A);
        Registered registered = registration.register(BANK, ddo.bytes(), Expected.NOTHING);
        DataToken onChain = reader.find(id(ddo)).orElseThrow();

        assertRefused(() -> registration.update(HOSPITAL, id(ddo), ddo.withTitle("Hijacked").bytes(), Expected.NOTHING),
                FORBIDDEN, "not-owner");
        assertRefused(() -> registration.update(HOSPITAL, id(ddo), ddo.withOwner(HOSPITAL_B).bytes(), Expected.NOTHING),
                FORBIDDEN, "not-owner");

        assertUnchanged(ddo, onChain, registered.entry());
    }

    @Test
    void an_update_may_change_neither_kind_nor_children() {
        String child = registered(BANK, DdoDocument.of(AssetKind.DATA, BANK_A));
        String otherChild = registered(BANK, DdoDocument.of(AssetKind.DATA, BANK_A));
        DdoDocument data = DdoDocument.of(AssetKind.DATA, BANK_A);
        DdoDocument compute = DdoDocument.of(AssetKind.COMPUTE, BANK_A).withChildren(child);
        Registered dataEntry = registration.register(BANK, data.bytes(), Expected.NOTHING);
        Registered computeEntry = registration.register(BANK, compute.bytes(), Expected.NOTHING);
        DataToken dataOnChain = reader.find(id(data)).orElseThrow();
        DataToken computeOnChain = reader.find(id(compute)).orElseThrow();

        assertRefused(() -> registration.update(BANK, id(data), data.withKind(AssetKind.COMPUTE).bytes(), Expected.NOTHING),
                INVALID, "immutable-field");
        assertRefused(() -> registration.update(BANK, id(compute), compute.withChildren(child, otherChild).bytes(),
                Expected.NOTHING), INVALID, "immutable-field");
        assertRefused(() -> registration.update(BANK, id(compute), compute.withChildren(otherChild).bytes(),
                Expected.NOTHING), INVALID, "immutable-field");

        assertUnchanged(data, dataOnChain, dataEntry.entry());
        assertUnchanged(compute, computeOnChain, computeEntry.entry());
    }

    @Test
    void an_update_with_new_terms_points_the_chain_and_the_catalog_at_the_new_document() {
        DdoDocument v1 = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM);
        Registered registered = registration.register(BANK, v1.bytes(), Expected.NOTHING);
        DataToken before = reader.find(id(v1)).orElseThrow();
        DdoDocument v2 = v1.withTitle("Retail cards, revised").offeredTo(FINTECH_C).withSupportedOps(OP_MEAN);
        byte[] canonical = canonicalOf(v2);
        Cid cid = Cid.of(canonical);
        Proof proof = Proof.sha256Of(canonical);

        Registered updated = registration.update(BANK, id(v1), v2.bytes(), Expected.NOTHING);

        assertThat(updated.created()).isTrue();
        assertThat(reader.find(id(v1))).contains(new DataToken(id(v1), BANK_A, AssetKind.DATA, cid, proof, List.of(),
                before.registeredAt()));
        assertThat(content.get(cid)).isEqualTo(canonical);
        CatalogEntry entry = updated.entry();
        assertThat(entry.title()).isEqualTo("Retail cards, revised");
        assertThat(entry.ddoCid()).isEqualTo(cid.value());
        assertThat(entry.proof()).isEqualTo(proof.value());
        assertThat(entry.supportedOps()).containsExactly(OP_MEAN);
        assertThat(entry.registrationTx()).isEqualTo(registered.entry().registrationTx());
        assertThat(catalogRow(v1)).contains(Row.of(entry));
        assertThat(registration.readDdo(id(v1)).ddo().services().get(0).terms().consumerOrganizations())
                .containsExactly(FINTECH_C);

        Registered again = registration.update(BANK, id(v1), v2.bytes(), Expected.NOTHING);
        assertThat(again.created()).isFalse();
        assertThat(Row.of(again.entry())).isEqualTo(Row.of(entry));
        assertThat(ledgers.writesFor(v1.dt())).containsExactly("register", "updateMetadata");
    }

    @Test
    void a_retry_of_an_update_whose_catalog_write_failed_brings_the_catalog_up_to_date() {
        DdoDocument v1 = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM);
        registered(BANK, v1);
        DdoDocument v2 = v1.withTitle("Retail cards, revised").withSupportedOps(OP_MEAN);
        Proof proof = Proof.sha256Of(canonicalOf(v2));
        catalog.failNextWrite(new PersistenceException("simulated: the commit failed"));

        assertThatThrownBy(() -> registration.update(BANK, id(v1), v2.bytes(), Expected.NOTHING))
                .isInstanceOf(PersistenceException.class);
        assertThat(reader.find(id(v1))).hasValueSatisfying(t -> assertThat(t.proof()).isEqualTo(proof));

        Registered retried = registration.update(BANK, id(v1), v2.bytes(), Expected.NOTHING);

        assertCatalogFollowsTheChain(retried.entry(), v2);
        assertThat(ledgers.writesFor(v1.dt())).containsExactly("register", "updateMetadata");
    }

    @Test
    void a_retry_of_an_update_whose_chain_answer_was_lost_brings_the_catalog_up_to_date() {
        DdoDocument v1 = DdoDocument.of(AssetKind.DATA, BANK_A).withSupportedOps(OP_SUM);
        registered(BANK, v1);
        DdoDocument v2 = v1.withTitle("Retail cards, revised").withSupportedOps(OP_MEAN);
        chain.loseNextWriteAnswer();

        assertThatThrownBy(() -> registration.update(BANK, id(v1), v2.bytes(), Expected.NOTHING))
                .isInstanceOf(LedgerUnavailable.class);

        Registered retried = registration.update(BANK, id(v1), v2.bytes(), Expected.NOTHING);

        assertCatalogFollowsTheChain(retried.entry(), v2);
        assertThat(ledgers.writesFor(v1.dt())).containsExactly("register", "updateMetadata");
    }

    // ---- helpers --------------------------------------------------------------------------

    /** Registers the document through the service under test; answers its dt. */
    private String registered(Registrant registrant, DdoDocument ddo) {
        assertThat(registration.register(registrant, ddo.bytes(), Expected.NOTHING).created()).isTrue();
        return ddo.dt();
    }

    /**
     * Puts a valid but different document in the content store and has the owner point the chain
     * at it with the original proof: what a compromised store (or owner key) could leave behind.
     */
    private void tamperWithStoredDocument(DdoDocument ddo) {
        DataToken onChain = reader.find(id(ddo)).orElseThrow();
        Cid forged = content.put(canonicalOf(ddo.withTitle("Forged title")));
        chain.actingAs(onChain.owner()).updateMetadata(id(ddo), forged, onChain.proof());
    }

    private void assertNothingWritten(DdoDocument ddo) {
        assertThat(reader.find(id(ddo))).as("on chain").isEmpty();
        assertThat(ledgers.writesFor(ddo.dt())).as("chain writes attempted").isEmpty();
        assertThat(content.contains(Cid.of(canonicalOf(ddo)))).as("in the content store").isFalse();
        assertThat(catalogRow(ddo)).as("in the catalog").isEmpty();
    }

    private void assertUnchanged(DdoDocument ddo, DataToken onChain, CatalogEntry entry) {
        assertThat(reader.find(id(ddo))).contains(onChain);
        assertThat(catalogRow(ddo)).contains(Row.of(entry));
        assertThat(ledgers.writesFor(ddo.dt())).containsExactly("register");
    }

    /** The entry answered and the catalog's row both describe the document the chain now vouches for. */
    private void assertCatalogFollowsTheChain(CatalogEntry answered, DdoDocument current) {
        byte[] canonical = canonicalOf(current);
        for (CatalogEntry entry : List.of(answered, catalog.find(current.dt()).orElseThrow())) {
            assertThat(entry.proof()).isEqualTo(Proof.sha256Of(canonical).value());
            assertThat(entry.ddoCid()).isEqualTo(Cid.of(canonical).value());
            assertThat(entry.title()).isEqualTo(current.title());
            assertThat(entry.supportedOps()).isEqualTo(current.supportedOps());
        }
    }

    private static void assertRecoveredFromChain(CatalogEntry entry, DdoDocument ddo, DataToken onChain) {
        assertThat(entry.dt()).isEqualTo(ddo.dt());
        assertThat(entry.ddoCid()).isEqualTo(onChain.storagePath().value());
        assertThat(entry.proof()).isEqualTo(onChain.proof().value());
        assertThat(entry.ownerOrganization()).isEqualTo(BANK_A.value());
        assertThat(entry.title()).isEqualTo(ddo.title());
        assertThat(entry.registrationTx()).as("recovered: the chain has the transaction").isNull();
        assertThat(entry.registeredAt().toInstant()).isEqualTo(onChain.registeredAt());
    }

    private static void assertRefused(ThrowingCallable call, AssetRefused.Why why, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AssetRefused.class, refused -> {
            assertThat(refused.why()).isEqualTo(why);
            assertThat(refused.reason()).isEqualTo(reason);
        });
    }

    private Optional<Row> catalogRow(DdoDocument ddo) {
        return catalog.find(ddo.dt()).map(Row::of);
    }

    private static Optional<Row> catalogRow(CatalogEntry entry) {
        return Optional.of(Row.of(entry));
    }

    private static byte[] canonicalOf(DdoDocument ddo) {
        return CODEC.canonicalBytes(CODEC.parse(ddo.bytes()));
    }

    private static DataTokenId id(DdoDocument ddo) {
        return DataTokenId.of(ddo.dt());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A catalog entry's values, comparable (entries have no equals; times compared as instants). */
    private record Row(String dt, String owner, String kind, String title, String description, String ddoCid,
                       String proof, String registrationTx, Instant registeredAt, List<String> supportedOps,
                       List<String> children) {

        static Row of(CatalogEntry entry) {
            return new Row(entry.dt(), entry.ownerOrganization(), entry.kind(), entry.title(), entry.description(),
                    entry.ddoCid(), entry.proof(), entry.registrationTx(), entry.registeredAt().toInstant(),
                    entry.supportedOps(), entry.children());
        }
    }
}
