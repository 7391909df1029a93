package health.ordo.bootstrap;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The headless Chromium the page tests drive, and what every page is checked for (axe-core, a screenshot). */
final class Browsers {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Browsers() {
    }

    /** Debian's chromium and chromium-driver when installed (CI installs them); never skipped without them. */
    static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000");
        File binary = new File("/usr/bin/chromium");
        if (binary.exists()) {
            options.setBinary(binary);
        }
        ChromeDriverService.Builder service = new ChromeDriverService.Builder();
        File driver = new File("/usr/bin/chromedriver");
        if (driver.exists()) {
            service.usingDriverExecutable(driver);
        }
        WebDriver browser = new ChromeDriver(service.build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }

    /** Signs in through the form and waits for the workbench. */
    static void signIn(WebDriver browser, URI base, String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/ui/workbench");
        assertThat(browser.getCurrentUrl()).contains("/ui/sign-in");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/ui/workbench"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("sign-in did not reach the workbench: " + browser.getCurrentUrl() + " cookies "
                    + browser.manage().getCookies(), e);
        }
    }

    /** axe-core on the page: no serious or critical WCAG 2.1 A/AA violation; and a screenshot of it. */
    static void check(WebDriver browser, String name) throws IOException {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        List<String> severe = results.getViolations().stream().filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(r -> r.getId() + " " + r.getNodes().stream().limit(2).map(n -> n.getTarget() + " " + n.getHtml().substring(0, Math.min(200, n.getHtml().length())) + " " + n.getFailureSummary())
                        .toList()).toList();
        assertThat(severe).as("serious or critical accessibility violations on " + name).isEmpty();
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The page's first contentful paint (Paint Timing, waited for up to 2 s; -1 when the browser reports none), its
     * DOMContentLoaded and its load event, in milliseconds from the start of navigation (Navigation Timing).
     */
    static double[] paintAndLoad(WebDriver browser) {
        Object measured = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const nav = performance.getEntriesByType('navigation')[0];
                const answer = fcp => done([fcp, nav ? nav.domContentLoadedEventEnd : -1, nav ? nav.loadEventEnd : -1]);
                const found = performance.getEntriesByName('first-contentful-paint')[0];
                if (found) { answer(found.startTime); return; }
                try {
                  new PerformanceObserver(list => {
                    const entry = list.getEntriesByName('first-contentful-paint')[0];
                    if (entry) { answer(entry.startTime); }
                  }).observe({type: 'paint', buffered: true});
                } catch (e) { /* no Paint Timing */ }
                setTimeout(() => answer(-1), 2000);""");
        List<?> values = (List<?>) measured;
        return new double[] {((Number) values.get(0)).doubleValue(), ((Number) values.get(1)).doubleValue(),
                ((Number) values.get(2)).doubleValue()};
    }
}
