package io.datatoken.portal.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.servlet.http.HttpServletResponse;

/** A path the portal has no page for, in the user's language (instead of Vaadin's page). */
@ParentLayout(MainLayout.class)
@Dependent
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        Paragraph text = new Paragraph(getTranslation("not-found.text", event.getLocation().getPath()));
        text.setId("not-found");
        add(new H2(getTranslation("not-found.title")), text);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
