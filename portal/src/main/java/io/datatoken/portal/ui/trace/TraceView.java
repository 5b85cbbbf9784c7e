package io.datatoken.portal.ui.trace;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.portal.services.Lineage;
import io.datatoken.portal.services.LineageToken;
import io.datatoken.portal.services.TracerClient;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.InlineProblem;
import io.datatoken.portal.ui.MainLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A DT's trace: its lineage drawn as a graph (what it is made of, or what is made of it), where a
 * click on a DT re-centres the trace on it, and its usage as one timeline. {@code trace/<dt>}
 * opens a DT's trace directly ({@code ?direction=down} for what it is made of). The tracer decides what the user may see; its refusal shows here.
 */
@Route(value = "trace", layout = MainLayout.class)
@Dependent
public class TraceView extends VerticalLayout implements HasDynamicTitle, HasUrlParameter<String> {

    static final String UP = "up";
    static final String DOWN = "down";
    /** Levels drawn: enough for the deepest compositions of the demos, small enough to read. */
    static final int DEPTH = 6;

    private final TracerClient tracer;
    private final Binder<TraceForm> binder = new Binder<>();
    private final TraceForm form = new TraceForm();
    private final TextField dtField = new TextField();
    private final RadioButtonGroup<String> direction = new RadioButtonGroup<>();
    private final InlineProblem problem = new InlineProblem("trace-problem");
    private final Div graph = new Div();
    private final Span truncated = new Span();
    private final Div details = new Div();
    private final Grid<UsageTimeline.Entry> timeline = new Grid<>();
    private final H3 timelineTitle = new H3();
    private Lineage shown;

    @Inject
    public TraceView(TracerClient tracer) {
        this.tracer = tracer;
        H2 title = new H2(getTranslation("trace.title"));
        title.setId("view-title");
        add(title, form(), problem, graphArea(), details, timelineTitle, timeline());
        showNothing();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.trace"));
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String dt) {
        String fromQuery = event.getLocation().getQueryParameters().getSingleParameter("dt").orElse(null);
        String wanted = dt != null ? dt : fromQuery;
        event.getLocation().getQueryParameters().getSingleParameter("direction")
                .filter(d -> d.equals(UP) || d.equals(DOWN)).ifPresent(direction::setValue);
        if (wanted != null && !wanted.isBlank()) {
            dtField.setValue(wanted.strip());
            trace();
        }
    }

