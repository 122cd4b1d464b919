package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium):
 * every view loads without console errors and renders its charts with data, and a click on an edge
 * of the system map opens the dyad view. Screenshots go to {@code target/screenshots/} for review.
 * Skipped, saying so, when the browser or its driver is not installed.
 */
class DashboardBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static TestServer server;
  private static WebDriver driver;

  @BeforeAll
  static void start(@TempDir Path profile) throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests skipped: needs Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "); .ci/run installs them");
    // two sources (the chronology, listed first and so chosen by default, and two GDELT events):
    // every view must read one source at a time
    server = TestServer.start(TestServer.chronologyAndGdeltStore());
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1400,1100",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, o);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Opens a view and waits until it and every chart in it say they are rendered. */
  private static void open(String hash) {
    driver.get(server.server.url() + hash);
    waitReady();
  }

  /** Polls {@code condition} every 100 ms until it holds or {@code timeout} passes. */
  private static void waitFor(Duration timeout, String what, Predicate<WebDriver> condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.test(driver)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what + " at " + driver.getCurrentUrl());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static void waitReady() {
    waitFor(
        Duration.ofSeconds(45),
        "the view and its charts",
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "const m = document.getElementById('view');"
                            + " return m && m.dataset.ready === 'true' &&"
                            + " [...document.querySelectorAll('.chart')].every("
                            + " c => c.dataset.ready === 'true');")));
  }

  private static void screenshot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  /** Console errors since the last call (reading the log empties it). */
  private static List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Each chart of the view with the number of data items it rendered. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> charts() {
    return (Map<String, Object>)
        ((JavascriptExecutor) driver)
            .executeScript(
                "const out = {}; document.querySelectorAll('.chart').forEach((c, i) =>"
                    + " { out[c.id || ('chart' + i)] = Number(c.dataset.items || 0)"
                    + " * (c.querySelector('canvas') ? 1 : 0); }); return out;");
  }

  private static void assertRendered(String view, int minCharts) {
    Map<String, Object> charts = charts();
    assertTrue(charts.size() >= minCharts, view + ": charts " + charts);
    charts.forEach(
        (id, items) -> assertTrue(((Number) items).intValue() > 0, view + ": " + id + " is empty"));
    assertEquals(List.of(), consoleErrors(), view + ": console errors");
  }

  @Test
  void everyView_loadsWithoutConsoleErrorsAndRendersItsCharts() throws IOException {
    consoleErrors();
    open("#/map?period=2024");
    assertRendered("map", 1);
    screenshot("map");

    open("#/dyad/RUS-PRK?freq=year");
    assertRendered("dyad", 1);
    screenshot("dyad");

    open("#/triangles/USA,CHN,RUS");
    assertRendered("triangles", 2);
    screenshot("triangles");

    open("#/triangles/USA,CHN,RUS?freq=year&period=2008");
    assertRendered("triangles in 2008", 2);
    screenshot("triangles-2008");

    open("#/triangles/RUS,CHN,PRK");
    assertRendered("triangles RUS-CHN-PRK", 2);

    open("#/propositions");
    assertRendered("propositions", 10);
    int verdicts =
        driver
            .findElements(
                By.cssSelector(
                    ".card h3 .verdict.supported, .card h3 .verdict.contradicted, .card h3"
                        + " .verdict.inconclusive, .card h3 .verdict.insufficient-data"))
            .size();
    assertEquals(12, verdicts, "every card (P1..P10, P3 v2, P7 v2) shows a verdict");
    screenshot("propositions");

    open("#/timeline");
    int rows = driver.findElements(By.cssSelector("#timeline-table tr.entry")).size();
    assertTrue(rows > 700, "timeline rows: " + rows);
    driver.findElement(By.id("timeline-search")).sendKeys("Vostochny");
    int filtered = driver.findElements(By.cssSelector("#timeline-table tr.entry")).size();
    assertTrue(filtered >= 1 && filtered < 10, "filtered rows: " + filtered);
    assertEquals(List.of(), consoleErrors(), "timeline: console errors");
    screenshot("timeline");
  }

  @Test
  void sourceSelector_switchesTheViewsToOneSourceAndPropositionsShowEverySource()
      throws IOException {
    open("#/dyad/RUS-PRK?freq=year");
    int chronologyYears = ((Number) charts().values().iterator().next()).intValue();
    assertTrue(chronologyYears > 10, "chronology years: " + chronologyYears);
    // choose gdelt2 as a user would: the selector's value changes and it fires 'change'
    ((JavascriptExecutor) driver)
        .executeScript(
            "const s = document.getElementById('source-select'); s.value = 'gdelt2';"
                + " s.dispatchEvent(new Event('change'));");
    waitFor(
        Duration.ofSeconds(45),
        "the dyad view on gdelt2",
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "const m = document.getElementById('view'); return m.dataset.ready ==="
                            + " 'true' && [...document.querySelectorAll('.chart')].every(c =>"
                            + " c.dataset.ready === 'true') && document.querySelectorAll('.chart')"
                            + ".length > 0 && Number(document.querySelector('.chart').dataset.items)"
                            + " < "
                            + chronologyYears
                            + ";")));
    // two GDELT events are too few for a periodisation: the API's 422 (which the browser logs) is
    // the expected answer, and the view says so instead of drawing periods
    assertEquals(
        List.of(),
        consoleErrors().stream().filter(m -> !m.contains("/api/periods?source=gdelt2")).toList(),
        "dyad on gdelt2: console errors");
    assertEquals(
        "source: gdelt2", driver.findElement(By.cssSelector("h2 .source-badge")).getText());
    screenshot("dyad-gdelt2");
    try {
      open("#/propositions");
      List<String> sources =
          driver.findElements(By.cssSelector("#card-P1 .by-source dt")).stream()
              .map(WebElement::getText)
              .toList();
      assertEquals(List.of("chronology", "gdelt2"), sources);
      String p7 =
          driver.findElement(By.cssSelector("#card-P7 .by-source dd:last-of-type")).getText();
      assertEquals("insufficient data", p7.toLowerCase(java.util.Locale.ROOT));
    } finally {
      ((JavascriptExecutor) driver).executeScript("localStorage.removeItem('entente.source');");
    }
  }

  @Test
  void triangleView_saysHowManyPeriodsAreIndeterminateAndWhy() {
    open("#/triangles/RUS,CHN,PRK?freq=month");
    String summary = driver.findElement(By.id("triangle-summary")).getText();
    assertTrue(
        summary.matches(
            "(?s)\\d+ of \\d+ periods are indeterminate: \\d+ because a side has no events.*"),
        summary);
  }

  @Test
  void systemMap_opensOnTheLatestPeriodWithEnoughEvents() {
    open("#/map?freq=year");
    String shown = driver.findElement(By.id("map-period")).getText();
    com.fasterxml.jackson.databind.JsonNode sys =
        server.get("/api/system?freq=year&source=chronology").json();
    List<String> periods = new java.util.ArrayList<>();
    sys.get("periods").forEach(p -> periods.add(p.asText()));
    int at = -1;
    for (int i = 0; i < periods.size(); i++) {
      if (shown.contains(periods.get(i))) {
        at = i;
      }
    }
    assertTrue(at >= 0, "the label names a period: " + shown);
    long events = 0;
    for (com.fasterxml.jackson.databind.JsonNode d : sys.get("dyads")) {
      events += d.get("n").get(at).asLong();
    }
    assertTrue(events >= 5, periods.get(at) + " has " + events + " events");
  }

  @Test
  void clickOnAnEdgeOfTheMap_opensThatDyad() throws IOException {
    open("#/map?period=2024");
    @SuppressWarnings("unchecked")
    List<Number> p =
        (List<Number>)
            ((JavascriptExecutor) driver)
                .executeScript("return window.__entente.edgePoint('RUS-PRK');");
    new Actions(driver).moveToLocation(p.get(0).intValue(), p.get(1).intValue()).click().perform();
    waitFor(
        Duration.ofSeconds(20), "the dyad view", d -> d.getCurrentUrl().contains("#/dyad/RUS-PRK"));
    waitReady();
    assertEquals(
        "Dyad RUS-PRKsource: chronology", driver.findElement(By.cssSelector("main h2")).getText());
    assertRendered("dyad after click", 1);
    screenshot("dyad-from-map");
  }

  @Test
  void simulateView_runsAScenarioWithMonteCarlo_drawsPositionsOffersAndDistribution()
      throws IOException {
    consoleErrors();
    open("#/simulate");
    assertEquals(3, driver.findElements(By.cssSelector("#sim-scenario option")).size());
    driver.findElement(By.cssSelector("#sim-scenario option[value='prk-nuclear']")).click();
    waitFor(
        Duration.ofSeconds(20),
        "the nuclear scenario",
        d -> d.getCurrentUrl().contains("#/simulate/prk-nuclear"));
    waitReady();
    assertEquals(6, driver.findElements(By.cssSelector("#sim-actors tr")).size() - 1);
    driver.findElement(By.cssSelector("#sim-preset option[value='scholz']")).click();
    driver.findElement(By.id("sim-runs")).clear();
    driver.findElement(By.id("sim-runs")).sendKeys("500");
    driver.findElement(By.id("sim-seed")).clear();
    driver.findElement(By.id("sim-seed")).sendKeys("7");
    driver.findElement(By.id("sim-run")).click();
    waitFor(
        Duration.ofSeconds(20),
        "the run with Monte Carlo",
        d -> d.getCurrentUrl().contains("runs=500") && d.getCurrentUrl().contains("seed=7"));
    waitReady();
    Map<String, Object> charts = charts();
    assertEquals(
        java.util.Set.of("sim-positions", "sim-histogram", "sim-regions"), charts.keySet());
    // 11 rounds (0..10, preset scholz stops at 10) × 6 states
    assertEquals(66, ((Number) charts.get("sim-positions")).intValue());
    assertRendered("simulate", 3);
    int offers = driver.findElements(By.cssSelector("#sim-offers-table tr.offer")).size();
    assertTrue(offers > 0, "offers of the selected round: " + offers);
    String summary = driver.findElement(By.id("sim-mc-summary")).getText();
    assertTrue(summary.contains("500 runs, seed 7"), summary);
    String forecast = driver.findElement(By.id("sim-forecast")).getText();
    assertTrue(forecast.contains("Forecast"), forecast);
    assertFalse(forecast.contains("max-rounds"), "plain words, not the enum: " + forecast);
    // the whole page in one picture: the window as tall as the document, then back
    org.openqa.selenium.Dimension window = driver.manage().window().getSize();
    Number height =
        (Number)
            ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight;");
    driver
        .manage()
        .window()
        .setSize(new org.openqa.selenium.Dimension(window.getWidth(), height.intValue() + 120));
    try {
      screenshot("simulate");
    } finally {
      driver.manage().window().setSize(window);
    }
  }
}
