package io.datatoken.portal.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.datatoken.portal.services.AdminClient;
import io.datatoken.portal.services.AssetClient;
import io.datatoken.portal.services.Organization;
import io.datatoken.portal.services.TrustedOp;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.InlineProblem;
import io.datatoken.portal.ui.MainLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The platform admin's view: onboard an organization with its first member, look one up by alias (or
 * pick it in the list of all organizations) and suspend or reinstate it (after a confirmation), publish
 * trusted ops from an uploaded code package and deprecate them. The ops published or looked up here
 * have a grid of their own, with their deprecate buttons; below it, every op of the registry. Both lists
 * are loaded when the view opens and again after each change made here.
 */
@Route(value = "admin", layout = MainLayout.class)
@Dependent
public class AdminView extends VerticalLayout implements HasDynamicTitle {

    private final AdminClient admin;
    private final AssetClient assets;

    private final InlineProblem onboardProblem = new InlineProblem("admin-onboard-problem");
    private final Div onboarded = new Div();

    private final TextField lookupAlias = new TextField();
    private final InlineProblem organizationProblem = new InlineProblem("admin-organization-problem");
    private final Div organizationDetails = new Div();
    private final Button suspend = new Button();
    private final Button reinstate = new Button();
    private Organization shown;

    private final InlineProblem opProblem = new InlineProblem("admin-op-problem");
    private final Span packageState = new Span();
    private final Grid<TrustedOp> opsGrid = new Grid<>();
    private final List<TrustedOp> ops = new ArrayList<>();
    private byte[] codePackage;

    private final InlineProblem organizationsProblem = new InlineProblem("admin-organizations-problem");
    private final Grid<Organization> organizationsGrid = new Grid<>();
    private final InlineProblem allOpsProblem = new InlineProblem("admin-ops-grid-problem");
    private final Grid<TrustedOp> allOpsGrid = new Grid<>();

    @Inject
    public AdminView(AdminClient admin, AssetClient assets) {
        this.admin = admin;
        this.assets = assets;
        H2 title = new H2(getTranslation("admin.title"));
        title.setId("view-title");
        add(title,
                new H3(getTranslation("admin.onboard.title")), onboardForm(), onboardProblem, onboarded,
                new H3(getTranslation("admin.organization.title")), lookup(), organizationProblem, organizationDetails,
                new H3(getTranslation("admin.list.organizations.title")), organizationsProblem, organizationsGrid(),
                new H3(getTranslation("admin.ops.title")), opForm(), opProblem, opsGrid(),
                new H3(getTranslation("admin.list.ops.title")), allOpsProblem, allOpsGrid());
        onboarded.setId("admin-onboarded");
        organizationDetails.setId("admin-organization");
        showOrganization(null);
        refreshOrganizations();
        refreshOps();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.admin"));
    }

