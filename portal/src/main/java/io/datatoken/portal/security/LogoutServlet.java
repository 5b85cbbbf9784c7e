package io.datatoken.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** Drops the portal session and ends the Keycloak session (RP-initiated logout). */
@WebServlet(urlPatterns = OidcSettings.LOGOUT_PATH)
public class LogoutServlet extends HttpServlet {

    @Inject
    PkceLogin login;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String idToken = null;
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser user) {
                idToken = user.tokens().idToken();
            }
            session.invalidate();
        }
        response.sendRedirect(login.logoutUrl(idToken).toString());
    }
}
