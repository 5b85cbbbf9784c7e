package io.datatoken.portal.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.servlet.http.HttpServletResponse;

/** Shown instead of a section the user's roles do not allow. */
@ParentLayout(MainLayout.class)
@Dependent
public class NotAllowedView extends VerticalLayout implements HasErrorParameter<NotAllowedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotAllowedException> parameter) {
        removeAll();
        String section = getTranslation("nav." + parameter.getCustomMessage());
        H2 title = new H2(getTranslation("not-allowed.title"));
        Paragraph text = new Paragraph(getTranslation("not-allowed.text", section));
        text.setId("not-allowed");
        add(title, text);
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