    private VerticalLayout onboardForm() {
        OnboardingForm form = new OnboardingForm();
        Binder<OnboardingForm> binder = new Binder<>();
        TextField alias = text("admin-alias", "admin.alias");
        alias.setHelperText(getTranslation("admin.alias.help"));
        binder.forField(alias).asRequired(getTranslation("admin.alias.invalid"))
                .withValidator(OnboardingForm::isValidAlias, getTranslation("admin.alias.invalid"))
                .bind(OnboardingForm::getAlias, OnboardingForm::setAlias);
        TextField name = text("admin-name", "admin.name");
        binder.forField(name).asRequired(getTranslation("admin.name.required"))
                .bind(OnboardingForm::getName, OnboardingForm::setName);
        TextField domain = text("admin-domain", "admin.domain");
        domain.setPlaceholder("example.com");
        binder.forField(domain).asRequired(getTranslation("admin.domain.invalid"))
                .withValidator(OnboardingForm::isValidDomain, getTranslation("admin.domain.invalid"))
                .bind(OnboardingForm::getDomain, OnboardingForm::setDomain);
        CheckboxGroup<String> roles = new CheckboxGroup<>(getTranslation("admin.roles"));
        roles.setId("admin-roles");
        roles.setItems(OnboardingForm.ROLES);
        roles.setItemLabelGenerator(role -> getTranslation("role." + role));
        binder.forField(roles).withValidator(OnboardingForm::isValidRoles, getTranslation("admin.roles.required"))
                .bind(OnboardingForm::getRoles, OnboardingForm::setRoles);

        TextField username = text("admin-member-username", "admin.member.username");
        binder.forField(username).asRequired(getTranslation("admin.member.username.invalid"))
                .withValidator(OnboardingForm::isValidUsername, getTranslation("admin.member.username.invalid"))
                .bind(OnboardingForm::getUsername, OnboardingForm::setUsername);
        TextField email = text("admin-member-email", "admin.member.email");
        binder.forField(email).asRequired(getTranslation("admin.member.email.invalid"))
                .withValidator(OnboardingForm::isValidEmail, getTranslation("admin.member.email.invalid"))
                .bind(OnboardingForm::getEmail, OnboardingForm::setEmail);
        TextField firstName = text("admin-member-first-name", "admin.member.first-name");
        binder.forField(firstName).asRequired(getTranslation("admin.member.first-name.required"))
                .bind(OnboardingForm::getFirstName, OnboardingForm::setFirstName);
        TextField lastName = text("admin-member-last-name", "admin.member.last-name");
        binder.forField(lastName).asRequired(getTranslation("admin.member.last-name.required"))
                .bind(OnboardingForm::getLastName, OnboardingForm::setLastName);
        PasswordField password = new PasswordField(getTranslation("admin.member.password"));
        password.setId("admin-member-password");
        password.setHelperText(getTranslation("admin.member.password.help"));
        binder.forField(password).asRequired(getTranslation("admin.member.password.invalid", OnboardingForm.MIN_PASSWORD))
                .withValidator(OnboardingForm::isValidPassword,
                        getTranslation("admin.member.password.invalid", OnboardingForm.MIN_PASSWORD))
                .bind(OnboardingForm::getPassword, OnboardingForm::setPassword);
        binder.setBean(form);

        Button onboard = new Button(getTranslation("admin.onboard.button"), VaadinIcon.PLUS.create(), click -> {
            onboarded.setText("");
            if (!binder.validate().isOk()) {
                return;
            }
            onboardProblem.attempt(() -> admin.onboard(form.toRequest())).ifPresent(organization -> {
                onboarded.setText(getTranslation("admin.onboard.done", organization.alias(),
                        organization.account() == null ? "" : organization.account()));
                lookupAlias.setValue(organization.alias());
                showOrganization(organization);
                refreshOrganizations();
            });
        });
        onboard.setId("admin-onboard");
        onboard.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        H3 member = new H3(getTranslation("admin.member.title"));
        member.getStyle().set("font-size", "var(--lumo-font-size-m)");
        return new VerticalLayout(row(alias, name, domain), roles, member,
                row(username, email, firstName, lastName, password), onboard);
    }

    private FlexLayout lookup() {
        lookupAlias.setLabel(getTranslation("admin.alias"));
        lookupAlias.setId("admin-lookup-alias");
        Binder<OnboardingForm> binder = new Binder<>();
        binder.forField(lookupAlias).asRequired(getTranslation("admin.alias.invalid"))
                .withValidator(OnboardingForm::isValidAlias, getTranslation("admin.alias.invalid"))
                .bind(OnboardingForm::getAlias, OnboardingForm::setAlias);
        binder.setBean(new OnboardingForm());
        Button find = new Button(getTranslation("admin.organization.find"), VaadinIcon.SEARCH.create(), click -> {
            if (binder.validate().isOk()) {
                act(admin::organization, lookupAlias.getValue().strip());
            }
        });
        find.setId("admin-lookup");
        suspend.setText(getTranslation("admin.suspend"));
        suspend.setId("admin-suspend");
        suspend.addThemeVariants(ButtonVariant.LUMO_ERROR);
        suspend.addClickListener(click -> confirm("admin.suspend.confirm", admin::suspend));
        reinstate.setText(getTranslation("admin.reinstate"));
        reinstate.setId("admin-reinstate");
        reinstate.addClickListener(click -> confirm("admin.reinstate.confirm", admin::reinstate));
        return row(lookupAlias, find, suspend, reinstate);
    }

