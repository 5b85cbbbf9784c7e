package io.datatoken.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Redirect target of the identity provider: finishes the pending login of this session. */
@WebServlet(urlPatterns = OidcSettings.CALLBACK_PATH)
public class CallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(CallbackServlet.class.getName());

    @Inject
    PkceLogin login;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        PendingLogin pending = session == null ? null
                : (PendingLogin) session.getAttribute(PendingLogin.SESSION_ATTRIBUTE);
        if (pending == null) {
            fail(request, response, "No sign-in was started in this browser session.");
            return;
        }
        session.removeAttribute(PendingLogin.SESSION_ATTRIBUTE);
        if (request.getParameter("error") != null) {
            fail(request, response, "The identity provider refused the sign-in: " + request.getParameter("error"));
            return;
        }
        try {
            SignedInUser user = login.complete(pending, request.getParameter("state"), request.getParameter("code"));
            request.changeSessionId(); // no session fixation across the privilege change
            session.setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
            response.sendRedirect(safeReturnTo(pending.returnTo(), request.getContextPath()));
        } catch (LoginFailedException e) {
            LOG.log(Level.WARNING, "Sign-in failed", e);
            fail(request, response, e.getMessage());
        }
    }

    /** Only paths inside the portal: never an open redirect to another host. */
    static String safeReturnTo(String returnTo, String contextPath) {
        boolean inside = returnTo != null && returnTo.startsWith(contextPath + "/") && !returnTo.startsWith("//")
                && !returnTo.contains("\\");
        return inside ? returnTo : contextPath + "/";
    }

    private static void fail(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><title>Sign-in failed</title><p id=\"login-error\">"
                + escape(reason) + "</p><p><a href=\"" + escape(request.getContextPath()) + "/\">Try again</a></p>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
