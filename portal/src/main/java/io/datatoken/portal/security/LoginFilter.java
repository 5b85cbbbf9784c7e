package io.datatoken.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Lets only signed-in sessions through; everyone else is sent to the identity provider. The
 * callback, logout and Vaadin's static bundle stay open.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class LoginFilter extends HttpFilter {

    private static final List<String> OPEN_PATHS = List.of(
            OidcSettings.CALLBACK_PATH, OidcSettings.LOGOUT_PATH, "/favicon.ico");
    private static final List<String> OPEN_PREFIXES = List.of("/VAADIN/");

    @Inject
    PkceLogin login;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isOpen(path) || isSignedIn(request)) {
            chain.doFilter(request, response);
        } else if (!"GET".equals(request.getMethod())) {
            // Vaadin's XHR traffic of an expired session: a redirect would be useless there.
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            PendingLogin pending = login.begin(returnTo(request));
            request.getSession(true).setAttribute(PendingLogin.SESSION_ATTRIBUTE, pending);
            response.sendRedirect(login.authorizationUrl(pending).toString());
        }
    }

    static boolean isOpen(String path) {
        return OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static boolean isSignedIn(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser;
    }

    private static String returnTo(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
