package io.datatoken.portal.ui.workflows;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.datatoken.portal.security.CurrentUser;
import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.AssetClient;
import io.datatoken.portal.services.BackendProblem;
import io.datatoken.portal.services.CatalogQuery;
import io.datatoken.portal.services.TrustedOp;
import io.datatoken.portal.services.VerificationReport;
import io.datatoken.portal.services.VerifierClient;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.InlineProblem;
import io.datatoken.portal.ui.MainLayout;
import io.datatoken.portal.ui.Panel;
import io.datatoken.portal.ui.jobs.JobsView;
import io.datatoken.portal.ui.register.AssetTerms;
import io.datatoken.portal.ui.register.DdoBuilder;
import io.datatoken.portal.ui.trace.TraceView;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The workflow builder: an algorithm provider picks child assets from the catalog, chooses the op the
 * composition runs on each (among those the child offers), names the purpose and the workflow's
 * parameters, and sees after every change whether each child's terms are met — the verifier's verdict
 * on the draft, why denied inline — then registers the composition as an ALGORITHM asset.
 */
@Route(value = "workflows", layout = MainLayout.class)
@Dependent
public class WorkflowsView extends VerticalLayout implements HasDynamicTitle {

    private final AssetClient assets;
    private final VerifierClient verifier;

    private final CompositionDraft draft;
    private final WorkflowForm form = new WorkflowForm();
    private final Binder<WorkflowForm> binder = new Binder<>();
    private final TextField title = new TextField();
    private final TextField endpoint = new TextField();
    private final TextField purpose = new TextField();
    private final TextArea params = new TextArea();
    private final Panel panel;
    private final ComboBox<Asset> childSearch = new ComboBox<>();
    private final Grid<CompositionDraft.Step> children = new Grid<>();
    private final Span childrenError = new Span();
    private final Span verdict = new Span();
    private final InlineProblem checkProblem = new InlineProblem("workflow-check-problem");
    private final Button register = new Button();
    private final Div registered = new Div();
    /** The verifier's verdict per child of the last check; empty until checked. */
    private Map<String, VerificationReport.Child> verdicts = Map.of();
    private final Map<String, Optional<TrustedOp>> opNames = new HashMap<>();

    @Inject
    public WorkflowsView(AssetClient assets, VerifierClient verifier) {
        this.assets = assets;
        this.verifier = verifier;
        this.draft = new CompositionDraft(DdoBuilder.newDt(),
                CurrentUser.find().flatMap(user -> user.organization()).orElse(""));
        H2 heading = new H2(getTranslation("workflows.title"));
        heading.setId("view-title");
        add(heading, new Span(getTranslation("workflows.intro")));
        panel = new Panel("workflow", getTranslation("workflows.form.title"));
        panel.setWidthFull();
        registered.setId("workflow-result");
        registered.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("background", "var(--lumo-success-color-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        registered.setVisible(false);
        panel.with(registered, fields(), childPicker(), childrenGrid(), childrenError, verdict, checkProblem, submit());
        add(panel);
        check();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.workflows"));
    }

    private FormLayout fields() {
        title.setLabel(getTranslation("workflows.asset.title"));
        title.setId("workflow-title");
        binder.forField(title)
                .withValidator(AssetTerms::isValidTitle, getTranslation("register.asset.title.invalid", AssetTerms.MAX_TITLE))
                .bind(WorkflowForm::getTitle, WorkflowForm::setTitle);

        TextArea description = new TextArea(getTranslation("register.description"));
        description.setId("workflow-description");
        binder.forField(description)
                .withValidator(AssetTerms::isValidDescription,
                        getTranslation("register.description.invalid", AssetTerms.MAX_DESCRIPTION))
                .bind(WorkflowForm::getDescription, WorkflowForm::setDescription);

        endpoint.setLabel(getTranslation("workflows.endpoint"));
        endpoint.setId("workflow-endpoint");
        endpoint.setPlaceholder("https://node.example/");
        endpoint.setHelperText(getTranslation("workflows.endpoint.helper"));
        binder.forField(endpoint)
                .withValidator(AssetTerms::isValidEndpoint, getTranslation("register.endpoint.invalid"))
                .bind(WorkflowForm::getEndpoint, WorkflowForm::setEndpoint);

        purpose.setLabel(getTranslation("workflows.purpose"));
        purpose.setId("workflow-purpose");
        purpose.setHelperText(getTranslation("workflows.purpose.helper"));
        binder.forField(purpose)
                .withValidator(text -> text == null || text.strip().length() <= CompositionDraft.MAX_PURPOSE,
                        getTranslation("workflows.purpose.invalid", CompositionDraft.MAX_PURPOSE))
                .bind(WorkflowForm::getPurpose, WorkflowForm::setPurpose);

        params.setLabel(getTranslation("workflows.params"));
        params.setId("workflow-params");
        params.setPlaceholder("recipient = fintech-c\nscale_bits = 16");
        params.setHelperText(getTranslation("workflows.params.helper"));
        binder.forField(params)
                .withValidator((text, context) -> WorkflowParams.firstMalformedLine(text)
                        .map(line -> ValidationResult.error(getTranslation("workflows.params.invalid", line)))
                        .orElseGet(ValidationResult::ok))
                .bind(WorkflowForm::getParams, WorkflowForm::setParams);

        form.setEndpoint(panel.problem().attempt(assets::endpointOfMyNewest).flatMap(e -> e).orElse(""));
        binder.setBean(form);
        // What the children's terms judge: a change of either is checked again at once (from the
        // fields' values: the bean keeps its last valid value while a field is invalid).
        purpose.addValueChangeListener(change -> check());
        params.addValueChangeListener(change -> check());

        FormLayout fields = new FormLayout(title, endpoint, description, purpose, params);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("44em", 2));
        fields.setMaxWidth("60em");
        return fields;
    }

