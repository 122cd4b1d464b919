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

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
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
    // every chart names its source, frequency and n under it, with PNG, SVG and CSV downloads
    @SuppressWarnings("unchecked")
    List<String> feet =
        (List<String>)
            js(
                "return [...document.querySelectorAll('.chart')].map(c => { const f ="
                    + " c.nextElementSibling; return f && f.classList.contains('chart-foot') ?"
                    + " f.querySelector('.caption').textContent + ' | ' + [...f.querySelectorAll("
                    + "'a.export')].map(a => a.dataset.format).join(',') : c.id + ': no"
                    + " caption'; });");
    for (String foot : feet) {
      assertTrue(
          foot.startsWith("Source: ") && foot.endsWith(" | png,svg,csv"), view + ": " + foot);
    }
    assertEquals(List.of(), consoleErrors(), view + ": console errors");
  }

  @Test
  void importedIcewsDyadYears_mapDyadAndTriangleViewsRenderAtTheSourcesFrequency(@TempDir Path tmp)
      throws IOException {
    // a store holding only an imported ICEWS dyad-year aggregate (yearly quad counts, no Goldstein)
    StringBuilder csv =
        new StringBuilder("i,j,year,verbCoop,matlCoop,verbConf,matlConf,i_iso3c,j_iso3c\n");
    String[] six = {"RUS", "PRK", "CHN", "USA"};
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int year = 2008; year <= 2014; year++) {
      for (String a : six) {
        for (String b : six) {
          if (!a.equals(b)) {
            csv.append(a).append(',').append(b).append(',').append(year);
            for (int k = 0; k < 4; k++) {
              csv.append(',').append(r.nextInt(k < 2 ? 60 : 20));
            }
            csv.append(',').append(a).append(',').append(b).append('\n');
          }
        }
      }
    }
    Path file = Files.writeString(tmp.resolve("dyad-years.csv"), csv);
    Path db = tmp.resolve("icews.duckdb");
    TestServer.CliRun in =
        TestServer.cli(
            List.of(
                "import",
                "icews-dyad-year",
                file.toString(),
                "--source",
                "icews-x",
                "--db",
                db.toString()));
    assertEquals(0, in.exit(), in.out() + in.err());
    try (TestServer icews =
        TestServer.start(org.entente.store.duckdb.DuckDbStore.openReadOnly(db))) {
      consoleErrors();
      for (String hash :
          new String[] {
            "#/map?freq=year", "#/dyad/RUS-PRK?freq=year", "#/triangles/USA,CHN,RUS?freq=year"
          }) {
        driver.get(icews.server.url() + hash);
        waitReady();
        String badge = driver.findElement(By.cssSelector("main h2 .source-badge")).getText();
        assertTrue(badge.contains("icews-x"), hash + ": " + badge);
        assertRendered("icews " + hash, 1);
      }
      screenshot("triangles-icews-aggregate");
    }
  }

  /**
   * A store holding a rollup exported from a store read with --actors RUS,PRK,USA (held rows,
   * format version 3): the map draws those three states and says which it left out and why.
   */
  @Test
  void systemMap_ofAStoreHoldingSomeStatesOnly_namesThoseLeftOut(@TempDir Path tmp)
      throws IOException {
    StringBuilder csv =
        new StringBuilder(
            "source,freq,period,actor1,actor2,directed,n,w1,w2,w3,w4,goldstein_sum,score,coverage,kind\n");
    String[] three = {"RUS", "PRK", "USA"};
    for (int m = 1; m <= 6; m++) {
      for (String a : three) {
        for (String b : three) {
          if (!a.equals(b)) {
            csv.append("gv,month,2019-0").append(m).append(',').append(a).append(',').append(b);
            csv.append(",true,12,6,2,3,1,4.5,,,dyad\n");
          }
        }
      }
    }
    csv.append("gv,month,,PRK,RUS,false,,,,,,,,,held\n");
    csv.append("gv,month,,PRK,USA,false,,,,,,,,,held\n");
    csv.append("gv,month,,RUS,USA,false,,,,,,,,,held\n");
    Path file = Files.writeString(tmp.resolve("held.csv"), csv);
    Path db = tmp.resolve("held.duckdb");
    TestServer.CliRun in =
        TestServer.cli(List.of("import", "rollup", file.toString(), "--db", db.toString()));
    assertEquals(0, in.exit(), in.out() + in.err());
    try (TestServer held =
        TestServer.start(org.entente.store.duckdb.DuckDbStore.openReadOnly(db))) {
      consoleErrors();
      driver.get(held.server.url() + "#/map?freq=month");
      waitReady();
      String note = driver.findElement(By.id("map-held")).getText();
      assertTrue(
          note.contains("every dyad of RUS, PRK, USA only") && note.contains("CHN, KOR, JPN"),
          note);
      assertRendered("held map", 1);
    }
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
    assertEquals(13, verdicts, "every card (P1..P10, P3 v2, P7 v2 and v3) shows a verdict");
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
        "source: GDELT 2.0 events",
        driver.findElement(By.cssSelector("h2 .source-badge")).getText());
    screenshot("dyad-gdelt2");
    try {
      open("#/propositions");
      List<String> sources =
          driver.findElements(By.cssSelector("#card-P1 .by-source dt")).stream()
              .map(WebElement::getText)
              .toList();
      assertEquals(List.of("curated chronology", "GDELT 2.0 events"), sources);
      String p7 =
          driver.findElement(By.cssSelector("#card-P7 .by-source dd:last-of-type")).getText();
      assertEquals("insufficient data", p7.toLowerCase(java.util.Locale.ROOT));
    } finally {
      ((JavascriptExecutor) driver).executeScript("localStorage.removeItem('entente.source');");
    }
  }

  @Test
  void aHashChangeWhileTheHeaderLoads_waitsForTheSourceListInsteadOfAskingWithoutASource() {
    // the page's /api/info answers 1.5 s late and the user follows a link 0.1 s after the page
    // asked
    // for it: the view must wait for the source list (without a source, the two-source store
    // answers 400)
    open("#/timeline");
    Map<String, Object> added =
        ((ChromeDriver) driver)
            .executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                    "source",
                    "const f = window.fetch; window.fetch = (u, o) => {"
                        + " if (!String(u).startsWith('/api/info')) return f(u, o);"
                        + " setTimeout(() => { location.hash = '#/dyad/RUS-PRK?freq=year'; }, 100);"
                        + " return new Promise(r => setTimeout(r, 1500)).then(() => f(u, o)); };"));
    try {
      consoleErrors();
      driver.navigate().refresh();
      waitFor(
          Duration.ofSeconds(45),
          "the dyad view after the late source list",
          d ->
              Boolean.TRUE.equals(
                  js(
                      "const m = document.getElementById('view'); return"
                          + " location.hash.startsWith('#/dyad') && m.dataset.ready === 'true'"
                          + " && document.querySelector('h2 .source-badge') !== null &&"
                          + " [...document.querySelectorAll('.chart')].every(c => c.dataset.ready"
                          + " === 'true');")));
      assertEquals(List.of(), consoleErrors(), "a link followed while the header loads");
      assertEquals(
          "source: curated chronology",
          driver.findElement(By.cssSelector("h2 .source-badge")).getText());
    } finally {
      ((ChromeDriver) driver)
          .executeCdpCommand(
              "Page.removeScriptToEvaluateOnNewDocument",
              Map.of("identifier", added.get("identifier")));
      driver.navigate().refresh();
      waitReady();
    }
  }

  /** What a chart drew: the option ECharts holds for the chart element with this id. */
  private static Object drawn(String id, String expression) {
    return js(
        "const o = echarts.getInstanceByDom(document.getElementById('"
            + id
            + "')).getOption(); return "
            + expression
            + ";");
  }

  @Test
  void lowConfidence_periodsWithFewerThanFiveEventsAreDrawnApartWithALegend() {
    open("#/dyad/RUS-PRK?freq=year");
    com.fasterxml.jackson.databind.JsonNode rows =
        server.get("/api/series?dyad=RUS-PRK&freq=year&source=chronology").json().get("rows");
    int low = 0;
    int empty = 0;
    for (com.fasterxml.jackson.databind.JsonNode r : rows) {
      // low confidence: 1 to 4 events; no events at all is a gap, not a low-confidence value
      low += r.get("low_confidence").asBoolean() && r.get("n").asInt() > 0 ? 1 : 0;
      empty += r.get("n").asInt() == 0 ? 1 : 0;
    }
    assertTrue(low > 0 && empty > 0, "the fixture has low-confidence and empty years");
    WebElement box = driver.findElement(By.id("dyad-chart"));
    assertEquals(String.valueOf(low), box.getAttribute("data-low-confidence"));
    // hollow grey points on the score line, hatched bars of events, open markers where n = 0
    assertEquals(
        low,
        ((Number)
                drawn(
                    "dyad-chart",
                    "o.series.find(s => s.name === 's4').data.filter(d => d.symbol ==="
                        + " 'emptyCircle').length"))
            .intValue());
    assertEquals(
        low,
        ((Number)
                drawn(
                    "dyad-chart",
                    "o.series.find(s => s.name === 'events').data.filter(d => d.itemStyle &&"
                        + " d.itemStyle.decal).length"))
            .intValue());
    assertEquals(
        empty,
        ((Number) drawn("dyad-chart", "o.series.find(s => s.name === 'no events').data.length"))
            .intValue());
    // a gap, not a zero: the score of an empty year is not drawn
    assertEquals(
        empty,
        ((Number)
                drawn(
                    "dyad-chart",
                    "o.series.find(s => s.name === 's4').data.filter(d => (Array.isArray(d) ? d :"
                        + " d.value)[1] === null).length"))
            .intValue());
    assertTrue(
        driver
            .findElement(By.cssSelector(".confidence-legend"))
            .getText()
            .contains("fewer than 5"));

    open("#/triangles/RUS,CHN,PRK?freq=year");
    com.fasterxml.jackson.databind.JsonNode periods =
        server
            .get("/api/triangle?actors=RUS,CHN,PRK&freq=year&sign-rule=band&source=chronology")
            .json()
            .get("periods");
    int weak = 0;
    for (com.fasterxml.jackson.databind.JsonNode p : periods) {
      boolean few = false;
      for (com.fasterxml.jackson.databind.JsonNode side : p.get("sides")) {
        few |= side.get("n").asInt() < 5;
      }
      weak += few || p.get("configuration").asText().equals("INDETERMINATE") ? 1 : 0;
    }
    assertTrue(weak > 0, "the fixture has indeterminate or thin periods");
    assertEquals(
        String.valueOf(weak),
        driver.findElement(By.id("triangle-band")).getAttribute("data-low-confidence"));
    assertEquals(
        weak,
        ((Number)
                drawn(
                    "triangle-band",
                    "o.series[0].data.filter(d => d.itemStyle.decal !== 'none').length"))
            .intValue());

    open("#/propositions");
    int undecided =
        driver
            .findElements(
                By.cssSelector(
                    ".card h3 .verdict.inconclusive, .card h3 .verdict.insufficient-data"))
            .size();
    assertTrue(undecided > 0, "some verdicts are undecided on the fixture");
    assertEquals(undecided, driver.findElements(By.cssSelector(".card.undecided")).size());
    assertEquals(
        undecided, driver.findElements(By.cssSelector(".card h3 .verdict.undecided")).size());
  }

  @Test
  void coverage_periodsOutsideTheSourcesDataAreAGapNotAZero() {
    // gdelt2 holds two events of June 2024: P1's quarterly series from 1989 lie mostly outside it
    open("#/timeline");
    js("localStorage.setItem('entente.source', 'gdelt2');");
    try {
      driver.navigate().refresh();
      open("#/propositions");
      List<String> csv = decode(export("chart-P1", "csv").get(1)).lines().toList();
      assertEquals("series,period,n,value,low_confidence,outside_source_coverage", csv.get(3));
      List<String> outside = csv.stream().filter(l -> l.endsWith(",true")).toList();
      List<String> inside = csv.stream().skip(4).filter(l -> l.endsWith(",false")).toList();
      assertTrue(outside.size() > 100, "quarters before June 2024: " + outside.size());
      // outside: no count and no value (a gap), not n = 0; inside: the two events, low confidence
      outside.forEach(l -> assertTrue(l.matches("[^,]+,\\d{4}-Q\\d,,,false,true"), l));
      assertTrue(inside.contains("RUS-PRK S6,2024-Q2,2,0,true,false"), "" + inside);
      assertEquals(
          Boolean.TRUE,
          drawn(
              "chart-P1",
              "o.series.some(s => s.markArea && s.markArea.data.some(a => a[0].label &&"
                  + " a[0].label.formatter === 'no data in source'))"));
      assertTrue(
          driver
              .findElement(By.cssSelector(".confidence-legend"))
              .getText()
              .contains("outside the source's data"));
    } finally {
      js("localStorage.removeItem('entente.source');");
      driver.navigate().refresh();
      waitReady();
    }
  }

  /** Clicks an export button of a chart without leaving the page; returns its file name and URL. */
  private static List<String> export(String chartId, String format) {
    @SuppressWarnings("unchecked")
    List<String> out =
        (List<String>)
            js(
                "const a = document.getElementById('"
                    + chartId
                    + "').nextElementSibling.querySelector(\"a.export[data-format='"
                    + format
                    + "']\"); const stop = e => e.preventDefault();"
                    + " document.addEventListener('click', stop, true); try { a.click(); }"
                    + " finally { document.removeEventListener('click', stop, true); }"
                    + " return [a.download, a.href];");
    return out;
  }

  @Test
  void exports_pngSvgAndCsvOfACharts_matchWhatItDrew() {
    open("#/dyad/RUS-PRK?freq=year");
    List<String> png = export("dyad-chart", "png");
    assertEquals("dyad-RUS-PRK-chronology-year.png", png.get(0));
    assertTrue(png.get(1).startsWith("data:image/png;base64,"), png.get(1).substring(0, 40));
    byte[] bytes =
        java.util.Base64.getDecoder().decode(png.get(1).substring(png.get(1).indexOf(',') + 1));
    assertEquals(List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'), bytesOf(bytes, 4));
    List<String> svg = export("dyad-chart", "svg");
    assertEquals("dyad-RUS-PRK-chronology-year.svg", svg.get(0));
    String svgText = decode(svg.get(1));
    assertTrue(svgText.startsWith("<svg") && svgText.contains("</svg>"), svgText.substring(0, 60));

    List<String> csv = export("dyad-chart", "csv");
    assertEquals("dyad-RUS-PRK-chronology-year.csv", csv.get(0));
    List<String> lines = decode(csv.get(1)).lines().toList();
    assertTrue(lines.get(1).startsWith("# source: chronology"), lines.get(1));
    assertEquals("# frequency: year", lines.get(2));
    assertEquals("period,n,s4,low_confidence,outside_source_coverage", lines.get(3));
    int apiRows =
        server
            .get("/api/series?dyad=RUS-PRK&freq=year&source=chronology")
            .json()
            .get("rows")
            .size();
    assertEquals(apiRows, lines.size() - 4, "one CSV row per period drawn");
    assertEquals(
        String.valueOf(apiRows),
        driver.findElement(By.id("dyad-chart")).getAttribute("data-csv-rows"));

    open("#/triangles/USA,CHN,RUS?freq=year");
    List<String> band = decode(export("triangle-band", "csv").get(1)).lines().toList();
    int periods =
        server
            .get("/api/triangle?actors=USA,CHN,RUS&freq=year&sign-rule=band&source=chronology")
            .json()
            .get("periods")
            .size();
    assertEquals(periods, band.size() - 4);
    assertTrue(band.get(3).startsWith("period,configuration,pivot,outcast,"), band.get(3));
  }

  private static List<Byte> bytesOf(byte[] b, int n) {
    List<Byte> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(b[i]);
    }
    return out;
  }

  /** The text of a {@code data:...;charset=utf-8,} URL. */
  private static String decode(String dataUrl) {
    return java.net.URLDecoder.decode(
        dataUrl.substring(dataUrl.indexOf(',') + 1).replace("+", "%2B"),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void labels_viewsShowPlainWordsNotEnumNamesOrSeedFiles() {
    for (String view :
        List.of("#/triangles/USA,CHN,RUS?freq=year", "#/dyad/RUS-PRK", "#/propositions")) {
      open(view);
      String text = (String) js("return document.getElementById('view').innerText;");
      for (String raw :
          List.of(
              "MENAGE_A_TROIS",
              "ROMANTIC_TRIANGLE",
              "STABLE_MARRIAGE",
              "UNIT_VETO",
              "INDETERMINATE",
              ".txt",
              "{\"")) {
        assertFalse(text.contains(raw), view + " shows " + raw);
      }
    }
    String seeds = driver.findElement(By.cssSelector("#card-P1 dd.seeds")).getText();
    assertTrue(seeds.startsWith("Van Jackson"), seeds);
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
        "Dyad RUS-PRKsource: curated chronology",
        driver.findElement(By.cssSelector("main h2")).getText());
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
