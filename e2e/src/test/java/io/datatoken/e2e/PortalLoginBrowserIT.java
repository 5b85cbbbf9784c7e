package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signs in through the real Keycloak login pages in headless Chromium (Debian's chromium and
 * chromium-driver; paths overridable with datatoken.chromium / datatoken.chromedriver) and checks
 * what the portal shows.
 */
class PortalLoginBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path browserProfile;

    private WebDriver browser;
    private WebDriverWait await;

    @BeforeEach
    void startBrowser() {
        System.setProperty("SE_OFFLINE", "true");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("datatoken.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("datatoken.chromium", "/usr/bin/chromium"))
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--user-data-dir=" + browserProfile.toAbsolutePath());
        browser = new ChromeDriver(service, options);
        await = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aliceSignsInAndSeesHerOrganizationAndRoles() {
        browser.get(Stack.current().portal());

        signInAs("alice", "datatoken");

        assertThat(textOf("current-user")).isEqualTo("Alice Anders");
        assertThat(textOf("current-organization")).isEqualTo("bank-a");
        assertThat(textOf("current-roles")).isEqualTo("data-provider, compute-provider");
    }

    @Test
    void logoutEndsTheKeycloakSessionToo() {
        browser.get(Stack.current().portal());
        signInAs("alice", "datatoken");
        await.until(ExpectedConditions.elementToBeClickable(By.id("logout")));

        browser.findElement(By.id("logout")).click();

        // Back on Keycloak's login page: without its session, the portal cannot sign in silently.
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/protocol/openid-connect/auth");
    }

    /** Keycloak with organizations asks for the username first, the password on a second page. */
    private void signInAs(String username, String password) {
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("kc-login")).click();
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    private String textOf(String id) {
        return await.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }
}