    /** Asks before a change of the organization's standing; the dialog's buttons have ids for the tests. */
    private void confirm(String question, Function<String, Organization> change) {
        if (shown == null) {
            return;
        }
        String alias = shown.alias();
        Dialog dialog = new Dialog();
        dialog.setId("admin-confirm");
        dialog.setHeaderTitle(getTranslation("admin.confirm.title"));
        dialog.add(new Span(getTranslation(question, alias)));
        Button yes = new Button(getTranslation("admin.confirm.yes"), click -> {
            dialog.close();
            act(change, alias);
        });
        yes.setId("admin-confirm-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button no = new Button(getTranslation("admin.confirm.no"), click -> dialog.close());
        no.setId("admin-confirm-no");
        dialog.getFooter().add(no, yes);
        dialog.open();
    }

    private void act(Function<String, Organization> call, String alias) {
        organizationProblem.attempt(() -> call.apply(alias)).ifPresent(organization -> {
            showOrganization(organization);
            refreshOrganizations();
        });
    }

    private void showOrganization(Organization organization) {
        shown = organization;
        organizationDetails.removeAll();
        suspend.setVisible(organization != null && organization.active());
        reinstate.setVisible(organization != null && !organization.active());
        if (organization == null) {
            return;
        }
        Span state = new Span(getTranslation(organization.active() ? "admin.state.active" : "admin.state.suspended"));
        state.setId("admin-organization-state");
        state.getElement().setAttribute("data-active", String.valueOf(organization.active()));
        state.getStyle().set("font-weight", "600")
                .set("color", organization.active() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        organizationDetails.add(
                line("admin-organization-alias", "admin.alias", organization.alias()),
                line("admin-organization-roles", "admin.roles", String.join(", ", organization.roles() == null
                        ? List.of() : organization.roles().stream().map(r -> getTranslation("role." + r)).toList())),
                line("admin-organization-account", "admin.account", organization.account()),
                line("admin-organization-accounts", "admin.accounts",
                        organization.accounts() == null ? "" : String.join(", ", organization.accounts())),
                new Div(new Span(getTranslation("admin.state") + ": "), state));
    }

    private Div line(String id, String label, String value) {
        Span text = new Span(value == null ? "" : value);
        text.setId(id);
        return new Div(new Span(getTranslation(label) + ": "), text);
    }

    private VerticalLayout opForm() {
        OpForm form = new OpForm();
        Binder<OpForm> binder = new Binder<>();
        TextField name = text("admin-op-name", "admin.op.name");
        binder.forField(name).asRequired(getTranslation("admin.op.name.invalid"))
                .withValidator(OpForm::isValidName, getTranslation("admin.op.name.invalid"))
                .bind(OpForm::getName, OpForm::setName);
        TextField version = text("admin-op-version", "admin.op.version");
        version.setPlaceholder("1.0.0");
        binder.forField(version).asRequired(getTranslation("admin.op.version.invalid"))
                .withValidator(OpForm::isValidVersion, getTranslation("admin.op.version.invalid"))
                .bind(OpForm::getVersion, OpForm::setVersion);
        binder.setBean(form);

        // In memory: a package is at most 256 KiB; larger files are refused by the upload itself.
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setId("admin-op-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(OpForm.MAX_PACKAGE_BYTES);
        upload.setDropLabel(new Span(getTranslation("admin.op.package")));
        upload.addSucceededListener(done -> {
            try (var in = buffer.getInputStream()) {
                codePackage = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            packageState.setText(getTranslation("admin.op.package.ready", done.getFileName(), codePackage.length));
            packageState.getStyle().remove("color");
        });
        upload.addFileRejectedListener(rejected -> {
            codePackage = null;
            packageState.setText(getTranslation("admin.op.package.too-large", OpForm.MAX_PACKAGE_BYTES));
            packageState.getStyle().set("color", "var(--lumo-error-text-color)");
        });
        upload.addFileRemovedListener(removed -> {
            codePackage = null;
            packageState.setText("");
        });
        packageState.setId("admin-op-package");
        packageState.getStyle().set("font-size", "var(--lumo-font-size-s)");

        Button publish = new Button(getTranslation("admin.op.publish"), VaadinIcon.UPLOAD.create(), click -> {
            boolean fieldsValid = binder.validate().isOk();
            if (!OpForm.isValidPackage(codePackage)) {
                packageState.setText(getTranslation("admin.op.package.required"));
                packageState.getStyle().set("color", "var(--lumo-error-text-color)");
                return;
            }
            if (!fieldsValid) {
                return;
            }
            opProblem.attempt(() -> admin.publishOp(form.getName().strip(), form.getVersion().strip(), codePackage))
                    .ifPresent(op -> {
                        showOp(op);
                        upload.clearFileList();
                        codePackage = null;
                        packageState.setText(getTranslation("admin.op.published", op.name(), op.version()));
                    });
        });
        publish.setId("admin-op-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        TextField hash = text("admin-op-hash", "admin.op.hash");
        hash.setPlaceholder("0x…");
        Binder<OpForm> hashBinder = new Binder<>();
        hashBinder.forField(hash).asRequired(getTranslation("admin.op.hash.required"))
                .bind(OpForm::getName, OpForm::setName);
        hashBinder.setBean(new OpForm());
        Button find = new Button(getTranslation("admin.op.find"), VaadinIcon.SEARCH.create(), click -> {
            if (hashBinder.validate().isOk()) {
                opProblem.attempt(() -> admin.op(hash.getValue().strip())).ifPresent(this::showOp);
            }
        });
        find.setId("admin-op-find");
        return new VerticalLayout(row(name, version, upload), packageState, row(publish), row(hash, find));
    }

    private Grid<TrustedOp> opsGrid() {
        opsGrid.setId("admin-ops");
        opsGrid.addColumn(TrustedOp::name).setHeader(getTranslation("admin.op.name")).setAutoWidth(true);
        opsGrid.addColumn(TrustedOp::version).setHeader(getTranslation("admin.op.version")).setAutoWidth(true);
        opsGrid.addColumn(op -> Formats.shortHex(op.opHash())).setHeader(getTranslation("admin.op.hash")).setAutoWidth(true);
        opsGrid.addColumn(op -> op.publishedAt() == null ? "" : Formats.time(op.publishedAt()))
                .setHeader(getTranslation("admin.op.published-at")).setAutoWidth(true);
        opsGrid.addColumn(op -> getTranslation(op.deprecated() ? "admin.op.state.deprecated" : "admin.op.state.usable"))
                .setHeader(getTranslation("admin.op.state")).setAutoWidth(true);
        opsGrid.addColumn(new ComponentRenderer<>(op -> {
            Button deprecate = new Button(getTranslation("admin.op.deprecate"), click ->
                    opProblem.attempt(() -> admin.deprecateOp(op.opHash())).ifPresent(this::showOp));
            deprecate.setId("admin-op-deprecate-" + op.opHash());
            deprecate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            deprecate.setEnabled(!op.deprecated());
            return deprecate;
        })).setAutoWidth(true);
        opsGrid.setEmptyStateText(getTranslation("admin.ops.none"));
        opsGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        opsGrid.setAllRowsVisible(true);
        return opsGrid;
    }

    /** Shows an op published, looked up or deprecated here, replacing what the grid had of it. */
    private void showOp(TrustedOp op) {
        ops.removeIf(o -> o.opHash().equals(op.opHash()));
        ops.addFirst(op);
        opsGrid.setItems(List.copyOf(ops));
        refreshOps();
    }

    /** Every organization the chain records; a click on one shows it above, to suspend or reinstate it. */
    private Grid<Organization> organizationsGrid() {
        organizationsGrid.setId("admin-organizations-grid");
        organizationsGrid.addColumn(Organization::alias).setHeader(getTranslation("admin.alias")).setAutoWidth(true);
        organizationsGrid.addColumn(organization -> String.join(", ", organization.roles() == null ? List.of()
                        : organization.roles().stream().map(r -> getTranslation("role." + r)).toList()))
                .setHeader(getTranslation("admin.roles")).setAutoWidth(true);
        organizationsGrid.addColumn(organization -> organization.accounts() == null ? 0 : organization.accounts().size())
                .setHeader(getTranslation("admin.list.organizations.accounts")).setAutoWidth(true);
        organizationsGrid.addColumn(organization -> organization.account() == null ? ""
                        : Formats.shortHex(organization.account()))
                .setHeader(getTranslation("admin.account")).setAutoWidth(true);
        organizationsGrid.addColumn(organization -> getTranslation(organization.active()
                        ? "admin.state.active" : "admin.state.suspended"))
                .setHeader(getTranslation("admin.state")).setAutoWidth(true);
        organizationsGrid.addItemClickListener(click -> {
            lookupAlias.setValue(click.getItem().alias());
            showOrganization(click.getItem());
        });
        organizationsGrid.setEmptyStateText(getTranslation("admin.list.organizations.none"));
        organizationsGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        organizationsGrid.setAllRowsVisible(true);
        return organizationsGrid;
    }

    /** Every op of the registry, deprecated ones included; deprecating is done in the grid above. */
    private Grid<TrustedOp> allOpsGrid() {
        allOpsGrid.setId("admin-ops-grid");
        allOpsGrid.addColumn(TrustedOp::name).setHeader(getTranslation("admin.op.name")).setAutoWidth(true);
        allOpsGrid.addColumn(TrustedOp::version).setHeader(getTranslation("admin.op.version")).setAutoWidth(true);
        allOpsGrid.addColumn(op -> Formats.shortHex(op.opHash())).setHeader(getTranslation("admin.op.hash"))
                .setAutoWidth(true);
        allOpsGrid.addColumn(op -> getTranslation(op.deprecated() ? "admin.op.state.deprecated" : "admin.op.state.usable"))
                .setHeader(getTranslation("admin.op.state")).setAutoWidth(true);
        allOpsGrid.addColumn(op -> op.publishedAt() == null ? "" : Formats.time(op.publishedAt()))
                .setHeader(getTranslation("admin.op.published-at")).setAutoWidth(true);
        allOpsGrid.setEmptyStateText(getTranslation("admin.list.ops.none"));
        allOpsGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        allOpsGrid.setAllRowsVisible(true);
        return allOpsGrid;
    }

    private void refreshOrganizations() {
        organizationsProblem.attempt(admin::organizations).ifPresent(organizationsGrid::setItems);
    }

    private void refreshOps() {
        allOpsProblem.attempt(assets::ops).ifPresent(allOpsGrid::setItems);
    }

    private TextField text(String id, String label) {
        TextField field = new TextField(getTranslation(label));
        field.setId(id);
        return field;
    }

    private static FlexLayout row(com.vaadin.flow.component.Component... components) {
        FlexLayout row = new FlexLayout(components);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }
}
