package io.datatoken.portal.ui.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import io.datatoken.portal.services.BackendProblem;
import io.datatoken.portal.services.DeviceClient;
import io.datatoken.portal.services.GrantChange;
import io.datatoken.portal.services.OwnToken;
import io.datatoken.portal.services.TracerClient;
import io.datatoken.portal.services.VerificationReport;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.InlineProblem;
import io.datatoken.portal.ui.Panel;
import io.datatoken.portal.ui.trace.TraceView;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An end user's own DTs, each a link to its trace (which the tracer lets them read), and the
 * compositions made of each with the user's consent to it: given or withdrawn at the user's own device
 * node, with the user's key (decision 0021) — the portal only asks the device, which verifies the
 * composition against the token's terms itself and may refuse with its verdict.
 */
class MyDataPanel extends Panel {

    private final TracerClient tracer;
    private final DeviceClient devices;
    private final Span count = new Span();
    private final Grid<OwnToken> tokens;
    private final Grid<CompositionConsent> compositions;
    private final DatePicker consentUntil = new DatePicker();
    private final Span outcome = new Span();
    private final InlineProblem consentProblem = new InlineProblem("my-data-consent-problem");
    private final Grid<VerificationReport.Denial> denials;
    /** The changes made here that the tracer may not have indexed yet, by {@link CompositionConsent#key}. */
    private final Map<String, GrantChange> recent = new HashMap<>();

