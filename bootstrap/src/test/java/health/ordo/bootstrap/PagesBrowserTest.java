package health.ordo.bootstrap;

import health.ordo.application.port.in.user.ProvisionTenantUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.user.Login;
import health.ordo.domain.user.Role;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; never skipped: no
 * browser is a failure): a worker signs in, gets the next item, sees why, starts and completes it and the next one
 * comes; a worker who opens an administration page gets a 403 page; an administrator changes the tenant's name and
 * colour and the next page shows them; a form without its CSRF token is refused. axe-core finds no serious or critical
 * violation on any page, and a screenshot of each is saved under {@code target/screenshots}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ProvisionTenantUseCase provision;

    private String tenant;
    private WebDriver browser;

    @BeforeAll
    void tenantWithWork() {
        tenant = "pages-" + UUID.randomUUID().toString().substring(0, 6);
        provision.provision(TenantId.of(tenant), "Pages test", List.of(
                new ProvisionTenantUseCase.NewUser(Login.parse("ada@" + tenant), "Ada Admin", "password-of-ada1", Set.of(Role.TENANT_ADMIN)),
                new ProvisionTenantUseCase.NewUser(Login.parse("wanda@" + tenant), "Wanda Worker", "password-of-wanda", Set.of(Role.WORKER))));
        ApiClient api = new ApiClient(server.getURI(), json);
        String ada = api.login("ada@" + tenant, "password-of-ada1");
        assertThat(api.put("/api/v1/queues/ap-exceptions", ada, Map.of("name", "AP exceptions")).status()).isIn(200, 201);
        for (int i = 1; i <= 3; i++) {
            assertThat(api.post("/api/v1/work-items", ada, Map.of("type", "INVOICE_HOLD", "source", Map.of("system", "oracle-fusion",
                    "externalId", "PG-" + i), "title", "Price variance hold " + i, "amount", Map.of("value", String.valueOf(i * 5000),
                    "currency", "USD"))).status()).isEqualTo(201);
        }
        assertThat(api.put("/api/v1/workers/wanda@" + tenant, ada, Map.of("queues", List.of("ap-exceptions"), "capacity", 10,
                "available", true)).status()).isIn(200, 201);
        // eight weeks of history, so the dashboard has arrivals to chart and to forecast from
        StringBuilder history = new StringBuilder("type,queue,source_reference,received,started,completed,deadline\n");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        for (java.time.LocalDate day = today.minusDays(56); day.isBefore(today); day = day.plusDays(1)) {
            int count = day.getDayOfWeek().getValue() > 5 ? 1 : 6 + day.getDayOfMonth() % 3;
            for (int i = 0; i < count; i++) {
                java.time.Instant received = day.atTime(9, 0).plusMinutes(10L * i).toInstant(java.time.ZoneOffset.UTC);
                history.append(String.join(",", "INVOICE_HOLD", "ap-exceptions", "PH-" + day + "-" + i, received.toString(),
                        received.plusSeconds(3600).toString(), received.plusSeconds(5400).toString(), received.plusSeconds(86_400).toString()))
                        .append('\n');
            }
        }
        assertThat(api.postRaw("/api/v1/history:import", ada, history.toString(), "text/csv").status()).isEqualTo(202);

        browser = Browsers.chromium();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return server.getURI() + path;
    }

    private void signIn(String user, String password) {
        Browsers.signIn(browser, server.getURI(), user, password);
    }

    /** axe-core on the page: no serious or critical violation; and a screenshot of it. */
    private void checkPage(String name) throws IOException {
        Browsers.check(browser, name);
    }

    @Test
    void aWorker_getsTheNextItem_seesWhy_completesIt_andTheNextOneComes() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(url("/ui/sign-in"));
        checkPage("sign-in");
        signIn("wanda@" + tenant, "password-of-wanda");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Workbench");
        checkPage("workbench");

        browser.findElement(By.id("get-next")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/ui/items/"));
        String first = browser.findElement(By.cssSelector("[data-testid=item-title]")).getText();
        assertThat(first).as("the largest hold ranks first").isEqualTo("Price variance hold 3");
        assertThat(browser.findElement(By.id("why")).getText()).contains("FINANCIAL_IMPACT").contains("policy");
        assertThat(browser.findElements(By.cssSelector("#why meter"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("[data-testid=item-status]")).getText()).isEqualTo("CLAIMED");
        checkPage("item");

        browser.findElement(By.id("start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=item-status]"),
                "IN_PROGRESS"));
        browser.findElement(By.id("resolution")).sendKeys("RELEASED");
        browser.findElement(By.id("complete")).click();
        // htmx swaps the item in place: an element read during the swap is stale, so read it again until the next item shows
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.cssSelector("[data-testid=item-title]")).getText().equals(first)
                        && "CLAIMED".equals(d.findElement(By.cssSelector("[data-testid=item-status]")).getText()));
        assertThat(browser.findElement(By.cssSelector("[data-testid=item-title]")).getText()).isEqualTo("Price variance hold 2");
        assertThat(browser.findElement(By.cssSelector("[data-testid=item-status]")).getText()).isEqualTo("CLAIMED");

        browser.get(url("/ui/admin/branding"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=error-heading]")).getText()).isEqualTo("Not allowed");
        checkPage("forbidden");
        browser.get(url("/ui/backlog"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=error-heading]")).getText()).as("a worker sees no backlog page")
                .isEqualTo("Not allowed");
    }

    @Test
    void anAdministrator_changesTheNameAndColour_andTheNextPageShowsThem() throws IOException {
        signIn("ada@" + tenant, "password-of-ada1");
        browser.get(url("/ui/admin/branding"));
        checkPage("branding");
        WebElement name = browser.findElement(By.id("displayName"));
        name.clear();
        name.sendKeys("Northwind Health");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('primaryColor').value = '#7b1fa2';");
        browser.findElement(By.id("term.work_items")).sendKeys("cases");
        browser.findElement(By.id("save-branding")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("saved"));

        browser.get(url("/ui/workbench"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=product-name]")).getText()).isEqualTo("Northwind Health");
        assertThat(browser.getTitle()).endsWith("Northwind Health");
        assertThat(browser.findElement(By.cssSelector("header.bar")).getCssValue("background-color")).isEqualTo("rgba(123, 31, 162, 1)");
        assertThat(browser.findElement(By.id("mine-heading")).getText()).as("the tenant's own word").isEqualTo("My cases");
        checkPage("workbench-branded");

        browser.get(url("/ui/backlog"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=queues]")).getText()).contains("AP exceptions");
        checkPage("backlog");

        // the dashboard: charts drawn by ECharts under the strict CSP, the forecast of the imported history, breaches, staffing
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(url("/ui/insights"));
            return driver.findElement(By.cssSelector("[data-testid=forecast-summary]")).getText().contains("ap-exceptions");
        });
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-chart=forecast][data-rendered=true] svg")));
        assertThat(browser.findElements(By.cssSelector("[data-chart][data-rendered=true]"))).as("flow, aging, SLA by week, forecast").hasSize(4);
        assertThat(browser.findElement(By.cssSelector("[data-testid=tiles]")).getText()).contains("money at stake");
        assertThat(browser.findElement(By.cssSelector("[data-testid=staffing]")).getText()).contains("ap-exceptions");
        WebElement by = browser.findElement(By.id("breach-by"));
        String date = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(14).toString();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", by, date);
        by.submit();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=breach-summary]"), date));
        // the what-if: one more worker on the queue, answered in place (htmx) with breaches and money before and after
        browser.findElement(By.cssSelector("[data-testid=what-if]")).click();
        assertThat(browser.findElement(By.cssSelector("table[data-testid=what-if-result]")).getText()).contains("ap-exceptions")
                .contains("Items that miss their deadline").contains("Money at risk");
        // the backlog's aging grouped by type of work instead of queue (payer and facility the same way)
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("aging-by"))).selectByValue("type");
        browser.findElement(By.cssSelector("[data-testid=aging-by]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("agingBy=type"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(driver ->
                driver.findElement(By.cssSelector("[data-chart=aging]")).getAttribute("data-series").contains("INVOICE_HOLD"));
        checkPage("insights");

        browser.get(url("/ui/admin/policies"));
        WebElement financial = browser.findElement(By.id("w.FINANCIAL_IMPACT"));
        financial.clear();
        financial.sendKeys("0");
        WebElement topN = browser.findElement(By.id("topN"));
        topN.clear();
        topN.sendKeys("1");
        browser.findElement(By.id("what-if")).click();
        assertThat(browser.findElement(By.cssSelector("[data-testid=rank-changes]")).getText()).contains("open items compared");
        assertThat(browser.findElement(By.id("w.FINANCIAL_IMPACT")).getAttribute("value")).as("the weights tried stay in the form").isEqualTo("0");
        checkPage("policies-what-if");
        // those weights saved as a draft, the draft's own what-if against the policy in force, then its activation
        browser.findElement(By.id("draft-description")).sendKeys("deadlines only");
        browser.findElement(By.cssSelector("[data-testid=save-draft]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("m=drafted"));
        WebElement draft = browser.findElement(By.cssSelector("tr[data-policy=standard][data-version='1']"));
        assertThat(draft.getText()).contains("DRAFT").contains("deadlines only");
        draft.findElement(By.cssSelector("[data-testid=draft-what-if]")).click();
        assertThat(browser.findElement(By.id("report-heading")).getText()).contains("standard v1");
        assertThat(browser.findElement(By.cssSelector("[data-testid=rank-changes]")).getText()).contains("open items compared");
        checkPage("policies-draft-what-if");
        browser.findElement(By.cssSelector("tr[data-policy=standard][data-version='1'] [data-testid=activate]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("m=activated"));
        assertThat(browser.findElement(By.cssSelector("tr[data-policy=standard][data-version='1']")).getText()).contains("ACTIVE");
        // the dashboard's what-if ordered by that version: the answer names the policy it simulated
        browser.get(url("/ui/insights"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("whatif-policy"))).selectByValue("standard:1");
        browser.findElement(By.cssSelector("[data-testid=what-if]")).click();
        assertThat(browser.findElement(By.cssSelector("[data-testid=what-if-policy]")).getText()).contains("standard");

        // a holiday file from HR, imported on the calendars page: a new calendar with the recurring holiday expanded
        java.nio.file.Path ics = java.nio.file.Files.createTempFile("site-holidays", ".ics");
        java.nio.file.Files.writeString(ics, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example Health HR//EN",
                "X-WR-TIMEZONE:America/New_York", "BEGIN:VEVENT", "UID:christmas@hr.example.org", "DTSTAMP:20260101T000000Z",
                "DTSTART;VALUE=DATE:20201225", "RRULE:FREQ=YEARLY", "SUMMARY:Christmas Day", "END:VEVENT", "BEGIN:VEVENT",
                "UID:picnic@hr.example.org", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20270618", "STATUS:CANCELLED",
                "SUMMARY:Summer picnic", "END:VEVENT", "END:VCALENDAR", ""));
        browser.get(url("/ui/admin/calendars"));
        WebElement calendarId = browser.findElement(By.id("calendar"));
        calendarId.clear();
        calendarId.sendKeys("site-holidays");
        browser.findElement(By.id("file")).sendKeys(ics.toString());
        browser.findElement(By.id("import-calendar")).click();
        assertThat(browser.findElement(By.cssSelector("[data-testid=import-result]")).getText()).contains("site-holidays")
                .contains("3 holidays").contains("Summer picnic");
        assertThat(browser.findElement(By.cssSelector("[data-calendar=site-holidays]")).getText()).contains("America/New_York")
                .contains("-12-25");
        checkPage("calendars");
        java.nio.file.Files.delete(ics);

        // an unclear letter from intake: its review item leads to the document, where a person gives its type
        ApiClient api = new ApiClient(server.getURI(), json);
        ApiClient.Response unclear = api.postBytes("/api/v1/intake/documents", api.login("ada@" + tenant, "password-of-ada1"),
                ("Please see attached. Call me about this one when you get a chance, the numbers do not match what we discussed.\n"
                        + "Thanks, Pat (front desk)\nRef 2291-A").getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(unclear.string("status")).isEqualTo("IN_REVIEW");
        browser.get(url("/ui/items/" + unclear.string("reviewItemId")));
        browser.findElement(By.id("open-document")).click();
        assertThat(browser.findElement(By.cssSelector("[data-testid=document-status]")).getText()).isEqualTo("IN_REVIEW");
        assertThat(browser.findElement(By.cssSelector("pre.document-text")).getText()).contains("Pat (front desk)");
        checkPage("document");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("type"))).selectByValue("SUPPLIER_INVOICE");
        browser.findElement(By.cssSelector("details summary")).click();
        browser.findElement(By.id("field.invoiceNumber")).sendKeys("INV-2291-A");
        browser.findElement(By.id("review-document")).click();
        assertThat(browser.findElement(By.cssSelector("[data-testid=review-result]")).getText()).contains("Reviewed");
        assertThat(browser.findElement(By.cssSelector("[data-testid=document-status]")).getText()).isEqualTo("REVIEWED");
        assertThat(api.get("/api/v1/intake/documents/" + unclear.string("id"), api.login("ada@" + tenant, "password-of-ada1"))
                .string("reviewedType")).isEqualTo("SUPPLIER_INVOICE");
        assertThat(browser.findElement(By.id("field.invoiceNumber")).getAttribute("value")).as("the entered field is kept")
                .isEqualTo("INV-2291-A");
    }

    @Test
    void formsWithoutTheirCsrfToken_areRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String signInPage = http.send(HttpRequest.newBuilder(URI.create(url("/ui/sign-in"))).build(), HttpResponse.BodyHandlers.ofString()).body();
        String preToken = csrf(signInPage);

        // the administrator, who serves no queue: her get-next claims nothing the worker's scenario expects
        HttpResponse<String> noToken = post(http, "/ui/sign-in", "username=ada%40" + tenant + "&password=password-of-ada1");
        HttpResponse<String> signedIn = post(http, "/ui/sign-in", "_csrf=" + preToken + "&username=ada%40" + tenant + "&password=password-of-ada1");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Set-Cookie").orElse("")).contains("ORDO_SESSION=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict");

        String workbench = http.send(HttpRequest.newBuilder(URI.create(url("/ui/workbench"))).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = csrf(workbench);
        assertThat(post(http, "/ui/work/next", "").statusCode()).isEqualTo(403);
        assertThat(post(http, "/ui/work/next", "_csrf=" + URLEncoder.encode(preToken, StandardCharsets.UTF_8)).statusCode())
                .as("the sign-in form's token is not the session's").isEqualTo(403);
        assertThat(post(http, "/ui/work/next", "_csrf=" + token).statusCode()).isEqualTo(303);
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/work-items"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as("the page session's cookie never authenticates the API").isEqualTo(401);
    }

    private HttpResponse<String> post(HttpClient http, String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
        return matcher.group(1);
    }
}
