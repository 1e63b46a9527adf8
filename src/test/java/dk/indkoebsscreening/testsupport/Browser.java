package dk.indkoebsscreening.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with an axe-core check of WCAG 2.1 A and AA on every
 * page a test visits. Tests are skipped (not passed) when Chromium or its driver is not installed.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final String axeScript;
    /** Numbers the screenshots in target/screenshots in the order the tests took them. */
    private static final AtomicInteger SCREENSHOTS = new AtomicInteger();

    /** Skips the test without Chromium on a developer's machine; fails it in CI ({@code CI=true}), which must have it. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "Browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(installed).as(missing).isTrue();
        }
        assumeTrue(installed, missing);
    }

    public Browser(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        this.axeScript = resource("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Root in a container: no sandbox; a closed network: no background traffic.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1600",
                "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "chromium-").toAbsolutePath());
        // The console, for what the Content-Security-Policy refused (contentSecurityPolicyRefusals).
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Opens a file as the browser would show it, e.g. a mail's HTML part saved by a test. */
    public void openFile(Path file) {
        driver.get(file.toAbsolutePath().toUri().toString());
    }

    public void login(String username) {
        driver.manage().deleteAllCookies();
        open("/login");
        field("username").sendKeys(username);
        field("password").sendKeys("demo");
        submit();
    }

    public WebElement field(String id) {
        return driver.findElement(By.id(id));
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public void type(String id, String text) {
        WebElement input = field(id);
        input.clear();
        input.sendKeys(text);
    }

    /** Date inputs take keys in the browser's own format; the value itself is always ISO. */
    public void setDate(String id, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", field(id), isoDate);
    }

    public void choose(String name, String value) {
        find(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
    }

    /** Clicks the submit button of the first form in the page's main content. */
    public void submit() {
        clickAndAwaitNextPage(find(By.cssSelector("main form button[type=submit]")));
    }

    public void submit(By form) {
        clickAndAwaitNextPage(find(form).findElement(By.cssSelector("button[type=submit]")));
    }

    public void submit(String formAction) {
        clickAndAwaitNextPage(find(By.cssSelector("form[action$='" + formAction + "'] button[type=submit]")));
    }

    /** A form post loads a new page; reading before it has replaced the old one reads stale content. */
    private void clickAndAwaitNextPage(WebElement button) {
        WebElement oldPage = find(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(browser -> isGone(oldPage)
                && "complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState")));
    }

    /** Chromium reports a replaced page's node as stale, or (while it swaps documents) as not in the document. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            return true;
        }
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url.substring(url.lastIndexOf('/'));
    }

    /** The whole address, for pages outside the application (the OpenID provider's). */
    public String url() {
        return driver.getCurrentUrl();
    }

    /** Runs a script in the page that calls its last argument with the result (e.g. after a fetch). */
    public Object runAsync(String script, Object... arguments) {
        return driver.executeAsyncScript(script, arguments);
    }

    public String title() {
        return driver.getTitle();
    }

    public String text(By by) {
        return find(by).getText();
    }

    public String mainText() {
        return text(By.tagName("main"));
    }

    /**
     * Finds text that a person could not read: pairs of text runs of the main content whose boxes overlap
     * (axe does not see that), as "first ~ second" lines.
     */
    private static final String OVERLAPPING_TEXT = """
            const runs = [];
            // Text clipped to nothing (the visually-hidden pattern) is for screen readers: nobody sees it.
            const clippedAway = element => {
              for (let e = element; e; e = e.parentElement) {
                const style = getComputedStyle(e);
                if (style.position === 'absolute' && style.clip !== 'auto' && e.getBoundingClientRect().width <= 1) return true;
              }
              return false;
            };
            const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const element = node.parentElement;
              if (!node.textContent.trim() || element.closest('svg, script, style, .visually-hidden, [hidden]')) continue;
              const style = getComputedStyle(element);
              if (style.visibility === 'hidden' || style.display === 'none' || clippedAway(element)) continue;
              // The folded content of a closed <details> keeps its boxes but is not shown.
              if (element.checkVisibility && !element.checkVisibility()) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const rect of range.getClientRects()) {
                if (rect.width > 1 && rect.height > 1) runs.push({text: node.textContent.trim().slice(0, 40), rect, node});
              }
            }
            const found = [];
            for (let i = 0; i < runs.length; i++) {
              for (let j = i + 1; j < runs.length; j++) {
                const a = runs[i].rect, b = runs[j].rect;
                if (runs[i].node === runs[j].node) continue;
                const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                if (width > 2 && height > 2) found.push(runs[i].text + ' ~ ' + runs[j].text);
              }
            }
            return found.slice(0, 20);
            """;

    /**
     * Finds text that a box cuts off: text runs of the main content that reach outside the nearest ancestor whose
     * overflow is not visible (a wide table in its scroll box hides its right-hand column without the page scrolling
     * sideways, and a hidden overflow hides it for good), as "text" in container lines.
     */
    private static final String CLIPPED_TEXT = """
            const clippedAway = element => {
              for (let e = element; e; e = e.parentElement) {
                const style = getComputedStyle(e);
                if (style.position === 'absolute' && style.clip !== 'auto' && e.getBoundingClientRect().width <= 1) return true;
              }
              return false;
            };
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.classList.length ? '.' + [...e.classList].join('.') : '');
            const boxOf = element => {
              for (let e = element; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
                const style = getComputedStyle(e);
                if (style.overflowX !== 'visible' || style.overflowY !== 'visible') return e;
              }
              return null;
            };
            const found = [];
            const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const element = node.parentElement;
              // What a person types scrolls inside its own field, as fields do.
              if (!node.textContent.trim() || element.closest('svg, script, style, textarea, select, .visually-hidden, [hidden]')) continue;
              const style = getComputedStyle(element);
              if (style.visibility === 'hidden' || style.display === 'none' || clippedAway(element)) continue;
              // The folded content of a closed <details> keeps its boxes but is not shown.
              if (element.checkVisibility && !element.checkVisibility({contentVisibilityAuto: true})) continue;
              const box = boxOf(element);
              if (!box) continue;
              const outer = box.getBoundingClientRect();
              const left = outer.left + box.clientLeft, top = outer.top + box.clientTop;
              const right = left + box.clientWidth, bottom = top + box.clientHeight;
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const rect of range.getClientRects()) {
                if (rect.width > 1 && rect.height > 1 && (rect.left < left - 1 || rect.right > right + 1
                    || rect.top < top - 1 || rect.bottom > bottom + 1)) {
                  found.push('"' + node.textContent.trim().slice(0, 40) + '" in ' + describe(box));
                  break;
                }
              }
            }
            return found.slice(0, 20);
            """;

    /** Radio buttons and check boxes smaller than a finger's target (WCAG 2.5.8: 24 × 24 CSS px), as "id: w×h" lines. */
    private static final String SMALL_TARGETS = """
            return [...document.querySelectorAll('main input[type=radio], main input[type=checkbox]')]
                .filter(input => input.checkVisibility({contentVisibilityAuto: true}))
                .map(input => ({input, rect: input.getBoundingClientRect()}))
                .filter(target => target.rect.width < 24 || target.rect.height < 24)
                .map(target => (target.input.id || target.input.name) + ': ' + target.rect.width + '×' + target.rect.height)
                .slice(0, 20);
            """;

    /**
     * Looks at the page as on a desktop (1280 px), at 200 % zoom of it (640 CSS px) and on a phone
     * (390 px): no text on top of other text, no text cut off by its box and no sideways scrolling of the page, and on
     * the phone radio buttons and check boxes a finger can hit; a full-length screenshot of the desktop and the phone
     * view goes to target/screenshots.
     */
    @SuppressWarnings("unchecked")
    public void assertReadableAtEveryWidth() {
        for (int width : new int[] {1280, 640, 390}) {
            driver.manage().window().setSize(new Dimension(width, 1600));
            long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
            long viewport = (Long) driver.executeScript("return window.innerWidth");
            assertThat(scrollWidth).as("%s scrolls sideways at %d px", path(), width).isLessThanOrEqualTo(viewport);
            List<String> overlaps = (List<String>) driver.executeScript(OVERLAPPING_TEXT);
            assertThat(overlaps).as("text on top of other text on %s at %d px", path(), width).isEmpty();
            List<String> clipped = (List<String>) driver.executeScript(CLIPPED_TEXT);
            assertThat(clipped).as("text cut off by its box on %s at %d px", path(), width).isEmpty();
            if (width == 390) {
                List<String> small = (List<String>) driver.executeScript(SMALL_TARGETS);
                assertThat(small).as("radio buttons or check boxes under 24 × 24 px on %s at %d px", path(), width).isEmpty();
            }
            if (width != 640) {
                long height = (Long) driver.executeScript("return document.documentElement.scrollHeight"
                        + " + window.outerHeight - window.innerHeight");
                driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 800), 12000)));
                screenshot(width + "px");
            }
        }
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    /** Runs axe-core on the page and fails with one readable line per violation and element, then checks the layout. */
    @SuppressWarnings("unchecked")
    public void assertAccessible() {
        assertReadableAtEveryWidth();
        JavascriptExecutor js = driver;
        js.executeScript(axeScript);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                        + ".then(result => done(result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " targets: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}))))"
                        + ".catch(e => done([{id: 'axe-error', help: String(e), targets: []}]));",
                WCAG_21_AA);
        String report = violations.stream()
                .map(v -> "- " + v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + "\n    "
                        + String.join("\n    ", (List<String>) v.get("targets")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("WCAG 2.1 AA violations on %s (%s):%n%s", path(), title(), report).isEmpty();
    }

    public void navigateBack() {
        driver.navigate().back();
    }

    /** The id of the element that has the keyboard focus, or its tag name when it has no id. */
    public String focused() {
        return (String) driver.executeScript("const e = document.activeElement; return e.id || e.className || e.tagName;");
    }

    /** What the pages' Content-Security-Policy refused since the last call, as the browser's console says it. */
    public List<String> contentSecurityPolicyRefusals() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** Waits until a script has set the given data attribute to "true" on the element (asynchronous rendering). */
    public void awaitData(By element, String attribute) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(browser -> "true".equals(find(element).getAttribute("data-" + attribute)));
    }

    /** Waits until the element's text contains the given text (a script filling it in). */
    public void awaitText(By element, String text) {
        // While the next page replaces this one, the element found may go stale before its text is read (Chromium
        // may say so as a stale reference or as a node of another document): look again.
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(browser -> {
                    try {
                        return find(element).getText().contains(text);
                    } catch (WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return false;
                        }
                        throw e;
                    }
                });
    }

    private void screenshot(String suffix) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "screenshots"));
            String name = "%02d-%s%s.png".formatted(SCREENSHOTS.incrementAndGet(), path().replaceAll("[^A-Za-z0-9]+", "-")
                    .replaceAll("^-|-$", ""), suffix.isEmpty() ? "" : "-" + suffix).replace("-.png", ".png");
            Files.write(directory.resolve(name.length() > 80 ? name.substring(0, 76) + ".png" : name),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Browser.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the test classpath (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
