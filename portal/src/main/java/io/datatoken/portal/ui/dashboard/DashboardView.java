package io.datatoken.portal.ui.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.datatoken.portal.security.CurrentUser;
import io.datatoken.portal.security.SignedInUser;
import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.AssetClient;
import io.datatoken.portal.services.AuditEntry;
import io.datatoken.portal.services.DeviceClient;
import io.datatoken.portal.services.Job;
import io.datatoken.portal.services.JobClient;
import io.datatoken.portal.services.TracerClient;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.MainLayout;
import io.datatoken.portal.ui.Panel;
import io.datatoken.portal.ui.PortalSection;
import io.datatoken.portal.ui.approvals.ApprovalRow;
import io.datatoken.portal.ui.approvals.ApprovalRows;
import io.datatoken.portal.ui.approvals.ApprovalsView;
import io.datatoken.portal.ui.UserSummary;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The landing page: who I am and for which organization, my organization's assets (providers),
 * its running jobs (algorithm providers and data users), and the newest events of the chain that
 * concern it (every organization's for a regulator or an admin), and for a provider the compositions
 * using its assets that wait for its approval; for an end user, their own data tokens, each a link to
 * its trace, and their consent to each composition made of them ({@link MyDataPanel}). Only the panels
 * whose service answers the user's roles are shown ({@link DashboardPanel});
 * each shows its own failed call, and the others still load.
 */
@Route(value = "", layout = MainLayout.class)
@Dependent
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    static final int RECENT_EVENTS = 10;
    static final int ROWS = 10;

    @Inject
    public DashboardView(AssetClient assets, JobClient jobs, TracerClient tracer, DeviceClient devices) {
        SignedInUser user = CurrentUser.get();
        FlexLayout panels = new FlexLayout();
        panels.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        panels.setWidthFull();
        panels.getStyle().set("gap", "var(--lumo-space-m)");
        Set<DashboardPanel> shown = DashboardPanel.shownTo(user.roles());
        panels.add(card(organization(user), "1 1 300px"));
        if (shown.contains(DashboardPanel.MY_DATA)) {
            panels.add(card(new MyDataPanel(tracer, devices), "2 1 420px"));
        }
        if (shown.contains(DashboardPanel.MY_ASSETS)) {
            Panel assetsPanel = new Panel("my-assets", getTranslation("dashboard.assets.title"));
            Optional<List<Asset>> mine = assetsPanel.problem().attempt(assets::mine);
            panels.add(card(myAssets(assetsPanel, mine), "2 1 420px"));
            mine.filter(list -> !list.isEmpty())
                    .ifPresent(list -> panels.add(card(waitingApprovals(list, tracer, assets, user), "2 1 420px")));
        }
        if (shown.contains(DashboardPanel.RUNNING_JOBS)) {
            panels.add(card(runningJobs(jobs), "2 1 420px"));
        }
        H2 title = new H2(getTranslation("dashboard.title"));
        title.setId("view-title");
        add(title, panels);
        if (shown.contains(DashboardPanel.RECENT_EVENTS)) {
            add(recentEvents(tracer));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.dashboard"));
    }

    private Panel organization(SignedInUser user) {
        UserSummary summary = UserSummary.of(user);
        Span roles = new Span(summary.roles(role -> getTranslation("role." + role.roleName())));
        roles.setId("current-roles");
        Span organization = new Span(summary.organization());
        organization.setId("dashboard-organization");
        return new Panel("my-organization", getTranslation("dashboard.organization.title")).with(
                labelled("dashboard.organization.name", new Span(summary.name())),
                labelled("dashboard.organization.alias", organization),
                labelled("dashboard.organization.roles", roles));
    }

    private Panel myAssets(Panel panel, Optional<List<Asset>> mine) {
        Span count = new Span();
        count.setId("my-assets-count");
        Grid<Asset> grid = compactGrid("my-assets-grid", getTranslation("dashboard.assets.none"));
        grid.addColumn(Asset::title).setHeader(getTranslation("asset.title")).setFlexGrow(2);
        grid.addColumn(a -> getTranslation("kind." + a.kind())).setHeader(getTranslation("asset.kind"));
        grid.addColumn(a -> Formats.time(a.registeredAt())).setHeader(getTranslation("asset.registered"))
                .setAutoWidth(true);
        mine.ifPresent(list -> {
            count.setText(getTranslation("dashboard.assets.count", list.size()));
            grid.setItems(first(list));
        });
        return panel.with(count, grid);
    }

    /** The compositions using my organization's assets that nobody of it has granted anything yet. */
    private Panel waitingApprovals(List<Asset> mine, TracerClient tracer, AssetClient assets, SignedInUser user) {
        Panel panel = new Panel("dashboard-approvals", getTranslation("dashboard.approvals.title", 0));
        List<ApprovalRow> waiting = ApprovalRows.waiting(ApprovalRows.of(mine, tracer, assets, panel.problem()), Instant.now());
        panel.setTitle(getTranslation("dashboard.approvals.title", waiting.size()));
        Grid<ApprovalRow> grid = compactGrid("dashboard-approvals-grid", getTranslation("dashboard.approvals.none"));
        grid.addColumn(row -> row.asset().title() == null ? Formats.shortHex(row.asset().dt()) : row.asset().title())
                .setTooltipGenerator(row -> row.asset().dt()).setHeader(getTranslation("approvals.asset")).setFlexGrow(2);
        grid.addColumn(row -> Formats.shortHex(row.composition())).setTooltipGenerator(ApprovalRow::composition)
                .setHeader(getTranslation("approvals.composition")).setAutoWidth(true);
        grid.addColumn(row -> row.compositionOwner() == null ? "" : row.compositionOwner())
                .setHeader(getTranslation("approvals.owner")).setAutoWidth(true);
        grid.setItems(first(waiting));
        panel.with(grid);
        if (PortalSection.APPROVALS.allows(user.roles())) {
            RouterLink approvals = new RouterLink(getTranslation("dashboard.approvals.open"), ApprovalsView.class);
            approvals.setId("dashboard-approvals-link");
            panel.with(approvals);
        }
        return panel;
    }

    private Panel runningJobs(JobClient jobs) {
        Panel panel = new Panel("my-jobs", getTranslation("dashboard.jobs.title"));
        Span count = new Span();
        count.setId("my-jobs-count");
        Grid<Job> grid = compactGrid("my-jobs-grid", getTranslation("dashboard.jobs.none"));
        grid.addColumn(j -> Formats.shortHex(j.jobId())).setHeader(getTranslation("job.id"));
        grid.addColumn(j -> getTranslation("job.state." + j.state())).setHeader(getTranslation("job.state"));
        grid.addColumn(j -> Formats.time(j.submittedAt())).setHeader(getTranslation("job.submitted"))
                .setAutoWidth(true);
        panel.problem().attempt(jobs::mine).ifPresent(mine -> {
            List<Job> running = mine.stream().filter(Job::running).toList();
            count.setText(getTranslation("dashboard.jobs.count", running.size(), mine.size()));
            grid.setItems(first(running));
        });
        return panel.with(count, grid);
    }

    private Panel recentEvents(TracerClient tracer) {
        Panel panel = new Panel("recent-events", getTranslation("dashboard.events.title"));
        Grid<AuditEntry> grid = compactGrid("recent-events-grid", getTranslation("dashboard.events.none"));
        grid.addColumn(e -> Formats.time(e.at())).setHeader(getTranslation("event.time")).setAutoWidth(true);
        grid.addColumn(AuditEntry::event).setHeader(getTranslation("event.event")).setAutoWidth(true);
        grid.addColumn(AuditEntry::contract).setHeader(getTranslation("event.contract")).setAutoWidth(true);
        grid.addColumn(e -> e.senderOrganization() == null ? Formats.shortHex(e.sender()) : e.senderOrganization())
                .setHeader(getTranslation("event.sender")).setAutoWidth(true);
        grid.addColumn(AuditEntry::block).setHeader(getTranslation("event.block")).setAutoWidth(true);
        grid.addColumn(e -> Formats.shortHex(e.txHash())).setHeader(getTranslation("event.transaction"))
                .setAutoWidth(true);
        panel.problem().attempt(() -> tracer.recentEvents(RECENT_EVENTS)).ifPresent(page -> grid.setItems(page.entries()));
        panel.setWidthFull();
        return panel.with(grid);
    }

    /** A grid of the dashboard's panels: compact, striped, every row shown. */
    static <T> Grid<T> compactGrid(String id, String emptyText) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(emptyText);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    private static <T> List<T> first(List<T> items) {
        return items.size() <= ROWS ? items : items.subList(0, ROWS);
    }

    private static Component card(Panel panel, String flex) {
        panel.getStyle().set("flex", flex).set("min-width", "280px");
        return panel;
    }

    private Div labelled(String labelKey, Span value) {
        Span label = new Span(getTranslation(labelKey));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("flex", "0 0 8em");
        Div row = new Div(label, value);
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");
        return row;
    }
}
