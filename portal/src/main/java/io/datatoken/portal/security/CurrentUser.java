package io.datatoken.portal.security;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.Optional;

/**
 * The signed-in user of the HTTP session behind the current Vaadin request (UI thread, or a task
 * run through {@code UI.access}). The login filter lets no request without one reach Vaadin.
 */
public final class CurrentUser {

    /** The session-backed holder the access tokens are refreshed through. */
    static final UserHolder HOLDER = new UserHolder() {
        @Override
        public SignedInUser get() {
            return CurrentUser.get();
        }

        @Override
        public void replace(SignedInUser user) {
            CurrentUser.replace(user);
        }

        @Override
        public void forget() {
            CurrentUser.forget();
        }
    };

    private CurrentUser() {
    }

    /** The signed-in user; fails outside a Vaadin request or once the sign-in was dropped. */
    public static SignedInUser get() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in user in this session"));
    }

    public static Optional<SignedInUser> find() {
        return session().map(s -> s.getAttribute(SignedInUser.SESSION_ATTRIBUTE))
                .filter(SignedInUser.class::isInstance).map(SignedInUser.class::cast);
    }

    /** Keeps the user with refreshed tokens for the rest of the session. */
    static void replace(SignedInUser user) {
        session().orElseThrow(() -> new IllegalStateException("no HTTP session")).setAttribute(
                SignedInUser.SESSION_ATTRIBUTE, user);
    }

    /** Drops the sign-in (its tokens are useless): the next page load signs in again. */
    static void forget() {
        session().ifPresent(s -> s.removeAttribute(SignedInUser.SESSION_ATTRIBUTE));
    }

    private static Optional<WrappedSession> session() {
        return Optional.ofNullable(VaadinSession.getCurrent()).map(VaadinSession::getSession);
    }
}