    MyDataPanel(TracerClient tracer, DeviceClient devices) {
        super("my-data", "");
        setTitle(getTranslation("dashboard.my-data.title"));
        this.tracer = tracer;
        this.devices = devices;
        count.setId("my-data-count");
        tokens = DashboardView.compactGrid("my-data-grid", getTranslation("dashboard.my-data.none"));
        tokens.addComponentColumn(this::traceLink).setHeader(getTranslation("dashboard.my-data.dt")).setAutoWidth(true);
        tokens.addColumn(t -> getTranslation("kind." + t.kind())).setHeader(getTranslation("asset.kind"))
                .setAutoWidth(true);
        tokens.addColumn(t -> Formats.time(t.registeredAt())).setHeader(getTranslation("asset.registered"))
                .setAutoWidth(true);
        tokens.addColumn(t -> getTranslation("dashboard.my-data.uses", t.jobs(), Formats.time(t.lastUsedAt())))
                .setHeader(getTranslation("dashboard.my-data.used")).setFlexGrow(2);

        compositions = DashboardView.compactGrid("my-data-compositions", getTranslation("dashboard.my-data.compositions.none"));
        compositions.addColumn(c -> Formats.shortHex(c.token())).setTooltipGenerator(CompositionConsent::token)
                .setHeader(getTranslation("dashboard.my-data.compositions.token")).setAutoWidth(true);
        compositions.addColumn(c -> Formats.shortHex(c.composition().dt()))
                .setTooltipGenerator(c -> c.composition().dt())
                .setHeader(getTranslation("dashboard.my-data.compositions.composition")).setAutoWidth(true);
        compositions.addColumn(c -> c.composition().owner() == null ? "" : c.composition().owner())
                .setHeader(getTranslation("dashboard.my-data.compositions.owner")).setAutoWidth(true);
        compositions.addComponentColumn(this::stateOf).setHeader(getTranslation("dashboard.my-data.compositions.consent"))
                .setFlexGrow(2);
        compositions.addComponentColumn(this::action).setAutoWidth(true);

        outcome.setId("my-data-consent-outcome");
        denials = DashboardView.compactGrid("my-data-consent-denials", "");
        denials.addColumn(VerificationReport.Denial::rule).setHeader(getTranslation("dashboard.my-data.denial.rule"))
                .setAutoWidth(true);
        denials.addColumn(VerificationReport.Denial::offending)
                .setHeader(getTranslation("dashboard.my-data.denial.offending")).setAutoWidth(true);
        denials.addColumn(VerificationReport.Denial::allowed).setHeader(getTranslation("dashboard.my-data.denial.allowed"))
                .setAutoWidth(true);
        denials.addColumn(VerificationReport.Denial::reason).setHeader(getTranslation("dashboard.my-data.denial.reason"))
                .setFlexGrow(2);
        denials.setVisible(false);

        Button refresh = new Button(getTranslation("dashboard.my-data.refresh"), click -> load());
        refresh.setId("my-data-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Span consent = new Span(getTranslation("dashboard.my-data.consent"));
        consent.setId("my-data-consent");
        consent.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        consentUntil.setId("my-data-consent-until");
        consentUntil.setLabel(getTranslation("dashboard.my-data.consent-until"));
        consentUntil.setHelperText(getTranslation("dashboard.my-data.consent-until.help"));
        consentUntil.setClearButtonVisible(true);
        consentUntil.setMin(LocalDate.now(ZoneOffset.UTC));
        with(count, tokens, consent, consentUntil, compositions, outcome, consentProblem, denials, refresh);
        load();
    }

    /** The user's tokens and, for each, the compositions made of it, from the tracer's usage. */
    private void load() {
        List<CompositionConsent> rows = new ArrayList<>();
        problem().attempt(tracer::myTokens).ifPresent(mine -> {
            count.setText(getTranslation("dashboard.my-data.count", mine.tokens().size()));
            // an end user registers a token per dataset at their device: a handful, all shown
            tokens.setItems(mine.tokens());
            for (OwnToken token : mine.tokens()) {
                problem().attempt(() -> tracer.usage(token.dt()))
                        .ifPresent(usage -> rows.addAll(CompositionConsent.of(usage, recent)));
            }
        });
        compositions.setItems(rows);
    }

    private RouterLink traceLink(OwnToken token) {
        RouterLink link = new RouterLink(Formats.shortHex(token.dt()), TraceView.class, token.dt());
        link.setId("my-data-trace-" + token.dt());
        link.getElement().setAttribute("title", token.dt());
        return link;
    }

    private Component stateOf(CompositionConsent row) {
        Span state = new Span(switch (row.state(Instant.now())) {
            case NONE -> getTranslation("dashboard.my-data.consent.none");
            case WITHDRAWN -> getTranslation("dashboard.my-data.consent.withdrawn");
            case EXPIRED -> getTranslation("dashboard.my-data.consent.expired", Formats.time(row.expiresAt().orElseThrow()));
            case LIVE -> row.expiresAt().map(end -> getTranslation("dashboard.my-data.consent.until", Formats.time(end)))
                    .orElseGet(() -> getTranslation("dashboard.my-data.consent.live"));
        });
        state.setId("my-data-consent-state-" + row.key());
        return state;
    }

    private Component action(CompositionConsent row) {
        boolean live = row.state(Instant.now()) == CompositionConsent.State.LIVE;
        Button button = new Button(getTranslation(live ? "dashboard.my-data.withdraw" : "dashboard.my-data.give"),
                click -> {
                    if (live) {
                        withdraw(row);
                    } else {
                        consent(row);
                    }
                });
        button.setId("my-data-consent-action-" + row.key());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, live ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private void consent(CompositionConsent row) {
        clearOutcome();
        device(row).ifPresent(device -> {
            try {
                DeviceClient.Consent given = devices.consent(device, row.token(), row.composition().dt(), until());
                outcome.setText(given.tx() == null
                        ? getTranslation("dashboard.my-data.consented.stands", Formats.shortHex(row.composition().dt()))
                        : getTranslation("dashboard.my-data.consented", Formats.shortHex(row.composition().dt()),
                                given.tx()));
                remember(row, "GRANTED", epochSecondsOf(given.expiresAt()), given.tx());
                load();
            } catch (BackendProblem refused) {
                consentProblem.show(refused);
                DeviceClient.verdictOf(refused).filter(verdict -> !verdict.denials().isEmpty()).ifPresent(verdict -> {
                    denials.setItems(verdict.denials());
                    denials.setVisible(true);
                });
            }
        });
    }

    private void withdraw(CompositionConsent row) {
        clearOutcome();
        device(row).flatMap(device -> consentProblem.attempt(() -> devices.withdraw(device, row.token(),
                row.composition().dt()))).ifPresent(withdrawn -> {
                    outcome.setText(getTranslation("dashboard.my-data.withdrawn", Formats.shortHex(row.composition().dt()),
                            withdrawn.tx()));
                    remember(row, "REVOKED", null, withdrawn.tx());
                    load();
                });
    }

    /** The end of the day picked (UTC), through which a consent given now lasts; none: until withdrawn. */
    private Optional<Instant> until() {
        return consentUntil.getOptionalValue().map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The token's device node, read from its DDO; said so when the DDO names none. */
    private Optional<URI> device(CompositionConsent row) {
        Optional<Optional<URI>> read = consentProblem.attempt(() -> devices.deviceOf(row.token()));
        if (read.isPresent() && read.get().isEmpty()) {
            outcome.setText(getTranslation("dashboard.my-data.no-device", Formats.shortHex(row.token())));
        }
        return read.flatMap(found -> found);
    }

    private void remember(CompositionConsent row, String change, Long expiresAt, String tx) {
        if (tx != null) {
            recent.put(row.key(), new GrantChange(row.token(), row.composition().dt(), change, expiresAt, null,
                    Long.MAX_VALUE, tx, null));
        }
    }

    /** The chain's expiry of a grant: unix seconds, 0 for until withdrawn (or a time the device wrote oddly). */
    private static long epochSecondsOf(String expiresAt) {
        try {
            return expiresAt == null ? 0L : Instant.parse(expiresAt).getEpochSecond();
        } catch (DateTimeParseException unreadable) {
            return 0L;
        }
    }

    private void clearOutcome() {
        outcome.setText("");
        consentProblem.clear();
        denials.setItems(List.of());
        denials.setVisible(false);
    }
}
