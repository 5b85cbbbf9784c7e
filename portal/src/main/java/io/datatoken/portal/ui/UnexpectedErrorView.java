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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A view that failed while opening: a short reason instead of Vaadin's error page (which would
 * show the exception); the trace goes to the server log only.
 */
@ParentLayout(MainLayout.class)
@Dependent
public class UnexpectedErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorView.class.getName());

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        Exception failure = parameter.getException();
        var problem = FriendlyErrorHandler.causeOf(failure);
        String reason;
        if (problem.isPresent()) {
            reason = ProblemText.of(problem.get(), this::getTranslation);
            LOG.log(Level.INFO, "Opening {0} failed: {1}", new Object[] {event.getLocation().getPath(), reason});
        } else {
            reason = getTranslation("error.unexpected", ProblemText.reasonOf(failure));
            LOG.log(Level.SEVERE, "Opening " + event.getLocation().getPath() + " failed", failure);
        }
        Paragraph text = new Paragraph(reason);
        text.setId("unexpected-error");
        add(new H2(getTranslation("error.title")), text);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
