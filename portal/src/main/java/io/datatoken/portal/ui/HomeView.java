package io.datatoken.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinSession;
import io.datatoken.portal.security.SignedInUser;
import jakarta.enterprise.context.Dependent;

/** Landing page: who is signed in, for which organization, with which platform roles. */
@Route("")
@PageTitle("DataToken")
@Dependent
public class HomeView extends VerticalLayout {

    public HomeView() {
        SignedInUser user = (SignedInUser) VaadinSession.getCurrent().getSession()
                .getAttribute(SignedInUser.SESSION_ATTRIBUTE);
        UserSummary summary = UserSummary.of(user);

        add(new H1("DataToken"));
        add(labelled("Signed in as", "current-user", summary.name()));
        add(labelled("Organization", "current-organization", summary.organization()));
        add(labelled("Roles", "current-roles", summary.roles()));

        Button logout = new Button("Log out", click -> getUI().ifPresent(ui -> ui.getPage()
                .setLocation(VaadinServlet.getCurrent().getServletContext().getContextPath() + "/oidc/logout")));
        logout.setId("logout");
        add(logout);
    }

    private static Span labelled(String label, String id, String value) {
        Span text = new Span(value);
        text.setId(id);
        return new Span(new Span(label + ": "), text);
    }
}
