package io.datatoken.portal.ui.approvals;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.AssetClient;
import io.datatoken.portal.services.BackendProblem;
import io.datatoken.portal.services.TracerClient;
import io.datatoken.portal.services.VerificationReport;
import io.datatoken.portal.services.VerifierClient;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.InlineProblem;
import io.datatoken.portal.ui.MainLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A provider's approvals: for each of the organization's assets, the compositions that use it with the
 * op they apply and the grant's state; per composition the verifier's report, an approval (on chain
 * only if the terms are met, the why-denied report otherwise) and a revocation after a confirmation;
 * per asset whether compositions that meet its terms are approved automatically.
 */
@Route(value = "approvals", layout = MainLayout.class)
@Dependent
public class ApprovalsView extends VerticalLayout implements HasDynamicTitle {

    private final AssetClient assets;
    private final TracerClient tracer;
    private final VerifierClient verifier;

    private final InlineProblem problem = new InlineProblem("approvals-problem");
    private final Grid<ApprovalRow> grid = new Grid<>();
    private final Span none = new Span();
    private final InlineProblem actionProblem = new InlineProblem("approvals-action-problem");
    private final DatePicker approveUntil = new DatePicker();
    private final Div outcome = new Div();
    private final Div report = new Div();
    private final ComboBox<Asset> autoAsset = new ComboBox<>();
    private final Checkbox autoEnabled = new Checkbox();
    private final InlineProblem autoProblem = new InlineProblem("approvals-auto-problem");

    @Inject
    public ApprovalsView(AssetClient assets, TracerClient tracer, VerifierClient verifier) {
        this.assets = assets;
        this.tracer = tracer;
        this.verifier = verifier;
        H2 title = new H2(getTranslation("approvals.title"));
        title.setId("view-title");
        Button refresh = new Button(getTranslation("approvals.refresh"), click -> load());
        refresh.setId("approvals-refresh");
        none.setId("approvals-none");
        none.setText(getTranslation("approvals.none"));
        outcome.setId("approvals-outcome");
        report.setId("approvals-report");
        report.setWidthFull();
        // The outcome and the report above the grid: a long list would push them out of sight.
        approveUntil.setId("approvals-until");
        approveUntil.setLabel(getTranslation("approvals.until"));
        approveUntil.setHelperText(getTranslation("approvals.until.help"));
        approveUntil.setClearButtonVisible(true);
        approveUntil.setMin(LocalDate.now(ZoneOffset.UTC));
        add(title, new Span(getTranslation("approvals.intro")), refresh, approveUntil, problem, actionProblem, outcome, report,
                grid(), none, new H3(getTranslation("approvals.auto.title")), autoAuthorization(), autoProblem);
        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.approvals"));
    }

