package io.datatoken.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A titled box of a view (dashboard cards, detail groups), with a place for its failed call. */
public class Panel extends VerticalLayout {

    private final InlineProblem problem;
    private final H3 heading;

    /** @param id element id of the panel; its problem gets {@code <id>-problem} */
    public Panel(String id, String title) {
        setId(id);
        problem = new InlineProblem(id + "-problem");
        heading = new H3(title);
        heading.getStyle().set("margin", "0");
        add(heading, problem);
        setPadding(true);
        setSpacing(false);
        getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-base-color)")
                .set("gap", "var(--lumo-space-s)");
    }

    /** A new heading, e.g. with a count known once the panel's calls answered. */
    public void setTitle(String title) {
        heading.setText(title);
    }

    public InlineProblem problem() {
        return problem;
    }

    public Panel with(Component... content) {
        add(content);
        return this;
    }
}
