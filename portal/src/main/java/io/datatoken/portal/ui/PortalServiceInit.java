package io.datatoken.portal.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * Wires the portal into Vaadin when its service starts (vaadin-cdi fires the event): the friendly
 * error handler for every session, the section guard and the chosen language for every UI, and a
 * stand-in route for each section no view claims yet.
 */
@ApplicationScoped
public class PortalServiceInit {

    private static final Logger LOG = Logger.getLogger(PortalServiceInit.class.getName());

    void serviceInit(@Observes ServiceInitEvent event) {
        VaadinService service = event.getSource();
        service.addSessionInitListener(init -> init.getSession().setErrorHandler(new FriendlyErrorHandler()));
        service.addUIInitListener(init -> {
            var ui = init.getUI();
            LanguageSwitch.chosen(ui.getSession()).ifPresent(language -> ui.setLocale(language.locale()));
            ui.addBeforeEnterListener(new SectionGuard());
        });
        routePlannedSections(RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(service.getContext())));
    }

    static void routePlannedSections(RouteConfiguration routes) {
        for (PortalSection section : PortalSection.values()) {
            if (routes.getRoute(section.path()).isEmpty()) {
                routes.setRoute(section.path(), PlannedSectionView.class, MainLayout.class);
                LOG.fine(() -> "section '" + section.key() + "' has no view yet: a stand-in answers");
            }
        }
    }
}
