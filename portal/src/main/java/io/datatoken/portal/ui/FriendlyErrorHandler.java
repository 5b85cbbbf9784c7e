package io.datatoken.portal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import io.datatoken.portal.services.BackendProblem;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever a view did not handle: a notification with a short reason for the user (a back-end
 * problem's detail, or what failed), the stack trace only in the server log.
 */
public class FriendlyErrorHandler implements ErrorHandler {

    static final int DURATION_MS = 8000;
    private static final Logger LOG = Logger.getLogger(FriendlyErrorHandler.class.getName());

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        Optional<BackendProblem> problem = causeOf(failure);
        if (problem.isPresent()) {
            LOG.log(Level.INFO, "A back-end call failed: {0}", failure.getMessage());
        } else {
            LOG.log(Level.SEVERE, "Unexpected failure in the portal", failure);
        }
        UI ui = event.getComponent().flatMap(c -> c.getUI()).orElseGet(UI::getCurrent);
        if (ui == null) {
            return;
        }
        String text = problem.map(p -> ProblemText.of(p, ui::getTranslation))
                .orElseGet(() -> ui.getTranslation("error.unexpected", ProblemText.reasonOf(failure)));
        Notification notification = new Notification(text, DURATION_MS, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("error-notification");
        notification.open();
    }

    static Optional<BackendProblem> causeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BackendProblem problem) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }
}