    private Grid<ApprovalRow> grid() {
        grid.setId("approvals-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(row -> row.asset().title() == null ? Formats.shortHex(row.asset().dt()) : row.asset().title())
                .setTooltipGenerator(row -> row.asset().dt())
                .setHeader(getTranslation("approvals.asset")).setFlexGrow(1).setResizable(true);
        grid.addColumn(row -> Formats.shortHex(row.composition())).setTooltipGenerator(ApprovalRow::composition)
                .setHeader(getTranslation("approvals.composition")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.compositionOwner() == null ? "" : row.compositionOwner())
                .setHeader(getTranslation("approvals.owner")).setAutoWidth(true);
        grid.addColumn(ApprovalRow::opLabel).setHeader(getTranslation("approvals.op")).setAutoWidth(true);
        grid.addColumn(this::grantText).setHeader(getTranslation("approvals.grant")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader(getTranslation("approvals.actions"))
                .setAutoWidth(true);
        return grid;
    }

    /** An asset's opt-in to automatic approval: read when the asset is chosen, written when the box is ticked. */
    private HorizontalLayout autoAuthorization() {
        autoAsset.setId("approvals-auto-asset");
        autoAsset.setLabel(getTranslation("approvals.auto.asset"));
        autoAsset.setItemLabelGenerator(asset -> (asset.title() == null ? "" : asset.title() + " ")
                + Formats.shortHex(asset.dt()));
        autoAsset.setWidth("24em");
        autoEnabled.setId("approvals-auto-enabled");
        autoEnabled.setLabel(getTranslation("approvals.auto.enabled"));
        autoEnabled.setEnabled(false);
        autoAsset.addValueChangeListener(change -> {
            autoEnabled.setEnabled(false);
            autoEnabled.setValue(false);
            if (change.getValue() != null) {
                autoProblem.attempt(() -> assets.autoAuthorization(change.getValue().dt())).ifPresent(enabled -> {
                    autoEnabled.setValue(enabled);
                    autoEnabled.setEnabled(true);
                });
            }
        });
        autoEnabled.addValueChangeListener(change -> {
            if (change.isFromClient() && autoAsset.getValue() != null) {
                autoProblem.attempt(() -> assets.setAutoAuthorization(autoAsset.getValue().dt(), change.getValue()))
                        .ifPresentOrElse(autoEnabled::setValue, () -> autoEnabled.setValue(change.getOldValue()));
            }
        });
        HorizontalLayout row = new HorizontalLayout(autoAsset, autoEnabled);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private String grantText(ApprovalRow row) {
        return switch (row.state(Instant.now())) {
            case NONE -> getTranslation("approvals.grant.none");
            case DENIED -> getTranslation("approvals.grant.denied", row.denial());
            case REVOKED -> getTranslation("approvals.grant.revoked");
            case EXPIRED -> getTranslation("approvals.grant.expired", Formats.time(row.expiresAt().orElseThrow()));
            case GRANTED -> row.expiresAt().map(end -> getTranslation("approvals.grant.until", Formats.time(end)))
                    .orElseGet(() -> getTranslation("approvals.grant.until-revoked"));
        };
    }

    private HorizontalLayout actions(ApprovalRow row) {
        Button verify = new Button(getTranslation("approvals.verify"), click -> verify(row));
        verify.setId("approvals-verify-" + row.key());
        Button approve = new Button(getTranslation("approvals.approve"), click -> approve(row));
        approve.setId("approvals-approve-" + row.key());
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button deny = new Button(getTranslation("approvals.deny"), click -> askWhyDeny(row));
        deny.setId("approvals-deny-" + row.key());
        // a live grant is withdrawn by revoking; a denial says no before anything was granted
        deny.setEnabled(row.state(Instant.now()) != ApprovalRow.GrantState.GRANTED);
        Button revoke = new Button(getTranslation("approvals.revoke"), click -> confirmRevoke(row));
        revoke.setId("approvals-revoke-" + row.key());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(row.state(Instant.now()) == ApprovalRow.GrantState.GRANTED);
        for (Button button : List.of(verify, approve, deny, revoke)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(verify, approve, deny, revoke);
    }

    private void load() {
        List<ApprovalRow> rows = new ArrayList<>();
        problem.attempt(assets::mine).ifPresent(mine -> {
            Asset chosen = autoAsset.getValue();
            autoAsset.setItems(mine);
            mine.stream().filter(asset -> chosen != null && asset.dt().equals(chosen.dt())).findFirst()
                    .ifPresent(autoAsset::setValue);
            rows.addAll(ApprovalRows.of(mine, tracer, assets, problem));
        });
        grid.setItems(rows);
        none.setVisible(rows.isEmpty() && !problem.isVisible());
    }

    private void verify(ApprovalRow row) {
        clearOutcome();
        actionProblem.attempt(() -> verifier.verify(row.composition()))
                .ifPresent(answer -> showReport(row, answer));
    }

    private void approve(ApprovalRow row) {
        clearOutcome();
        try {
            // through the picked day (UTC): the grant ends when the next one begins
            String until = approveUntil.getOptionalValue()
                    .map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString()).orElse(null);
            VerificationReport answer = verifier.authorize(row.asset().dt(), row.composition(), until);
            outcome.setText(getTranslation("approvals.approved", Formats.shortHex(row.composition())));
            if (answer != null) {
                showReport(row, answer);
            }
            load();
        } catch (BackendProblem refused) {
            actionProblem.show(refused);
            VerifierClient.whyDenied(refused).ifPresent(denied -> showReport(row, denied));
        }
    }

    /** Asks the owner why (the composer reads it), then records the denial; nothing goes on chain. */
    private void askWhyDeny(ApprovalRow row) {
        Dialog dialog = new Dialog();
        dialog.setId("approvals-deny-dialog");
        dialog.setHeaderTitle(getTranslation("approvals.deny.title", Formats.shortHex(row.composition())));
        TextArea reason = new TextArea(getTranslation("approvals.deny.reason"));
        reason.setId("approvals-deny-reason");
        reason.setHelperText(getTranslation("approvals.deny.reason.helper"));
        reason.setWidth("28em");
        reason.setMaxLength(DenialReason.MAX);
        InlineProblem refused = new InlineProblem("approvals-deny-problem");
        Button yes = new Button(getTranslation("approvals.deny.yes"), click -> {
            if (!DenialReason.isValid(reason.getValue())) {
                reason.setErrorMessage(getTranslation("approvals.deny.reason.invalid", DenialReason.MAX));
                reason.setInvalid(true);
                return;
            }
            clearOutcome();
            refused.attempt(() -> assets.deny(row.asset().dt(), row.composition(), reason.getValue().strip()))
                    .ifPresent(denied -> {
                        dialog.close();
                        outcome.setText(getTranslation("approvals.denied", Formats.shortHex(row.composition())));
                        load();
                    });
        });
        yes.setId("approvals-deny-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button no = new Button(getTranslation("approvals.revoke.no"), click -> dialog.close());
        no.setId("approvals-deny-no");
        dialog.add(new VerticalLayout(new Span(getTranslation("approvals.deny.explain")), reason, refused));
        dialog.getFooter().add(no, yes);
        dialog.open();
    }

    private void confirmRevoke(ApprovalRow row) {
        Dialog dialog = new Dialog();
        dialog.setId("approvals-confirm");
        dialog.setHeaderTitle(getTranslation("approvals.revoke.title"));
        dialog.add(new Span(getTranslation("approvals.revoke.confirm", Formats.shortHex(row.composition()),
                Formats.shortHex(row.asset().dt()))));
        Button yes = new Button(getTranslation("approvals.revoke.yes"), click -> {
            dialog.close();
            revoke(row);
        });
        yes.setId("approvals-confirm-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button no = new Button(getTranslation("approvals.revoke.no"), click -> dialog.close());
        no.setId("approvals-confirm-no");
        dialog.getFooter().add(no, yes);
        dialog.open();
    }

    private void revoke(ApprovalRow row) {
        clearOutcome();
        actionProblem.attempt(() -> assets.revokeGrant(row.asset().dt(), row.composition())).ifPresent(revoked -> {
            outcome.setText(getTranslation("approvals.revoked", Formats.shortHex(row.composition())));
            load();
        });
    }

    private void clearOutcome() {
        actionProblem.clear();
        outcome.setText("");
        report.removeAll();
    }

    private void showReport(ApprovalRow row, VerificationReport answer) {
        report.removeAll();
        H3 heading = new H3(getTranslation("approvals.report.title", Formats.shortHex(row.composition())));
        Span verdict = new Span(getTranslation(answer.passed() ? "approvals.report.passed" : "approvals.report.denied"));
        verdict.setId("approvals-report-verdict");
        Grid<VerificationReport.Child> children = new Grid<>();
        children.setId("approvals-report-children");
        children.setAllRowsVisible(true);
        children.addThemeVariants(GridVariant.LUMO_COMPACT);
        children.addColumn(child -> Formats.shortHex(child.child())).setHeader(getTranslation("approvals.report.child"))
                .setAutoWidth(true);
        children.addColumn(VerificationReport.Child::owner).setHeader(getTranslation("approvals.owner")).setAutoWidth(true);
        children.addColumn(child -> getTranslation(child.passed() ? "approvals.report.met" : "approvals.report.not-met")
                        + (child.asIs() ? " (" + getTranslation("approvals.report.as-is") + ")" : ""))
                .setHeader(getTranslation("approvals.report.terms")).setAutoWidth(true);
        children.addColumn(Formats::whyNot).setHeader(getTranslation("approvals.report.why"));
        children.setItems(answer.children());
        report.add(heading, verdict, children);
    }
}
