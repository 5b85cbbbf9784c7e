package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The portal's frame in a real browser: the dashboard of the signed-in user, a navigation that
 * shows only the sections the user's roles allow (and a section they type in refused), and the
 * switch to Chinese.
 */
class PortalNavigationBrowserIT {

    @TempDir
    Path profile;

    private PortalBrowser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aliceSeesHerOrganizationsDashboardAndTheSectionsOfHerRolesOnly() {
        browser = PortalBrowser.start(profile).signInAs("alice");

        assertThat(browser.textOf("current-organization")).isEqualTo("bank-a");
        assertThat(browser.textOf("dashboard-organization")).isEqualTo("bank-a");
        assertThat(browser.textOf("current-roles")).isEqualTo("data-provider, compute-provider");
        assertThat(browser.navigation()).containsExactly("nav-dashboard", "nav-catalog", "nav-register",
                "nav-approvals", "nav-trace");
        // A provider's panels, each loaded from its service without a problem.
        assertThat(browser.element("my-assets").isDisplayed()).isTrue();
        assertThat(browser.textOf("my-assets-count")).isNotBlank();
        assertThat(browser.element("recent-events").isDisplayed()).isTrue();
        assertThat(browser.isShown("my-assets-problem")).as("asset service answered").isFalse();
        assertThat(browser.isShown("recent-events-problem")).as("tracer answered").isFalse();
        assertThat(browser.isShown("my-jobs")).as("jobs are the algorithm providers'").isFalse();
        browser.scrollToTop();
        browser.screenshot("dashboard");

        browser.open("admin");

        assertThat(browser.textOf("not-allowed")).contains("Administration");
        assertThat(browser.isShown("planned-section")).isFalse();
    }

    @Test
    void ritaSeesTheRegulatorsSectionsOnly() {
        browser = PortalBrowser.start(profile).signInAs("rita");

        assertThat(browser.navigation()).containsExactly("nav-dashboard", "nav-catalog", "nav-trace", "nav-audit");
        assertThat(browser.textOf("current-roles")).isEqualTo("regulator");
        assertThat(browser.isShown("my-assets")).isFalse();
        assertThat(browser.element("recent-events").isDisplayed()).isTrue();
        assertThat(browser.isShown("recent-events-problem")).as("a regulator reads every organization's audit").isFalse();

        browser.open("register");

        assertThat(browser.textOf("not-allowed")).contains("Register asset");
    }

    @Test
    void switchingTo中文ChangesTheNavigationForTheRestOfTheSession() {
        browser = PortalBrowser.start(profile).signInAs("carol");
        assertThat(browser.textOf("nav-catalog")).isEqualTo("Catalog");
        assertThat(browser.textOf("language-switch")).isEqualTo("中文");

        browser.click("language-switch");

        browser.await.until(d -> d.findElement(By.id("nav-catalog")).getText().equals("资产目录"));
        assertThat(browser.textOf("nav-dashboard")).isEqualTo("概览");
        assertThat(browser.textOf("nav-jobs")).isEqualTo("任务与作业");
        assertThat(browser.textOf("language-switch")).isEqualTo("English");
        assertThat(browser.textOf("current-roles")).isEqualTo("算法提供方, 数据使用方");
        browser.scrollToTop();
        browser.screenshot("dashboard-zh");

        browser.open("catalog");

        assertThat(browser.textOf("nav-catalog")).as("kept for the session").isEqualTo("资产目录");
        assertThat(browser.element("catalog-search").getText()).contains("搜索");
    }
}
