package io.datatoken.portal.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import io.datatoken.portal.security.CurrentUser;
import io.datatoken.portal.security.SignedInUser;
import java.util.Set;

/**
 * Keeps users out of the sections their roles do not allow ({@link PortalSection}), however they got
 * there (navigation, link, typed URL): they see {@link NotAllowedView} instead. The services refuse
 * such calls anyway; this spares the user a page of failures.
 */
public class SectionGuard implements BeforeEnterListener {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var roles = CurrentUser.find().map(SignedInUser::roles).orElse(Set.of());
        PortalSection.owning(event.getLocation().getPath())
                .filter(section -> !section.allows(roles))
                .ifPresent(section -> event.rerouteToError(new NotAllowedException(section.key()), section.key()));
    }
}
