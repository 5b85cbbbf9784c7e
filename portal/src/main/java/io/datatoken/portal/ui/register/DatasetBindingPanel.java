package io.datatoken.portal.ui.register;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.AssetClient;
import io.datatoken.portal.services.BoundDataset;
import io.datatoken.portal.services.DatasetClient;
import io.datatoken.portal.services.NewDatasetBinding.Kind;
import io.datatoken.portal.services.OwnNode;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Local data: a data owner binds a dataset on its own premises to one of its DATA assets (an algorithm
 * provider its labels to its ALGORITHM asset) at the compute node the asset names, which reads it there;
 * the data never passes the portal. Fields are checked by the node's rules before anything is sent, the
 * node's refusal shows in place, and the datasets the node bound for the organization are listed.
 */
class DatasetBindingPanel extends Panel {

    private final DatasetClient datasets;
    private final AssetClient assets;
    private final DatasetBindingForm form = new DatasetBindingForm();
    private final Binder<DatasetBindingForm> binder = new Binder<>();
    private final ComboBox<Asset> asset = new ComboBox<>();
    private final RadioButtonGroup<Kind> kind = new RadioButtonGroup<>();
    private final TextField location = new TextField();
    private final TextField weights = new TextField();
    private final Div result = new Div();
    private final Span nodeText = new Span();
    private final Grid<BoundDataset> grid = new Grid<>();
    private List<Asset> bindable = List.of();
    private Binder.Binding<DatasetBindingForm, String> weightsRule;

