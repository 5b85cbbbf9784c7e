package io.datatoken.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The access token of the signed-in user of the current Vaadin session, refreshed with the
 * session's refresh token when it has expired (or will within a few seconds, so that it does not
 * expire on its way to the service). Vaadin holds the session's lock during a request, so two
 * tabs of one session never refresh at once.
 */
@ApplicationScoped
public class SessionAccessTokens implements AccessTokens {

    /** A token this close to its expiry is refreshed before use. */
    static final Duration MARGIN = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(SessionAccessTokens.class.getName());

    private PkceLogin login;
    private Clock clock;
    private UserHolder users;

    /** For CDI proxies only. */
    protected SessionAccessTokens() {
    }

    @Inject
    public SessionAccessTokens(PkceLogin login) {
        this(login, Clock.systemUTC(), CurrentUser.HOLDER);
    }

    SessionAccessTokens(PkceLogin login, Clock clock, UserHolder users) {
        this.login = login;
        this.clock = clock;
        this.users = users;
    }

    @Override
    public String current() {
        SignedInUser user = users.get();
        if (!user.tokens().accessTokenExpiresWithin(MARGIN, clock.instant())) {
            return user.tokens().accessToken();
        }
        return refreshed(user);
    }

    @Override
    public String renewed() {
        return refreshed(users.get());
    }

    private String refreshed(SignedInUser user) {
        try {
            SignedInUser renewed = user.withTokens(login.refresh(user.tokens()));
            users.replace(renewed);
            return renewed.tokens().accessToken();
        } catch (LoginFailedException e) {
            LOG.log(Level.INFO, "Refreshing the access token of {0} failed: {1}",
                    new Object[] {user.subject(), e.getMessage()});
            users.forget();
            throw new SignInExpiredException("the sign-in has expired", e);
        }
    }
}
