package io.datatoken.portal.ui.register;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.portal.security.CurrentUser;
import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.AssetClient;
import io.datatoken.portal.services.DatasetClient;
import io.datatoken.portal.services.TrustedOp;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.MainLayout;
import io.datatoken.portal.ui.Panel;
import io.datatoken.portal.ui.catalog.CatalogView;
import io.datatoken.portal.ui.workflows.WorkflowsView;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Register asset: a data or compute provider describes a new asset (title, ops it offers, terms, its
 * node's endpoint); the form refuses what the DDO schema would, the asset service's refusal shows in
 * place, and a registration shows its DT id. Composed assets (algorithms) are the workflow builder's.
 */
@Route(value = "register", layout = MainLayout.class)
@Dependent
public class RegisterView extends VerticalLayout implements HasDynamicTitle {

    private final AssetClient assets;
    private final RegisterForm form = new RegisterForm();
    private final Binder<RegisterForm> binder = new Binder<>();
    private final RadioButtonGroup<AssetKind> kind = new RadioButtonGroup<>();
    private final Panel panel;
    private final Div registered = new Div();
    private final DatasetBindingPanel localData;

    @Inject
    public RegisterView(AssetClient assets, DatasetClient datasets) {
        this.assets = assets;
        H2 title = new H2(getTranslation("register.title"));
        title.setId("view-title");
        add(title);
        if (has(PlatformRole.ALGORITHM_PROVIDER)) {
            // an algorithm is a composition: its form is the workflow builder's
            RouterLink compose = new RouterLink(getTranslation("register.algorithm.link"), WorkflowsView.class);
            compose.setId("register-algorithm-link");
            add(compose);
        }
        panel = new Panel("register", getTranslation("register.form.title"));
        panel.with(registered, kindChoice(), fields(), submit());
        panel.setWidthFull();
        registered.setId("register-result");
        registered.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("background", "var(--lumo-success-color-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        registered.setVisible(false);
        localData = new DatasetBindingPanel(assets, datasets, getTranslation("dataset.title"));
        add(panel, localData);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.register"));
    }

    /** The kinds the user's roles may register here. */
    static List<AssetKind> kinds(Function<PlatformRole, Boolean> has) {
        List<AssetKind> kinds = new ArrayList<>();
        if (has.apply(PlatformRole.DATA_PROVIDER)) {
            kinds.add(AssetKind.DATA);
        }
        if (has.apply(PlatformRole.COMPUTE_PROVIDER)) {
            kinds.add(AssetKind.COMPUTE);
        }
        return kinds;
    }

    private static boolean has(PlatformRole role) {
        return CurrentUser.find().map(user -> user.hasRole(role)).orElse(false);
    }

    private RadioButtonGroup<AssetKind> kindChoice() {
        kind.setId("register-kind");
        kind.setLabel(getTranslation("register.kind"));
        List<AssetKind> kinds = kinds(RegisterView::has);
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> getTranslation("kind." + k.name()));
        if (!kinds.isEmpty()) {
            kind.setValue(kinds.get(0));
        }
        kind.setHelperText(getTranslation("register.kind.helper"));
        return kind;
    }

    private FormLayout fields() {
        TextField title = new TextField(getTranslation("register.asset.title"));
        title.setId("register-title");
        binder.forField(title)
                .withValidator(AssetTerms::isValidTitle, getTranslation("register.asset.title.invalid", AssetTerms.MAX_TITLE))
                .bind(RegisterForm::getTitle, RegisterForm::setTitle);

        TextArea description = new TextArea(getTranslation("register.description"));
        description.setId("register-description");
        binder.forField(description)
                .withValidator(AssetTerms::isValidDescription,
                        getTranslation("register.description.invalid", AssetTerms.MAX_DESCRIPTION))
                .bind(RegisterForm::getDescription, RegisterForm::setDescription);

        MultiSelectComboBox<String> ops = new MultiSelectComboBox<>(getTranslation("register.ops"));
        ops.setId("register-ops");
        ops.setHelperText(getTranslation("register.ops.helper"));
        Map<String, TrustedOp> usable = panel.problem()
                .attempt(assets::ops)
                .orElse(List.of()).stream()
                .filter(op -> !op.deprecated())
                .collect(Collectors.toMap(TrustedOp::opHash, Function.identity(), (a, b) -> a));
        ops.setItems(usable.keySet().stream().sorted().toList());
        ops.setItemLabelGenerator(hash -> usable.containsKey(hash)
                ? usable.get(hash).name() + " " + usable.get(hash).version() + " · " + Formats.shortHex(hash)
                : Formats.shortHex(hash));
        binder.forField(ops).bind(RegisterForm::getOpSet, RegisterForm::setOpSet);

        TextField consumers = new TextField(getTranslation("register.consumers"));
        consumers.setId("register-consumers");
        consumers.setPlaceholder("fintech-c, regulator");
        consumers.setHelperText(getTranslation("register.consumers.helper"));
        binder.forField(consumers)
                .withValidator(AssetTerms::isValidConsumers, getTranslation("register.consumers.invalid"))
                .bind(RegisterForm::getConsumers, RegisterForm::setConsumers);

        DatePicker expiry = new DatePicker(getTranslation("register.expiry"));
        expiry.setId("register-expiry");
        expiry.setHelperText(getTranslation("register.expiry.helper"));
        binder.forField(expiry)
                .withValidator(day -> AssetTerms.isValidExpiry(day, LocalDate.now(ZoneOffset.UTC)),
                        getTranslation("register.expiry.invalid"))
                .bind(RegisterForm::getExpiry, RegisterForm::setExpiry);

        IntegerField maxUses = new IntegerField(getTranslation("register.max-uses"));
        maxUses.setId("register-max-uses");
        maxUses.setHelperText(getTranslation("register.max-uses.helper"));
        binder.forField(maxUses)
                .withValidator(AssetTerms::isValidMaxUses, getTranslation("register.max-uses.invalid"))
                .bind(RegisterForm::getMaxUses, RegisterForm::setMaxUses);

        TextField endpoint = new TextField(getTranslation("register.endpoint"));
        endpoint.setId("register-endpoint");
        endpoint.setPlaceholder("https://node.example/");
        endpoint.setHelperText(getTranslation("register.endpoint.helper"));
        binder.forField(endpoint)
                .withValidator(AssetTerms::isValidEndpoint, getTranslation("register.endpoint.invalid"))
                .bind(RegisterForm::getEndpoint, RegisterForm::setEndpoint);

        form.setEndpoint(panel.problem().attempt(assets::endpointOfMyNewest).flatMap(e -> e).orElse(""));
        binder.setBean(form);

        FormLayout fields = new FormLayout(title, endpoint, description, ops, consumers, expiry, maxUses);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("44em", 2));
        fields.setMaxWidth("60em");
        return fields;
    }

    private Button submit() {
        Button register = new Button(getTranslation("register.submit"), VaadinIcon.PLUS.create(), click -> register());
        register.setId("register-submit");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return register;
    }

    private void register() {
        registered.setVisible(false);
        boolean valid = binder.validate().isOk();
        kind.setInvalid(kind.isEmpty());
        kind.setErrorMessage(getTranslation("register.kind.required"));
        String owner = CurrentUser.find().flatMap(user -> user.organization()).orElse(null);
        if (!valid || kind.isEmpty() || owner == null) {
            return;
        }
        var ddo = DdoBuilder.ddo(DdoBuilder.newDt(), owner, kind.getValue(), form);
        panel.problem().attempt(() -> assets.register(ddo)).ifPresent(this::show);
    }

    private void show(Asset asset) {
        registered.removeAll();
        Span dt = new Span(asset.dt());
        dt.setId("register-dt");
        RouterLink catalog = new RouterLink(getTranslation("register.done.catalog"), CatalogView.class);
        catalog.setId("register-catalog-link");
        registered.add(new Span(getTranslation("register.done", asset.title()) + " "), dt, new Div(catalog));
        registered.setVisible(true);
        if (asset.assetKind().orElse(null) == AssetKind.DATA) {
            localData.preselect(asset);
        }
    }
}
