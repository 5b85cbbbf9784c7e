package io.datatoken.portal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinServlet;
import io.datatoken.portal.security.CurrentUser;
import io.datatoken.portal.security.SignedInUser;
import jakarta.enterprise.context.Dependent;

/**
 * The frame of every view: the navigation of the sections the user's roles allow, the user's name
 * and organization, the language switch and logout. Views join it with
 * {@code @Route(value = …, layout = MainLayout.class)}.
 */
@Dependent
public class MainLayout extends AppLayout {

    public MainLayout() {
        SignedInUser user = CurrentUser.get();
        setPrimarySection(AppLayout.Section.NAVBAR);
        addToNavbar(new DrawerToggle(), header(UserSummary.of(user)));
        addToDrawer(new Scroller(navigation(user)));
    }

    private HorizontalLayout header(UserSummary summary) {
        Span brand = new Span(getTranslation("app.name"));
        brand.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");

        Span name = new Span(summary.name());
        name.setId("current-user");
        Span organization = new Span(summary.organization());
        organization.setId("current-organization");
        organization.setTitle(getTranslation("layout.organization"));
        organization.getStyle().set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");

        Button logout = new Button(getTranslation("layout.logout"), VaadinIcon.SIGN_OUT.create(), click -> logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(brand, name, organization, new LanguageSwitch(), logout);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(brand);
        header.setWidthFull();
        header.getStyle().set("padding-inline-end", "var(--lumo-space-m)");
        return header;
    }

    private SideNav navigation(SignedInUser user) {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (PortalSection section : PortalSection.visibleTo(user.roles())) {
            SideNavItem item = new SideNavItem(getTranslation(section.labelKey()), section.path(),
                    section.icon().create());
            item.setId("nav-" + section.key());
            item.setMatchNested(!section.path().isEmpty());
            nav.addItem(item);
        }
        return nav;
    }

    private static void logout() {
        String contextPath = VaadinServlet.getCurrent().getServletContext().getContextPath();
        UI.getCurrent().getPage().setLocation(contextPath + "/oidc/logout");
    }
}
