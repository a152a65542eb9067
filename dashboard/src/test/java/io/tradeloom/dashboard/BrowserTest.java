package io.tradeloom.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromedriver, never a downloaded browser).
 * All nine services run for real in-process on one SQLite file: scanner (the simulated market),
 * technical, pattern, recognition, news, trading (the paper broker), coordination, reporting and the
 * dashboard. Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Fixture fixture;
    private static ServiceKit.RunningService scanner;
    private static ServiceKit.RunningService technical;
    private static ServiceKit.RunningService pattern;
    private static ServiceKit.RunningService recognition;
    private static ServiceKit.RunningService news;
    private static ServiceKit.RunningService trading;
    private static ServiceKit.RunningService coordination;
    private static ServiceKit.RunningService reporting;
    private static ServiceKit.RunningService dashboard;
    private static Map<ServiceId, URI> urls;
    private static int technicalPort;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run installs them)");
        fixture = new Fixture("browser");
        // Ports are chosen up front so that every service is started knowing where all the others are.
        urls = new EnumMap<>(ServiceId.class);
        for (ServiceId id : ServiceId.values()) {
            if (id != ServiceId.DASHBOARD) {
                urls.put(id, Fixture.local(freePort()));
            }
        }
        // The dashboard, coordination and reporting call trading with the credentials trading accepts.
        Map<String, String> credentials = Map.of("trading.api-token", Fixture.TOKEN,
                "trading.api-key-id", Fixture.KEY_ID, "trading.api-secret-key", Fixture.SECRET);
        scanner = fixture.start(ServiceId.SCANNER, io.tradeloom.scanner.Main::routing, port(ServiceId.SCANNER), urls,
                Map.of("market.data", "sim", "sim.speed", "60", "market.history-days", "3"));
        technicalPort = port(ServiceId.TECHNICAL);
        technical = fixture.start(ServiceId.TECHNICAL, io.tradeloom.technical.Main::routing, technicalPort, urls, Map.of());
        pattern = fixture.start(ServiceId.PATTERN, io.tradeloom.pattern.Main::routing, port(ServiceId.PATTERN), urls, Map.of());
        recognition = fixture.start(ServiceId.RECOGNITION, io.tradeloom.recognition.Main::routing, port(ServiceId.RECOGNITION), urls, Map.of());
        news = fixture.start(ServiceId.NEWS, io.tradeloom.news.Main::routing, port(ServiceId.NEWS), urls, Map.of());
        trading = fixture.start(ServiceId.TRADING, io.tradeloom.trading.Main::routing, port(ServiceId.TRADING), urls, credentials);
        coordination = fixture.start(ServiceId.COORDINATION, io.tradeloom.coordination.Main::routing, port(ServiceId.COORDINATION), urls, credentials);
        // Daily points: with the default 1Min, reporting asks trading for an intraday history longer than
        // the 30 days trading serves, and trading answers 422 (a mismatch between the two, reported).
        Map<String, String> reportingSettings = new java.util.HashMap<>(credentials);
        reportingSettings.put("reporting.live-timeframe", "1D");
        reporting = fixture.start(ServiceId.REPORTING, io.tradeloom.reporting.Main::routing, port(ServiceId.REPORTING), urls, reportingSettings);
        dashboard = fixture.dashboard(urls);
        urls.put(ServiceId.DASHBOARD, Fixture.local(dashboard.port()));

        Files.createDirectories(SCREENSHOTS);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // The live view re-renders parts of the page: an element found a moment ago may have been replaced.
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        for (ServiceKit.RunningService s : new ServiceKit.RunningService[] {dashboard, reporting, coordination, trading, news, recognition, pattern, technical, scanner}) {
            if (s != null) {
                s.stop();
            }
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static int port(ServiceId id) {
        return urls.get(id).getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Calls trading's Alpaca-style API directly, as a client of the broker would. */
    private static HttpResponse<String> toTrading(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(urls.get(ServiceId.TRADING).resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("APCA-API-KEY-ID", Fixture.KEY_ID).header("APCA-API-SECRET-KEY", Fixture.SECRET)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String orderId(HttpResponse<String> placed) {
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(placed.body());
        assertThat(m.find()).as(placed.body()).isTrue();
        return m.group(1);
    }

    private static String base() {
        return "http://127.0.0.1:" + dashboard.port();
    }

    private static void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(String service) {
        return browser.findElement(By.cssSelector("#services tr[data-service='" + service + "'] .status")).getText();
    }

    private static void confirm() {
        click(By.id("confirm-yes"));
    }

    /** Clicks once the element is there, finding it again if the page replaced it meanwhile. */
    private static void click(By by) {
        wait.until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    private static void scrollTo(String css) {
        ((JavascriptExecutor) browser).executeScript("document.querySelector(arguments[0]).scrollIntoView()", css);
    }

    @Test
    @Order(1)
    void theLoginLeadsToThePageShowingAllNineServices() {
        browser.get(base() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("login")).click();
        // a failed login is answered after a pause: wait for the page that says so
        wait.until(d -> d.findElement(By.cssSelector("[role=alert]")).getText().contains("Wrong password"));

        browser.findElement(By.id("password")).sendKeys(Fixture.PASSWORD);
        browser.findElement(By.id("login")).click();
        wait.until(d -> d.findElements(By.cssSelector("#services tbody tr")).size() == 9);
        wait.until(d -> "live".equals(d.findElement(By.id("live")).getText()));
        for (ServiceId id : ServiceId.values()) {
            wait.until(d -> status(id.module()).equals("up"));
        }
        assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo("9 of 9 services up");
        assertThat(browser.findElement(By.cssSelector("#database dl")).getText()).contains("schema");
        wait.until(d -> d.findElement(By.cssSelector("#clock dl")).getText().contains("data source"));
        screenshot("01-system");
    }

    @Test
    @Order(2)
    void aScanRunFromThePageListsItsCandidatesThatOpenTheSymbolView() {
        scrollTo("#market");
        click(By.cssSelector("#scan-form button[type=submit]"));
        wait.until(d -> d.findElements(By.cssSelector("#candidates tbody tr")).size() >= 3);
        assertThat(browser.findElement(By.cssSelector("#scan .meta")).getText()).contains("top_gainers");
        screenshot("02a-scan");
        click(By.cssSelector("#candidates tbody tr:first-child a"));
        wait.until(d -> !d.findElement(By.id("symbol-input")).getAttribute("value").isBlank());
    }

    @Test
    @Order(3)
    void theSymbolViewDrawsTheChartWithTheSignalAndTheNews() {
        WebElement input = browser.findElement(By.id("symbol-input"));
        input.clear();
        input.sendKeys("AAPL");
        browser.findElement(By.id("symbol-load")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#price-chart canvas")).isEmpty());
        wait.until(d -> !d.findElement(By.cssSelector("#signal .body")).getText().isBlank());
        assertThat(browser.findElement(By.cssSelector("#signal .body")).getText()).containsAnyOf("BUY", "SELL", "HOLD");
        // news and chart patterns come from the real services: their panels answer, whatever they found
        wait.until(d -> "ok".equals(d.findElement(By.id("news")).getAttribute("data-state")));
        wait.until(d -> d.findElement(By.cssSelector("#news .sentiment")).getText().startsWith("Sentiment:"));
        assertThat(browser.findElement(By.cssSelector("#patterns ul")).getText()).doesNotContain("Chart patterns:");
        scrollTo("#symbol");
        screenshot("02-symbol");
    }

    @Test
    @Order(4)
    void runningACycleMakesItsDecisionsAppear() {
        scrollTo("#trading");
        assertThat(browser.findElements(By.cssSelector("#cycles .decision"))).isEmpty();
        click(By.id("run-cycle"));
        // coordination records a decision for every candidate it looked at, HOLD included
        wait.until(d -> !d.findElements(By.cssSelector("#cycles .decision")).isEmpty());
        for (WebElement decision : browser.findElements(By.cssSelector("#cycles .decision strong"))) {
            assertThat(decision.getText()).matches("[A-Z.]+ (ENTER_LONG|ENTER_SHORT|EXIT|HOLD)");
        }
        screenshot("03-cycle");
    }

    @Test
    @Order(5)
    void anOrderIsCancelledAfterConfirmation() {
        // a limit buy far below the market rests unfilled until cancelled
        String id = orderId(toTrading("POST", "/v2/orders",
                "{\"symbol\":\"MSFT\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\",\"limit_price\":\"1.00\",\"time_in_force\":\"gtc\"}"));
        String row = "#orders tr[data-order='" + id + "']";
        By status = By.cssSelector(row + " .order-status");
        wait.until(d -> d.findElement(status).getText().equals("new"));
        click(By.cssSelector(row + " .cancel-order"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElement(By.id("confirm-text")).getText()).contains("MSFT");
        screenshot("04-confirm-cancel");
        confirm();
        wait.until(d -> d.findElement(status).getText().equals("canceled"));
        assertThat(browser.findElements(By.cssSelector(row + " .cancel-order"))).isEmpty();
    }

    @Test
    @Order(7)
    void autoTradingFlattenAndRiskResetAskFirstAndReportWhatWasDone() {
        wait.until(d -> d.findElement(By.id("autotrade-state")).getText().equals("auto-trading: off"));
        click(By.id("autotrade-toggle"));
        wait.until(d -> d.findElement(By.id("confirm-text")).getText().contains("place orders by itself"));
        confirm();
        wait.until(d -> d.findElement(By.id("toast")).getText().equals("Done: auto-trading on"));

        click(By.id("flatten"));
        wait.until(d -> d.findElement(By.id("confirm-text")).getText().contains("close every position"));
        confirm();
        wait.until(d -> d.findElement(By.id("toast")).getText().equals("Done: flatten everything"));

        click(By.id("reset-risk"));
        wait.until(d -> d.findElement(By.id("confirm-text")).getText().startsWith("Reset the risk state?"));
        confirm();
        wait.until(d -> d.findElement(By.id("toast")).getText().equals("Done: reset the risk state"));
    }

    @Test
    @Order(6)
    void aPositionIsClosedAfterConfirmationAndDeclinedWithout() {
        // the paper engine fills a market buy against the scanner's simulated quotes
        orderId(toTrading("POST", "/v2/orders",
                "{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\"}"));
        Fixture.await(Duration.ofSeconds(30), "the AAPL position",
                () -> toTrading("GET", "/v2/positions", null).body().contains("\"AAPL\""));
        By close = By.cssSelector("#positions tr[data-symbol='AAPL'] .close-position");
        click(close);
        click(By.id("confirm-no"));
        assertThat(browser.findElements(close)).hasSize(1);

        click(close);
        confirm();
        wait.until(d -> d.findElements(close).isEmpty());
        screenshot("05-position-closed");
    }

    @Test
    @Order(8)
    void performanceShowsTheMetricsTheEquityCurveAndTheJournal() {
        scrollTo("#performance");
        // the page loaded the report before any trade: load it again now that AAPL was bought and sold
        // centred: scrolled to the top edge, the button would sit under the sticky header
        ((JavascriptExecutor) browser).executeScript("document.getElementById('performance-load').scrollIntoView({block: 'center'})");
        click(By.id("performance-load"));
        wait.until(d -> d.findElement(By.cssSelector("#live-report .metrics dl")).getText().contains("sharpe"));
        assertThat(browser.findElements(By.cssSelector("#live-report .chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#live-report .trades tbody")).getText()).contains("AAPL");
        screenshot("05b-performance");
    }

    @Test
    @Order(9)
    void aBacktestRunFromTheFormShowsItsResults() {
        scrollTo("#backtests");
        click(By.cssSelector("#backtest-form button[type=submit]"));
        wait.until(d -> d.findElement(By.id("backtest-report")).isDisplayed());
        wait.until(d -> d.findElement(By.cssSelector("#backtest-report .title")).getText().matches("Backtest bt-[0-9a-f]+ \\(completed\\)"));
        wait.until(d -> d.findElement(By.cssSelector("#backtest-report .metrics dl")).getText().contains("sharpe"));
        String title = browser.findElement(By.cssSelector("#backtest-report .title")).getText();
        assertThat(browser.findElement(By.cssSelector("#backtest-list tbody")).getText()).contains(title.split(" ")[1]);
        screenshot("06b-backtest");
    }

    @Test
    @Order(10)
    void aStoppedServiceShowsDownAndRecoversWhenItReturns() {
        technical.stop();
        wait.until(d -> status("technical").equals("down"));
        wait.until(d -> d.findElement(By.cssSelector("#services tr[data-service='technical']")).getText().contains("unreachable"));
        wait.until(d -> d.findElement(By.id("summary")).getText().equals("8 of 9 services up"));
        scrollTo("#system");
        screenshot("06-technical-down");

        technical = fixture.start(ServiceId.TECHNICAL, io.tradeloom.technical.Main::routing, technicalPort, urls, Map.of());
        wait.until(d -> status("technical").equals("up"));
        wait.until(d -> d.findElement(By.id("summary")).getText().equals("9 of 9 services up"));
        screenshot("07-technical-back");
    }

    @Test
    @Order(11)
    void aNarrowWindowKeepsThePageWithinItsWidth() {
        browser.manage().window().setSize(new Dimension(420, 900));
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth")).intValue() <= 420);
        long overflow = ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).longValue();
        assertThat(overflow).isLessThanOrEqualTo(0);
        screenshot("08-narrow");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }
}
