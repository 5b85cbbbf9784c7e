package io.datatoken.portal.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.enterprise.context.Dependent;

/**
 * Stands in for a {@link PortalSection} whose view is not built yet, so its navigation entry leads
 * somewhere; {@link PortalServiceInit} routes every section path no view claims to it.
 */
@Dependent
public class PlannedSectionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private String title = "";

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        PortalSection section = PortalSection.owning(event.getLocation().getPath()).orElse(PortalSection.DASHBOARD);
        title = getTranslation(section.labelKey());
        Paragraph text = new Paragraph(getTranslation("planned.text"));
        text.setId("planned-section");
        add(new H2(title), text);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", title);
    }
}
