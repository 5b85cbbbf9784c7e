package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin view in a real browser: a malformed alias refused under its field; a new organization
 * onboarded with one member, suspended and reinstated after a confirmation; that member signing in
 * (choosing a new password for the temporary one) and seeing the organization in the header; an op
 * published from an uploaded package and deprecated. The lists of every organization and every op
 * follow each change.
 */
class PortalAdminBrowserIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ORGANIZATIONS_GRID = "admin-organizations-grid";
    /** alias, roles, accounts, chain account, standing */
    private static final int ORGANIZATION_COLUMNS = 5;
    private static final String OPS_GRID = "admin-ops-grid";
    /** name, version, hash, state, published */
    private static final int OP_COLUMNS = 5;

    @TempDir
    Path profiles;

    private PortalBrowser admin;
    private PortalBrowser member;

    @AfterEach
    void closeBrowsers() {
        if (admin != null) {
            admin.close();
        }
        if (member != null) {
            member.close();
        }
    }

    @Test
    void anAdminOnboardsAnOrganizationWhoseMemberThenSignsIn() {
        String alias = "org-" + randomHex(3);
        String username = "m-" + alias;
        String initialPassword = "initial-" + randomHex(4);
        admin = PortalBrowser.start(profiles.resolve("admin")).signInAs("admin").open("admin");
        admin.await.until(d -> admin.gridCells(ORGANIZATIONS_GRID).containsAll(List.of("bank-a", "bank-b", "fintech-c")));
        assertThat(row(admin, ORGANIZATIONS_GRID, ORGANIZATION_COLUMNS, alias)).as("not onboarded yet").isEmpty();

        admin.enter("admin-alias", "Bad Alias");
        assertThat(admin.fieldError("admin-alias")).contains("lowercase letters, digits or hyphens");

        press(admin, "admin-onboard");
        assertThat(groupError("admin-roles")).as("nothing sent without a role").isEqualTo("Choose at least one role");
        assertThat(admin.isShown("admin-organization-state")).isFalse();

        admin.enter("admin-alias", alias);
        assertThat(admin.fieldError("admin-alias")).isEmpty();
        admin.enter("admin-name", "Org " + alias);
        admin.enter("admin-domain", alias + ".example.com");
        check("data-user");
        check("data-provider");
        admin.enter("admin-member-username", username);
        admin.enter("admin-member-email", username + "@" + alias + ".example.com");
        admin.enter("admin-member-first-name", "Mei");
        admin.enter("admin-member-last-name", "Lin");
        admin.enter("admin-member-password", initialPassword);
        press(admin, "admin-onboard");

        admin.await.until(d -> d.findElement(By.id("admin-onboarded")).getText().contains(alias));
        assertThat(admin.isShown("admin-onboard-problem")).isFalse();
        assertThat(admin.textOf("admin-organization-alias")).isEqualTo(alias);
        assertThat(admin.textOf("admin-organization-account")).startsWith("0x");
        assertThat(admin.element("admin-organization-state").getDomAttribute("data-active")).isEqualTo("true");
        admin.await.until(d -> row(admin, ORGANIZATIONS_GRID, ORGANIZATION_COLUMNS, alias).contains("Active"));
        assertThat(row(admin, ORGANIZATIONS_GRID, ORGANIZATION_COLUMNS, alias)).contains("data-provider, data-user", "1");
        assertThat(admin.gridCells(ORGANIZATIONS_GRID)).contains("bank-a", "bank-b", "fintech-c");

        admin.click("admin-suspend");
        admin.click("admin-confirm-yes");
        admin.await.until(d -> "false".equals(d.findElement(By.id("admin-organization-state")).getDomAttribute("data-active")));
        admin.await.until(d -> row(admin, ORGANIZATIONS_GRID, ORGANIZATION_COLUMNS, alias).contains("Suspended"));
        admin.click("admin-reinstate");
        admin.click("admin-confirm-yes");
        admin.await.until(d -> "true".equals(d.findElement(By.id("admin-organization-state")).getDomAttribute("data-active")));
        admin.await.until(d -> row(admin, ORGANIZATIONS_GRID, ORGANIZATION_COLUMNS, alias).contains("Active"));

        admin.scrollToTop();
        admin.screenshot("admin");

        press(admin, "admin-onboard");
        admin.await.until(d -> d.findElement(By.id("admin-onboard-problem")).isDisplayed());
        assertThat(admin.textOf("admin-onboard-problem")).as("the service's reason, in place")
                .contains("'" + alias + "' is onboarded already");
        assertThat(admin.isShown("admin-onboarded")).isFalse();

        member = PortalBrowser.start(profiles.resolve("member"));
        signInWithTemporaryPassword(member, username, initialPassword, "chosen-" + randomHex(4));
        assertThat(member.textOf("current-user")).isNotBlank();
        assertThat(member.textOf("current-organization")).isEqualTo(alias);
    }

    @Test
    void anAdminPublishesAnOpFromAnUploadedPackageAndDeprecatesIt() throws Exception {
        String name = "portal-it-op-" + randomHex(3);
        Path codePackage = profiles.resolve(name + ".tgz");
        Files.write(codePackage, randomBytes(512));
        admin = PortalBrowser.start(profiles.resolve("admin")).signInAs("admin").open("admin");

        press(admin, "admin-op-publish");
        assertThat(admin.textOf("admin-op-package")).isEqualTo("Upload the op's code package first");
        assertThat(admin.fieldError("admin-op-name")).isNotEmpty();

        admin.enter("admin-op-name", name);
        admin.enter("admin-op-version", "1.0.0");
        WebElement upload = admin.element("admin-op-upload");
        fileInputOf(upload).sendKeys(codePackage.toAbsolutePath().toString());
        admin.await.until(d -> d.findElement(By.id("admin-op-package")).getText().contains("512 bytes"));
        press(admin, "admin-op-publish");

        admin.await.until(d -> admin.gridCells("admin-ops").contains(name));
        assertThat(admin.isShown("admin-op-problem")).isFalse();
        assertThat(admin.gridCells("admin-ops")).contains("1.0.0", "Usable");
        admin.await.until(d -> row(admin, OPS_GRID, OP_COLUMNS, name).contains("Usable"));
        assertThat(row(admin, OPS_GRID, OP_COLUMNS, name)).contains("1.0.0");
        // the list of every op below makes the page long: bring the button into view first
        WebElement deprecate = admin.await.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#admin-ops vaadin-button[id^='admin-op-deprecate-']")));
        ((JavascriptExecutor) admin.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", deprecate);
        admin.await.until(ExpectedConditions.elementToBeClickable(deprecate)).click();
        admin.waitForVaadin();
        admin.await.until(d -> admin.gridCells("admin-ops").contains("Deprecated"));
        admin.await.until(d -> row(admin, OPS_GRID, OP_COLUMNS, name).contains("Deprecated"));
    }

    /** The cells of the grid's row whose first cell is {@code first}; empty if it has none. */
    private static List<String> row(PortalBrowser browser, String grid, int columns, String first) {
        List<String> cells = browser.gridCells(grid);
        for (int i = 0; i + columns <= cells.size(); i += columns) {
            if (cells.get(i).equals(first)) {
                return cells.subList(i, i + columns);
            }
        }
        return List.of();
    }

    /** The upload's file input: in its light DOM or, depending on the Vaadin version, its shadow root. */
    private static WebElement fileInputOf(WebElement upload) {
        var light = upload.findElements(By.cssSelector("input[type=file]"));
        return light.isEmpty() ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")) : light.getFirst();
    }

    /** Clicks a button wherever it is on the long page: scrolled into view first. */
    private static void press(PortalBrowser browser, String id) {
        browser.element(id).click();
        browser.waitForVaadin();
    }

    /** A checkbox group's own message (each of its checkboxes has an error slot of its own, empty). */
    private String groupError(String id) {
        return admin.element(id).findElement(By.cssSelector(":scope > [slot='error-message']")).getText();
    }

    /** Ticks a role of the onboarding form by its label. */
    private void check(String role) {
        admin.element("admin-roles").findElements(By.cssSelector("vaadin-checkbox")).stream()
                .filter(box -> box.getText().strip().equals(role)).findFirst()
                .orElseThrow(() -> new AssertionError("no role '" + role + "'"))
                .findElement(By.cssSelector("label")).click();
        admin.waitForVaadin();
    }

    /** Keycloak asks the username, then the password, then a new password instead of the temporary one. */
    private static void signInWithTemporaryPassword(PortalBrowser browser, String username, String initial,
                                                    String chosen) {
        browser.driver.get(Stack.current().portal());
        browser.await.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.driver.findElement(By.id("kc-login")).click();
        browser.await.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys(initial);
        browser.driver.findElement(By.id("kc-login")).click();
        browser.await.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new"))).sendKeys(chosen);
        browser.driver.findElement(By.id("password-confirm")).sendKeys(chosen, Keys.ENTER);
        browser.await.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
        browser.waitForVaadin();
    }

    private static String randomHex(int bytes) {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
