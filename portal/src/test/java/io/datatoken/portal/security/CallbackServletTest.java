package io.datatoken.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackServletTest {

    @Test
    void returnsOnlyInsideThePortal() {
        assertThat(CallbackServlet.safeReturnTo("/portal/assets?x=1", "/portal")).isEqualTo("/portal/assets?x=1");
        assertThat(CallbackServlet.safeReturnTo("https://evil.test/", "/portal")).isEqualTo("/portal/");
        assertThat(CallbackServlet.safeReturnTo("//evil.test/portal/", "/portal")).isEqualTo("/portal/");
        assertThat(CallbackServlet.safeReturnTo("/portalx/", "/portal")).isEqualTo("/portal/");
        assertThat(CallbackServlet.safeReturnTo(null, "/portal")).isEqualTo("/portal/");
    }

    @Test
    void filterLeavesCallbackLogoutAndStaticBundleOpen() {
        assertThat(LoginFilter.isOpen("/oidc/callback")).isTrue();
        assertThat(LoginFilter.isOpen("/oidc/logout")).isTrue();
        assertThat(LoginFilter.isOpen("/VAADIN/build/bundle.js")).isTrue();
        assertThat(LoginFilter.isOpen("/")).isFalse();
        assertThat(LoginFilter.isOpen("/oidc/callbackx")).isFalse();
    }
}