    private FlexLayout form() {
        dtField.setLabel(getTranslation("trace.dt"));
        dtField.setId("trace-dt");
        dtField.setPlaceholder("0x…");
        dtField.setClearButtonVisible(true);
        dtField.setWidth("42em");
        binder.forField(dtField).asRequired(getTranslation("trace.dt.invalid"))
                .withValidator(TraceForm::isValidDt, getTranslation("trace.dt.invalid"))
                .bind(TraceForm::getDt, TraceForm::setDt);
        direction.setLabel(getTranslation("trace.direction"));
        direction.setId("trace-direction");
        direction.setItems(UP, DOWN);
        direction.setItemLabelGenerator(d -> getTranslation("trace.direction." + d));
        binder.forField(direction).bind(TraceForm::getDirection, TraceForm::setDirection);
        binder.setBean(form);

        Button go = new Button(getTranslation("trace.button"), VaadinIcon.SITEMAP.create(), click -> trace());
        go.setId("trace-button");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dtField.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                trace();
            }
        });
        direction.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                trace();
            }
        });
        FlexLayout filters = new FlexLayout(dtField, go, direction);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        return filters;
    }

    private Div graphArea() {
        graph.setId("trace-graph");
        graph.getStyle().set("overflow", "auto").set("max-width", "100%")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-base-color)").set("padding", "var(--lumo-space-s)");
        // One listener for every box: the clicked box's DT, read in the browser from its data-dt.
        graph.getElement().addEventListener("click", click -> {
            var data = click.getEventData();
            String key = "event.target.closest('[data-dt]') ? event.target.closest('[data-dt]').dataset.dt : ''";
            String dt = data.hasKey(key) ? data.getString(key) : "";
            if (dt != null && !dt.isBlank()) {
                recentre(dt);
            }
        }).addEventData("event.target.closest('[data-dt]') ? event.target.closest('[data-dt]').dataset.dt : ''");
        truncated.setId("trace-truncated");
        truncated.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        details.setId("trace-details");
        return new Div(graph, truncated);
    }

    private Grid<UsageTimeline.Entry> timeline() {
        timelineTitle.setText(getTranslation("trace.timeline"));
        timeline.setId("trace-timeline");
        timeline.addColumn(e -> Formats.time(e.at())).setHeader(getTranslation("trace.timeline.at")).setAutoWidth(true);
        timeline.addColumn(new ComponentRenderer<>(e -> badge(e.kind())))
                .setHeader(getTranslation("trace.timeline.kind")).setAutoWidth(true);
        timeline.addColumn(e -> shortened(e.who())).setHeader(getTranslation("trace.timeline.who")).setAutoWidth(true);
        timeline.addColumn(e -> shortened(e.what())).setHeader(getTranslation("trace.timeline.what")).setAutoWidth(true);
        timeline.addColumn(e -> shortened(e.about())).setHeader(getTranslation("trace.timeline.about")).setFlexGrow(2);
        timeline.addColumn(e -> e.block() == null ? "" : String.valueOf(e.block()))
                .setHeader(getTranslation("trace.timeline.block")).setAutoWidth(true);
        timeline.setEmptyStateText(getTranslation("trace.timeline.none"));
        timeline.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        timeline.setHeight("20em");
        return timeline;
    }

    private Span badge(UsageTimeline.Kind kind) {
        Span badge = new Span(getTranslation("trace.timeline.kind." + kind));
        String colour = switch (kind) {
            case JOB -> "var(--lumo-primary-color)";
            case RECEIPT -> "var(--lumo-success-color)";
            case GRANT -> "var(--lumo-contrast-60pct)";
            case REVOCATION, REFUSAL -> "var(--lumo-error-color)";
        };
        badge.getElement().setAttribute("data-kind", kind.name());
        badge.getStyle().set("background", colour).set("color", "var(--lumo-base-color)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "0 0.6em")
                .set("font-size", "var(--lumo-font-size-xs)").set("font-weight", "600");
        return badge;
    }

    /** Hashes in a text shortened: a result hash or job id is told apart by its ends. */
    private static String shortened(String text) {
        if (text == null) {
            return "";
        }
        return text.lines().findFirst().orElse("").replaceAll("(0x[0-9a-fA-F]{8})[0-9a-fA-F]{8,}([0-9a-fA-F]{4})", "$1…$2");
    }

    /**
     * Centres the trace on a DT of the graph, seen from the other side, so the DT traced before stays
     * in the picture: a composition above (used by) shows what it is made of, a part below (made of)
     * what is made of it. That is also the trace the tracer lets a participant of the former see; when
     * it refuses, its reason shows and the graph stays as it was.
     */
    private void recentre(String dt) {
        if (shown == null || dt.equals(shown.dt())) {
            return;
        }
        boolean up = !shown.isUp();
        var lineage = problem.attempt(() -> tracer.lineage(dt, up, DEPTH));
        if (lineage.isEmpty()) {
            return;
        }
        direction.setValue(up ? UP : DOWN);
        dtField.setValue(dt);
        show(lineage.get());
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "trace/" + dt));
    }

    private void trace() {
        if (!binder.validate().isOk()) {
            return;
        }
        String dt = DataTokenId.of(form.getDt().strip()).value();
        boolean up = UP.equals(form.getDirection());
        problem.attempt(() -> tracer.lineage(dt, up, DEPTH)).ifPresentOrElse(this::show, this::showNothing);
    }

    private void show(Lineage lineage) {
        shown = lineage;
        graph.removeAll();
        graph.add(new Svg(LineageSvg.of(LineageLayout.of(lineage), lineage.dt(), this::getTranslation)));
        truncated.setText(lineage.truncated() ? getTranslation("trace.truncated", DEPTH) : "");
        showDetails(lineage.token());
        var usage = problem.attempt(() -> tracer.usage(lineage.dt()));
        timeline.setItems(usage.map(UsageTimeline::of).orElse(List.of()));
        timelineTitle.setVisible(true);
        timeline.setVisible(true);
    }

    private void showDetails(LineageToken token) {
        details.removeAll();
        if (token == null) {
            return;
        }
        details.add(line("trace-details-dt", getTranslation("trace.details.dt"), token.dt()),
                line("trace-details-kind", getTranslation("trace.details.kind"),
                        token.kind() == null ? "—" : getTranslation("kind." + token.kind())),
                line("trace-details-owner", getTranslation("trace.details.owner"),
                        token.owner() == null ? "—" : token.owner()),
                line("trace-details-registered", getTranslation("trace.details.registered"),
                        Formats.time(token.registeredAt()) + (token.registeredBlock() == null ? ""
                                : " · " + getTranslation("trace.details.block", token.registeredBlock()))));
    }

    private static Div line(String id, String label, String value) {
        Span name = new Span(label + ": ");
        name.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Span text = new Span(value);
        text.setId(id);
        text.getStyle().set("font-family", "var(--lumo-font-family)").set("word-break", "break-all");
        return new Div(name, text);
    }

    private void showNothing() {
        shown = null;
        graph.removeAll();
        truncated.setText("");
        details.removeAll();
        timeline.setItems(List.of());
        timelineTitle.setVisible(false);
        timeline.setVisible(false);
    }
}
