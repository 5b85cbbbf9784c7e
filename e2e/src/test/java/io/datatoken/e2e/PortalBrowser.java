package io.datatoken.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in headless Chromium (Debian's chromium and chromium-driver; paths overridable with
 * datatoken.chromium / datatoken.chromedriver), as a demo user signed in through the real
 * Keycloak pages. Waits for Vaadin's round trips instead of sleeping, reads elements by id, and
 * saves screenshots to {@code docs/screenshots/<name>.png} for the documentation.
 */
final class PortalBrowser implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Every demo user's password (dev realm overlay). */
    static final String DEMO_PASSWORD = "datatoken";

    /** True once Vaadin's client has booted and no request of it is under way. */
    private static final String VAADIN_IDLE = """
            const flow = window.Vaadin && window.Vaadin.Flow;
            if (!flow || !flow.clients) { return false; }
            const clients = Object.values(flow.clients);
            return clients.length > 0 && clients.every(c => !c.isActive || !c.isActive());""";

    final WebDriver driver;
    final WebDriverWait await;
    private final String portal;

    private PortalBrowser(WebDriver driver, String portal) {
        this.driver = driver;
        // a page that navigates while a condition is checked (Keycloak's login steps, a Vaadin redirect)
        // aborts the check: look again rather than fail; a real failure still times out with its cause
        this.await = (WebDriverWait) new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class);
        this.portal = portal.endsWith("/") ? portal : portal + "/";
    }

    /** A fresh headless browser (new profile: no cookies, no Keycloak session), in English. */
    static PortalBrowser start(Path profile) {
        System.setProperty("SE_OFFLINE", "true");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("datatoken.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("datatoken.chromium", "/usr/bin/chromium"))
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-US",
                        "--window-size=1280,1024", "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        return new PortalBrowser(new ChromeDriver(service, options), Stack.current().portal());
    }

    /** Opens the portal and signs in; Keycloak with organizations asks the username first, then the password. */
    PortalBrowser signInAs(String username) {
        driver.get(portal);
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("kc-login")).click();
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys(DEMO_PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
        waitForVaadin();
        return this;
    }

    /** Loads a route of the portal ({@code ""} for the dashboard, {@code "catalog"}, …) as a new page. */
    PortalBrowser open(String route) {
        driver.get(portal + route);
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
        waitForVaadin();
        return this;
    }

    void waitForVaadin() {
        await.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(VAADIN_IDLE)));
    }

    /** The element with this id, once it is there, scrolled into view (e.g. down a dialog) and visible. */
    WebElement element(String id) {
        WebElement element = await.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'nearest'});", element);
        return await.until(ExpectedConditions.visibilityOf(element));
    }

    String textOf(String id) {
        return element(id).getText();
    }

    boolean isShown(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.getFirst().isDisplayed();
    }

    /** The ids of the navigation's entries, in order ({@code nav-dashboard}, {@code nav-catalog}, …). */
    List<String> navigation() {
        element("main-nav");
        return driver.findElements(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                .map(item -> item.getDomAttribute("id")).toList();
    }

    /** Types into a Vaadin text, number or text-area field and commits it (the field's change event). */
    void enter(String fieldId, String text) {
        WebElement input = element(fieldId).findElement(By.cssSelector("input, textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        // Enter would add a line to a text area: leaving the field commits it there
        input.sendKeys(text, "textarea".equals(input.getTagName()) ? Keys.TAB : Keys.ENTER);
        waitForVaadin();
    }

    /** Picks the option of a Vaadin radio button group by its label. */
    void choose(String groupId, String label) {
        element(groupId).findElements(By.cssSelector("vaadin-radio-button")).stream()
                .filter(option -> option.getText().strip().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no option '" + label + "' in #" + groupId))
                .findElement(By.cssSelector("label")).click();
        waitForVaadin();
    }

    /** Clicks a button, first scrolled to the middle of the view (the bottom edge may be under an overlay). */
    void click(String id) {
        WebElement button = await.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        await.until(ExpectedConditions.elementToBeClickable(button)).click();
        waitForVaadin();
    }

    /** The message a Vaadin field shows under itself, empty while it is valid. */
    String fieldError(String fieldId) {
        WebElement field = element(fieldId);
        if (field.getDomAttribute("invalid") == null) {
            return "";
        }
        return field.findElements(By.cssSelector("[slot='error-message']")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    /** The texts of a grid's body cells (header cells left out), row by row. */
    List<String> gridCells(String gridId) {
        element(gridId);
        @SuppressWarnings("unchecked")
        List<String> cells = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const grid = document.getElementById(arguments[0]);
                const cells = [];
                grid.shadowRoot.querySelectorAll('tbody#items tr:not([hidden]) td').forEach(td => {
                  const slot = td.querySelector('slot');
                  const content = slot && slot.assignedElements()[0];
                  if (content) { cells.push(content.textContent.trim()); }
                });
                return cells;""", gridId);
        return cells;
    }

    /**
     * Picks an option of a Vaadin (multi-select) combo box by typing words of its label: waits until the filtered
     * list shows exactly one option, then takes it.
     */
    void pick(String comboId, String text) {
        WebElement input = element(comboId).findElement(By.cssSelector("input"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        waitForVaadin();
        await.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item, vaadin-multi-select-combo-box-item"))
                .stream().filter(WebElement::isDisplayed).count() == 1);
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        waitForVaadin();
        if ("vaadin-multi-select-combo-box".equals(element(comboId).getTagName())) {
            input.sendKeys(Keys.TAB); // a multi-select stays open for more: leaving it closes it
            waitForVaadin();
        }
    }

    /** Picks the option of a Vaadin select whose label contains the text. */
    void select(String id, String labelPart) {
        click(id);
        WebElement option = await.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().contains(labelPart)).findFirst().orElse(null));
        option.click();
        waitForVaadin();
    }

    /** Scrolls the page back to its top (window and the app layout's scrolled parts), e.g. before a screenshot. */
    void scrollToTop() {
        ((JavascriptExecutor) driver).executeScript("""
                window.scrollTo(0, 0);
                const roots = [document];
                const layout = document.querySelector('vaadin-app-layout');
                if (layout && layout.shadowRoot) { roots.push(layout.shadowRoot); }
                roots.forEach(root => root.querySelectorAll('*').forEach(e => { if (e.scrollTop > 0) { e.scrollTop = 0; } }));""");
    }

    /** Saves what the browser shows as {@code docs/screenshots/<name>.png}, replacing the previous one. */
    void screenshot(String name) {
        Path target = Path.of(System.getProperty("datatoken.repository", "..")).resolve("docs/screenshots/" + name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