    /** @param title the panel's heading */
    DatasetBindingPanel(AssetClient assets, DatasetClient datasets, String title) {
        super("dataset", title);
        this.assets = assets;
        this.datasets = datasets;
        Span intro = new Span(getTranslation("dataset.intro"));
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        result.setId("dataset-result");
        result.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("background", "var(--lumo-success-color-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        result.setVisible(false);
        nodeText.setId("dataset-node");
        nodeText.getStyle().set("font-size", "var(--lumo-font-size-s)");
        with(intro, result, fields(), bindButton(), nodeText, grid());
        setWidthFull();
        reload(null);
    }

    /** Offers a freshly registered asset, chosen (the asset service may not list it yet). */
    void preselect(Asset registered) {
        reload(registered);
        bindable.stream().filter(a -> a.dt().equalsIgnoreCase(registered.dt())).findFirst().ifPresent(asset::setValue);
    }

    private void reload(Asset registered) {
        List<Asset> offered = new ArrayList<>(DatasetTerms.bindable(problem().attempt(assets::mine).orElse(List.of())));
        if (registered != null && offered.stream().noneMatch(a -> a.dt().equalsIgnoreCase(registered.dt()))) {
            offered.addAll(0, DatasetTerms.bindable(List.of(registered)));
        }
        bindable = List.copyOf(offered);
        asset.setItems(bindable);
    }

    private FormLayout fields() {
        asset.setId("dataset-asset");
        asset.setLabel(getTranslation("dataset.asset"));
        asset.setHelperText(getTranslation("dataset.asset.helper"));
        asset.setItemLabelGenerator(a -> (a.title() == null ? "" : a.title() + " · ") + getTranslation("kind." + a.kind())
                + " · " + Formats.shortHex(a.dt()));
        binder.forField(asset).asRequired(getTranslation("dataset.asset.required"))
                .bind(DatasetBindingForm::getAsset, DatasetBindingForm::setAsset);
        asset.addValueChangeListener(change -> chosen(change.getValue()));

        kind.setId("dataset-kind");
        kind.setLabel(getTranslation("dataset.kind"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("dataset.kind." + k.name()));
        binder.forField(kind).asRequired(getTranslation("dataset.kind.required"))
                .bind(DatasetBindingForm::getKind, DatasetBindingForm::setKind);

        location.setId("dataset-location");
        location.setLabel(getTranslation("dataset.location"));
        location.setPlaceholder("loans.csv");
        location.setHelperText(getTranslation("dataset.location.helper"));
        Binder.Binding<DatasetBindingForm, String> locationRule = binder.forField(location)
                .withValidator((value, context) -> DatasetTerms.isValidLocation(kind.getValue(), value) ? ValidationResult.ok()
                        : ValidationResult.error(getTranslation(locationMessage(value))))
                .bind(DatasetBindingForm::getLocation, DatasetBindingForm::setLocation);

        weights.setId("dataset-weights");
        weights.setLabel(getTranslation("dataset.weights"));
        weights.setHelperText(getTranslation("dataset.weights.helper"));
        weightsRule = binder.forField(weights)
                .withValidator((value, context) -> DatasetTerms.isValidWeights(kind.getValue(), asset.getValue(), value)
                        ? ValidationResult.ok()
                        : ValidationResult.error(getTranslation(DatasetTerms.takesWeights(asset.getValue())
                        ? "dataset.weights.invalid." + kind.getValue() : "dataset.weights.algorithm")))
                .bind(DatasetBindingForm::getWeights, DatasetBindingForm::setWeights);
        binder.setBean(form);
        // a rule that depends on another field is checked again when that field changes
        kind.addValueChangeListener(change -> {
            if (!location.isEmpty()) {
                locationRule.validate();
            }
            if (!weights.isEmpty()) {
                weightsRule.validate();
            }
        });

        FormLayout fields = new FormLayout(asset, kind, location, weights);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("44em", 2));
        fields.setMaxWidth("60em");
        return fields;
    }

    private String locationMessage(String value) {
        if (value == null || value.isBlank()) {
            return "dataset.location.required";
        }
        return "dataset.location.invalid." + (kind.getValue() == null ? Kind.CSV : kind.getValue());
    }

    private Button bindButton() {
        Button bind = new Button(getTranslation("dataset.bind"), VaadinIcon.LINK.create(), click -> bind());
        bind.setId("dataset-bind");
        bind.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return bind;
    }

    private Grid<BoundDataset> grid() {
        grid.setId("dataset-grid");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("dataset.none"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(d -> Formats.shortHex(d.dt())).setTooltipGenerator(BoundDataset::dt)
                .setHeader(getTranslation("dataset.grid.dt")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::titleOf).setHeader(getTranslation("dataset.grid.asset")).setFlexGrow(1);
        grid.addColumn(d -> d.sourceKind() == null ? "" : getTranslation("dataset.kind." + d.sourceKind()))
                .setHeader(getTranslation("dataset.grid.kind")).setAutoWidth(true);
        grid.addColumn(d -> Formats.time(d.boundAt())).setHeader(getTranslation("dataset.grid.bound-at")).setAutoWidth(true);
        grid.setVisible(false);
        return grid;
    }

    /** The title of the organization's asset the dataset is bound to, if it is among those offered. */
    private String titleOf(BoundDataset dataset) {
        return bindable.stream().filter(a -> a.dt().equalsIgnoreCase(dataset.dt()) && a.title() != null)
                .map(Asset::title).findFirst().orElse("");
    }

    /** A new asset chosen: what its node bound already, or why there is no node to bind at. */
    private void chosen(Asset chosen) {
        result.setVisible(false);
        problem().clear();
        if (!weights.isEmpty()) {
            weightsRule.validate();
        }
        show(chosen == null ? Optional.empty() : node(chosen));
    }

    /** The asset's node; empty with the reason shown when there is none. */
    private Optional<OwnNode> node(Asset chosen) {
        Optional<Optional<OwnNode>> found = problem().attempt(() -> datasets.nodeOf(chosen));
        if (found.isPresent() && found.get().isEmpty()) {
            asset.setErrorMessage(getTranslation("dataset.asset.no-node"));
            asset.setInvalid(true);
        }
        return found.flatMap(Function.identity());
    }

    private void show(Optional<OwnNode> node) {
        nodeText.setText(node.map(n -> getTranslation("dataset.node", n.url())).orElse(""));
        grid.setVisible(node.isPresent());
        grid.setItems(node.flatMap(n -> problem().attempt(() -> datasets.bound(n))).orElse(List.of()));
    }

    private void bind() {
        result.setVisible(false);
        if (!binder.validate().isOk()) {
            return;
        }
        Asset chosen = form.getAsset();
        node(chosen).ifPresent(node -> problem().attempt(() -> datasets.bind(node, form.toBinding())).ifPresent(bound -> {
            result.setText(getTranslation("dataset.done", getTranslation("dataset.kind." + bound.sourceKind()),
                    chosen.title() == null ? Formats.shortHex(chosen.dt()) : chosen.title(), node.url()));
            result.setVisible(true);
            show(Optional.of(node));
        }));
    }
}
