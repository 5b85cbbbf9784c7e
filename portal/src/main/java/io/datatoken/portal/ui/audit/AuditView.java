package io.datatoken.portal.ui.audit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.datatoken.portal.services.AuditEntry;
import io.datatoken.portal.services.AuditQuery;
import io.datatoken.portal.services.BackendProblem;
import io.datatoken.portal.services.Refusal;
import io.datatoken.portal.services.TracerClient;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.InlineProblem;
import io.datatoken.portal.ui.MainLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The cross-organization audit (regulators and admins): chain events filtered by organization,
 * event, DT, account and days, a page at a time, exported as CSV with the same filter; and the
 * requests the compute nodes refused. Filters with bad input say why next to the field.
 */
@Route(value = "audit", layout = MainLayout.class)
@Dependent
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = AuditQuery.DEFAULT_LIMIT;
    private static final Logger LOG = Logger.getLogger(AuditView.class.getName());

    private final TracerClient tracer;
    private final Binder<AuditFilterForm> binder = new Binder<>();
    private final AuditFilterForm form = new AuditFilterForm();
    private final InlineProblem problem = new InlineProblem("audit-problem");
    private final Grid<AuditEntry> events = new Grid<>();
    private final Grid<Refusal> refusals = new Grid<>();
    private final List<AuditEntry> eventRows = new ArrayList<>();
    private final List<Refusal> refusalRows = new ArrayList<>();
    private final Button more = new Button();
    private final Button moreRefusals = new Button();
    private final Anchor export = new Anchor();
    private final Tab eventsTab = new Tab();
    private final Tab refusalsTab = new Tab();
    private AuditQuery shown;
    private String next;
    private String nextRefusal;

    @Inject
    public AuditView(TracerClient tracer) {
        this.tracer = tracer;
        H2 title = new H2(getTranslation("audit.title"));
        title.setId("view-title");
        Div refusalsPart = new Div(refusalsGrid(), moreRefusals());
        refusalsPart.setWidthFull();
        Div eventsPart = new Div(eventsGrid(), more());
        eventsPart.setWidthFull();
        refusalsPart.setVisible(false);
        Tabs tabs = tabs(eventsPart, refusalsPart);
        add(title, filters(), problem, tabs, eventsPart, refusalsPart);
        search();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.audit"));
    }

    private FlexLayout filters() {
        TextField org = field("audit-org", "audit.org", "bank-a", "10em");
        binder.forField(org).withValidator(AuditQuery::isValidOrganization, getTranslation("audit.org.invalid"))
                .bind(AuditFilterForm::getOrganization, AuditFilterForm::setOrganization);
        TextField event = field("audit-event", "audit.event", "ReceiptRecorded", "12em");
        binder.forField(event).withValidator(AuditQuery::isValidEvent, getTranslation("audit.event.invalid"))
                .bind(AuditFilterForm::getEvent, AuditFilterForm::setEvent);
        TextField dt = field("audit-dt", "audit.dt", "0x…", "14em");
        binder.forField(dt).withValidator(AuditQuery::isValidDt, getTranslation("audit.dt.invalid"))
                .bind(AuditFilterForm::getDt, AuditFilterForm::setDt);
        TextField account = field("audit-account", "audit.account", "0x…", "14em");
        binder.forField(account).withValidator(AuditQuery::isValidAccount, getTranslation("audit.account.invalid"))
                .bind(AuditFilterForm::getAccount, AuditFilterForm::setAccount);
        DatePicker since = new DatePicker(getTranslation("audit.since"));
        since.setId("audit-since");
        since.setWidth("10em");
        DatePicker until = new DatePicker(getTranslation("audit.until"));
        until.setId("audit-until");
        until.setWidth("10em");
        binder.forField(since).bind(AuditFilterForm::getSince, AuditFilterForm::setSince);
        binder.forField(until)
                .withValidator(day -> AuditFilterForm.isValidRange(since.getValue(), day),
                        getTranslation("audit.range.invalid"))
                .bind(AuditFilterForm::getUntil, AuditFilterForm::setUntil);
        binder.setBean(form);

        Button search = new Button(getTranslation("audit.search"), VaadinIcon.SEARCH.create(), click -> search());
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.setId("audit-export");
        export.getElement().setAttribute("download", true);
        Button exportButton = new Button(getTranslation("audit.export"), VaadinIcon.DOWNLOAD.create());
        exportButton.setTabIndex(-1);
        export.add(exportButton);
        for (var field : List.of(org, event, dt, account)) {
            field.addValueChangeListener(change -> search());
        }
        since.addValueChangeListener(change -> search());
        until.addValueChangeListener(change -> search());

        FlexLayout filters = new FlexLayout(org, event, dt, account, since, until, search, export);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        return filters;
    }

    private TextField field(String id, String label, String placeholder, String width) {
        TextField field = new TextField(getTranslation(label));
        field.setId(id);
        field.setPlaceholder(placeholder);
        field.setClearButtonVisible(true);
        field.setWidth(width);
        return field;
    }

    private Tabs tabs(Component eventsPart, Component refusalsPart) {
        eventsTab.setLabel(getTranslation("audit.tab.events"));
        eventsTab.setId("audit-tab-events");
        refusalsTab.setLabel(getTranslation("audit.tab.refusals"));
        refusalsTab.setId("audit-tab-refusals");
        Tabs tabs = new Tabs(eventsTab, refusalsTab);
        tabs.setId("audit-tabs");
        tabs.addSelectedChangeListener(change -> {
            boolean refused = change.getSelectedTab() == refusalsTab;
            eventsPart.setVisible(!refused);
            refusalsPart.setVisible(refused);
            if (refused) {
                refusalPage(true);
            }
        });
        return tabs;
    }

    private Grid<AuditEntry> eventsGrid() {
        events.setId("audit-grid");
        events.addColumn(AuditEntry::block).setHeader(getTranslation("audit.block")).setAutoWidth(true);
        events.addColumn(e -> Formats.time(e.at())).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        events.addColumn(AuditEntry::event).setHeader(getTranslation("audit.event")).setAutoWidth(true);
        events.addColumn(e -> e.senderOrganization() == null ? Formats.shortHex(e.sender()) : e.senderOrganization())
                .setHeader(getTranslation("audit.sender")).setAutoWidth(true);
        events.addColumn(AuditView::concerns).setHeader(getTranslation("audit.subjects")).setAutoWidth(true);
        events.addColumn(e -> e.fields().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(f -> f.getKey() + "=" + Formats.shortHex(f.getValue())).collect(Collectors.joining(" ")))
                .setHeader(getTranslation("audit.fields")).setFlexGrow(3);
        events.addColumn(e -> Formats.shortHex(e.txHash())).setHeader(getTranslation("audit.tx")).setAutoWidth(true);
        events.setEmptyStateText(getTranslation("audit.none"));
        events.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        events.setItems(eventRows);
        events.setHeight("26em");
        return events;
    }

    private Grid<Refusal> refusalsGrid() {
        refusals.setId("audit-refusals-grid");
        refusals.addColumn(r -> Formats.time(r.refusedAt())).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        refusals.addColumn(Refusal::organization).setHeader(getTranslation("audit.refusal.organization")).setAutoWidth(true);
        refusals.addColumn(Refusal::code).setHeader(getTranslation("audit.refusal.code")).setAutoWidth(true);
        refusals.addColumn(r -> Formats.shortHex(r.job())).setHeader(getTranslation("audit.refusal.job")).setAutoWidth(true);
        refusals.addColumn(Refusal::detail).setHeader(getTranslation("audit.refusal.detail")).setFlexGrow(3);
        refusals.setEmptyStateText(getTranslation("audit.refusals.none"));
        refusals.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        refusals.setItems(refusalRows);
        refusals.setHeight("26em");
        return refusals;
    }

    private Button more() {
        more.setText(getTranslation("audit.more"));
        more.setId("audit-more");
        more.setVisible(false);
        more.addClickListener(click -> page(false));
        return more;
    }

    private Button moreRefusals() {
        moreRefusals.setText(getTranslation("audit.more"));
        moreRefusals.setId("audit-refusals-more");
        moreRefusals.setVisible(false);
        moreRefusals.addClickListener(click -> refusalPage(false));
        return moreRefusals;
    }

    private void search() {
        if (!binder.validate().isOk()) {
            return;
        }
        shown = form.toQuery(PAGE);
        next = null;
        page(true);
        export.setHref(csv(shown));
        if (refusalsTab.isSelected()) {
            refusalPage(true);
        }
    }

    private void page(boolean fresh) {
        var answer = problem.attempt(() -> tracer.audit(shown, fresh ? null : next));
        if (fresh || answer.isEmpty()) {
            eventRows.clear();
        }
        answer.ifPresent(page -> eventRows.addAll(page.entries()));
        next = answer.map(page -> page.next()).orElse(null);
        events.getDataProvider().refreshAll();
        more.setVisible(next != null);
    }

    private void refusalPage(boolean fresh) {
        String org = shown == null ? null : shown.org();
        var answer = problem.attempt(() -> tracer.refusals(org, PAGE, fresh ? null : nextRefusal));
        if (fresh || answer.isEmpty()) {
            refusalRows.clear();
        }
        answer.ifPresent(page -> refusalRows.addAll(page.entries()));
        nextRefusal = answer.map(page -> page.next()).orElse(null);
        refusals.getDataProvider().refreshAll();
        moreRefusals.setVisible(nextRefusal != null);
    }

    /** {@code bank-a (ACTOR, OWNER), fintech-c (PARTY)}: each organization once, with its relations. */
    static String concerns(AuditEntry entry) {
        return entry.subjects().stream().collect(Collectors.groupingBy(AuditEntry.Subject::organization,
                        TreeMap::new, Collectors.mapping(AuditEntry.Subject::relation,
                                Collectors.toCollection(TreeSet::new))))
                .entrySet().stream().map(o -> o.getKey() + " (" + String.join(", ", o.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** The filter's CSV, fetched from the tracer when the link is followed, with the user's token. */
    private StreamResource csv(AuditQuery query) {
        String name = "audit-" + (query.org() == null ? "all" : query.org()) + ".csv";
        StreamResource resource = new StreamResource(name, () -> {
            try {
                return new ByteArrayInputStream(tracer.auditCsv(query).getBytes(StandardCharsets.UTF_8));
            } catch (BackendProblem e) {
                LOG.log(Level.INFO, "The audit export was refused: {0}", e.getMessage());
                return new ByteArrayInputStream(("# " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        resource.setContentType("text/csv; charset=utf-8");
        return resource;
    }
}
