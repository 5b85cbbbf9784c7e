package io.datatoken.portal.ui;

import com.vaadin.flow.component.html.Div;
import io.datatoken.portal.services.BackendProblem;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The place next to a panel or form where its failed back-end call is explained. Views call the
 * services through {@link #attempt}: the answer, or the problem shown here and nothing.
 */
public class InlineProblem extends Div {

    public InlineProblem(String id) {
        setId(id);
        getElement().setAttribute("role", "alert");
        getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        setVisible(false);
    }

    /** The call's answer (empty if it answered nothing); on a {@link BackendProblem}, empty and the problem shown. */
    public <T> Optional<T> attempt(Supplier<T> call) {
        try {
            T answer = call.get();
            clear();
            return Optional.ofNullable(answer);
        } catch (BackendProblem problem) {
            show(problem);
            return Optional.empty();
        }
    }

    public void show(BackendProblem problem) {
        setText(ProblemText.of(problem, this::getTranslation));
        setVisible(true);
    }

    public void clear() {
        setText("");
        setVisible(false);
    }
}