    /** A catalog search by words of the title or description; the asset picked becomes a child. */
    private ComboBox<Asset> childPicker() {
        childSearch.setId("workflow-child-search");
        childSearch.setLabel(getTranslation("workflows.children.add"));
        childSearch.setHelperText(getTranslation("workflows.children.add.helper"));
        childSearch.setWidth("36em");
        childSearch.setItemLabelGenerator(this::assetLabel);
        childSearch.setItems(query -> search(query.getFilter().orElse(null), query.getOffset(), query.getLimit()));
        childSearch.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                draft.add(change.getValue());
                childSearch.clear();
                childSearch.setInvalid(false);
                showChildren();
                check();
            }
        });
        return childSearch;
    }

    private Stream<Asset> search(String filter, int offset, int limit) {
        String text = filter == null || filter.isBlank() ? null
                : filter.strip().substring(0, Math.min(filter.strip().length(), CatalogQuery.MAX_TEXT));
        CatalogQuery query = new CatalogQuery(text, null, null, Math.min(limit, CatalogQuery.MAX_LIMIT), offset);
        return panel.problem().attempt(() -> assets.catalog(query)).orElse(List.of()).stream()
                .filter(asset -> !asset.dt().equalsIgnoreCase(draft.dt()));
    }

    private Grid<CompositionDraft.Step> childrenGrid() {
        children.setId("workflow-children");
        children.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        children.setAllRowsVisible(true);
        children.addColumn(step -> step.child().title() == null ? Formats.shortHex(step.child().dt()) : step.child().title())
                .setTooltipGenerator(step -> step.child().dt())
                .setHeader(getTranslation("workflows.child")).setFlexGrow(1).setResizable(true);
        children.addColumn(step -> step.child().owner()).setHeader(getTranslation("workflows.owner")).setAutoWidth(true);
        children.addColumn(step -> step.child().assetKind().map(k -> getTranslation("kind." + k.name()))
                .orElse(step.child().kind())).setHeader(getTranslation("workflows.kind")).setAutoWidth(true);
        children.addColumn(new ComponentRenderer<>(this::opChoice)).setHeader(getTranslation("workflows.op"))
                .setAutoWidth(true);
        children.addColumn(new ComponentRenderer<>(this::verdictOf)).setHeader(getTranslation("workflows.terms"))
                .setFlexGrow(2);
        children.addColumn(new ComponentRenderer<>(this::removal)).setAutoWidth(true).setFlexGrow(0);
        children.setVisible(false);
        childrenError.setId("workflow-children-error");
        childrenError.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        verdict.setId("workflow-verdict");
        return children;
    }

    private ComboBox<String> opChoice(CompositionDraft.Step step) {
        ComboBox<String> op = new ComboBox<>();
        op.setId("workflow-op-" + step.child().dt());
        op.setItems(step.child().supportedOps());
        op.setItemLabelGenerator(this::opLabel);
        op.setPlaceholder(getTranslation("workflows.op.choose"));
        op.setValue(step.op());
        op.setWidth("18em");
        op.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                draft.setOp(step.child().dt(), change.getValue());
                childrenError.setText("");
                check();
            }
        });
        return op;
    }

    private Span verdictOf(CompositionDraft.Step step) {
        VerificationReport.Child child = verdicts.get(step.child().dt());
        Span cell = new Span();
        cell.setId("workflow-verdict-" + step.child().dt());
        if (child == null) {
            cell.setText(getTranslation("workflows.terms.unchecked"));
        } else if (child.passed()) {
            cell.setText(getTranslation("approvals.report.met") + asIs(child));
            cell.getStyle().set("color", "var(--lumo-success-text-color)");
        } else {
            cell.setText(getTranslation("approvals.report.not-met") + asIs(child) + ": " + Formats.whyNot(child));
            cell.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "normal");
        }
        return cell;
    }

    /** " (used as is)" for a composition the draft runs no op on, whose own workflow runs. */
    private String asIs(VerificationReport.Child child) {
        return child.asIs() ? " (" + getTranslation("approvals.report.as-is") + ")" : "";
    }

    private Button removal(CompositionDraft.Step step) {
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
            draft.remove(step.child().dt());
            showChildren();
            check();
        });
        remove.setId("workflow-remove-" + step.child().dt());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        remove.setTooltipText(getTranslation("workflows.children.remove"));
        return remove;
    }

    private Button submit() {
        register.setText(getTranslation("workflows.submit"));
        register.setIcon(VaadinIcon.PLUS.create());
        register.setId("workflow-register");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.addClickListener(click -> register());
        return register;
    }

    private void showChildren() {
        children.setItems(draft.steps());
        children.setVisible(!draft.isEmpty());
    }

    /** Asks the verifier for its verdict on the draft as it stands; fields not valid yet are left out of it. */
    private void check() {
        checkProblem.clear();
        if (draft.isEmpty()) {
            verdicts = Map.of();
            verdict.setText(getTranslation("workflows.verdict.empty"));
            verdict.getStyle().remove("color");
            return;
        }
        var ddo = draft.ddo(AssetTerms.isValidTitle(title.getValue()) ? title.getValue() : getTranslation("workflows.title"),
                null, AssetTerms.isValidEndpoint(endpoint.getValue()) ? endpoint.getValue() : null,
                purpose.getValue().strip().length() <= CompositionDraft.MAX_PURPOSE ? purpose.getValue() : null,
                WorkflowParams.parse(params.getValue()));
        checkProblem.attempt(() -> verifier.verifyDraft(ddo)).ifPresentOrElse(report -> {
            verdicts = report.children().stream()
                    .collect(Collectors.toMap(VerificationReport.Child::child, c -> c, (a, b) -> a));
            long denied = report.children().stream().filter(c -> !c.passed()).count();
            verdict.setText(report.passed() ? getTranslation("workflows.verdict.passed")
                    : getTranslation("workflows.verdict.denied", denied, report.children().size()));
            verdict.getStyle().set("color", report.passed() ? "var(--lumo-success-text-color)"
                    : "var(--lumo-error-text-color)");
        }, () -> {
            verdicts = Map.of();
            verdict.setText("");
        });
        children.getDataProvider().refreshAll();
    }

    private void register() {
        registered.setVisible(false);
        boolean valid = binder.validate().isOk();
        childrenError.setText("");
        if (draft.isEmpty()) {
            childSearch.setErrorMessage(getTranslation("workflows.children.required"));
            childSearch.setInvalid(true);
            valid = false;
        } else if (!needingOp().isEmpty()) {
            childrenError.setText(getTranslation("workflows.op.required", needingOp().stream()
                    .map(this::assetLabel).collect(Collectors.joining(", "))));
            valid = false;
        }
        if (!valid || CurrentUser.find().flatMap(user -> user.organization()).isEmpty()) {
            return;
        }
        var ddo = draft.ddo(form.getTitle(), form.getDescription(), form.getEndpoint(), form.getPurpose(),
                WorkflowParams.parse(form.getParams()));
        panel.problem().attempt(() -> assets.register(ddo)).ifPresent(this::show);
    }

    /** Children without an op that the verifier's last verdict does not take as compositions used as is. */
    private List<Asset> needingOp() {
        return draft.withoutOp().stream().filter(child -> {
            VerificationReport.Child verdict = verdicts.get(child.dt());
            return verdict == null || !verdict.asIs();
        }).toList();
    }

    private void show(Asset asset) {
        registered.removeAll();
        Span dt = new Span(asset.dt());
        dt.setId("workflow-dt");
        RouterLink jobs = new RouterLink(getTranslation("workflows.done.jobs"), JobsView.class);
        jobs.setId("workflow-jobs-link");
        RouterLink trace = new RouterLink(getTranslation("workflows.done.trace"), TraceView.class, asset.dt());
        trace.setId("workflow-trace-link");
        Button another = new Button(getTranslation("workflows.done.another"), click -> UI.getCurrent().getPage().reload());
        another.setId("workflow-another");
        another.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        registered.add(new Span(getTranslation("workflows.done", asset.title()) + " "), dt, new Div(jobs),
                new Div(trace), another);
        registered.setVisible(true);
        register.setEnabled(false);
    }

    private String assetLabel(Asset asset) {
        return (asset.title() == null ? Formats.shortHex(asset.dt()) : asset.title()) + " · " + asset.owner() + " · "
                + asset.assetKind().map(k -> getTranslation("kind." + k.name())).orElse(asset.kind());
    }

    /** The op's name and version as the registry knows it, else its hash. */
    private String opLabel(String opHash) {
        return opNames.computeIfAbsent(opHash, this::knownOp)
                .map(op -> op.name() + " " + op.version() + (op.deprecated() ? " (" + getTranslation("workflows.op.deprecated") + ")" : ""))
                .orElse(Formats.shortHex(opHash));
    }

    /** The op as the registry knows it; an offer may name an op never published, which is no failure here. */
    private Optional<TrustedOp> knownOp(String opHash) {
        try {
            return Optional.of(assets.op(opHash));
        } catch (BackendProblem unknown) {
            return Optional.empty();
        }
    }
}
