package org.quarry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;

/**
 * The web page in a real browser: Debian's headless Chromium, driven through chromedriver, uses the
 * page as a researcher would (query, facet, filter chip, passage in context, review of a code's
 * suggestions) against a server over the seed papers. Skipped when Chromium or chromedriver is not
 * installed, unless {@code QUARRY_REQUIRE_BROWSER=1} (as in CI) makes that a failure.
 */
class BrowserEndToEndTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  static Quarry quarry;
  static QuarryServer server;
  static ChromeDriverService service;
  static WebDriver browser;
  static WebDriverWait wait;
  static Path downloads;

  @BeforeAll
  static void start() throws IOException {
    requireBrowser();
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
      for (Path p : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) {
        Files.copy(p, docs.resolve(p.getFileName()));
      }
    }
    // the seed papers have no interviewer: one interview transcript beside them has
    Files.copy(
        Path.of("src/test/resources/transcripts/colon-names.txt"), docs.resolve("colon-names.txt"));
    quarry = Quarry.open(tmp.resolve("index"));
    // and a participant with attributes (role, organisation, region) from a participants table
    Files.copy(Path.of("src/test/resources/transcripts/P7.txt"), docs.resolve("P7.txt"));
    quarry.index(
        new IndexRequest(
            List.of(docs), Path.of("src/test/resources/participants/participants.csv"), null),
        IndexProgress.NONE);
    server =
        QuarryServer.start(
            quarry,
            "127.0.0.1",
            0,
            null,
            Quarry.codebook(Path.of("seeds/codebook-commissioners.yaml")).codebook());
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // a closed network refuses Chromium's own background connections: none are made
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,800",
        "--user-data-dir=" + Files.createTempDirectory(target(), "chromium-profile"));
    downloads = Files.createTempDirectory(target(), "downloads").toAbsolutePath();
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, WAIT);
    // the page re-renders a list as an answer arrives: an element read a moment ago may be gone
    wait.ignoring(StaleElementReferenceException.class);
    Files.createDirectories(SCREENSHOTS);
  }

  private static void requireBrowser() {
    List<String> missing =
        Stream.of(CHROMIUM, CHROMEDRIVER)
            .filter(p -> !Files.isExecutable(p))
            .map(Path::toString)
            .toList();
    if (missing.isEmpty()) {
      return;
    }
    String what =
        "missing " + String.join(" and ", missing) + ": apt-get install chromium chromium-driver";
    if ("1".equals(System.getenv("QUARRY_REQUIRE_BROWSER"))) {
      fail("QUARRY_REQUIRE_BROWSER=1 but " + what);
    }
    Assumptions.abort(what);
  }

  private static Path target() throws IOException {
    return Files.createDirectories(Path.of("target"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (server != null) {
      server.close();
    }
    if (quarry != null) {
      quarry.close();
    }
  }

  @BeforeEach
  void home() {
    open("/");
  }

  @Test
  void aSharedUrlShowsItsResultsOnLoad() {
    open("/?q=voice%20OR%20ICS&filter=kind=quote");
    List<WebElement> hits = hits();
    assertFalse(hits.isEmpty(), "no hits on load");
    for (WebElement hit : hits) {
      assertEquals("quote", hit.findElement(By.cssSelector(".kind")).getText());
    }
    assertEquals("voice OR ICS", browser.findElement(By.id("q")).getAttribute("value"));
    assertEquals(List.of("kind: quote"), chipLabels());
  }

  @Test
  void aParticipantFacetFiltersAndItsChipRemovesTheFilter() {
    search("voice");
    String allTotal = total();
    WebElement value = facetValues("participant").get(0);
    String participant = value.findElement(By.cssSelector(".value")).getText();
    String count = value.findElement(By.cssSelector(".count")).getText();
    value.click();
    wait.until(d -> chipLabels().equals(List.of("participant: " + participant)));
    // as many passages as the facet counted, the participant's own among them
    wait.until(d -> total().endsWith(" of " + count + " passage" + ("1".equals(count) ? "" : "s")));
    assertTrue(
        hits().stream()
            .anyMatch(h -> h.findElement(By.cssSelector(".meta")).getText().contains(participant)),
        "no hit by " + participant);
    assertTrue(browser.getCurrentUrl().contains("filter=participant"), browser.getCurrentUrl());
    screenshot("results-filtered");

    // the chip's × is a button the keyboard reaches
    WebElement remove = browser.findElement(By.cssSelector("#chips button"));
    remove.sendKeys(Keys.ENTER);
    wait.until(d -> chipLabels().isEmpty());
    wait.until(d -> total().equals(allTotal));

    // back brings the filter back, from the URL
    browser.navigate().back();
    wait.until(d -> chipLabels().equals(List.of("participant: " + participant)));
    assertEquals("voice", browser.findElement(By.id("q")).getAttribute("value"));
  }

  @Test
  void showInContextOpensThePassageInsideItsSource() {
    search("voice");
    WebElement hit = hits().get(0);
    String text = hit.findElement(By.cssSelector(".text")).getText();
    hit.findElement(By.cssSelector("button.in-context")).click();
    WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("context")));
    WebElement current =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#context .turn.current")));
    assertTrue(current.getText().contains(text), current.getText() + " lacks " + text);
    assertTrue(
        dialog.findElements(By.cssSelector(".turn")).size() > 1, "no passages around the hit");
    screenshot("context");
    browser.findElement(By.id("context-close")).click();
    wait.until(ExpectedConditions.invisibilityOf(dialog));
  }

  @Test
  void reviewDecisionsAreStoredAndCountedInTheCodeFacet() {
    open("/?view=review");
    Select codes = new Select(wait.until(d -> d.findElement(By.id("review-code"))));
    wait.until(d -> codes.getOptions().size() > 1);
    WebElement option = codes.getOptions().get(1);
    String code = option.getAttribute("value");
    codes.selectByValue(code);
    List<WebElement> items = wait.until(d -> reviewItems().size() >= 2 ? reviewItems() : null);
    String word = items.get(0).findElement(By.cssSelector(".text mark")).getText();
    String countsBefore = counts();

    // the code facet under a query that finds the first suggestion
    int before = codeCount(word, code);

    open("/?view=review&code=" + code);
    wait.until(d -> reviewItems().size() >= 2);
    // 'a' on the selected (first) item, then the second's reject button
    browser.switchTo().activeElement().sendKeys("a");
    wait.until(d -> "accept".equals(reviewItems().get(0).getAttribute("data-decision")));
    reviewItems().get(1).findElement(By.cssSelector("button.reject")).click();
    wait.until(d -> "reject".equals(reviewItems().get(1).getAttribute("data-decision")));
    wait.until(d -> !counts().equals(countsBefore));
    screenshot("review");

    assertEquals(before + 1, codeCount(word, code));
  }

  @Test
  void participantAttributesAreFacetsAndShowOnTheirHits() {
    search("prescription");
    WebElement gp =
        wait.until(
            d ->
                facetValues("role").stream()
                    .filter(v -> v.findElement(By.cssSelector(".value")).getText().equals("GP"))
                    .findFirst()
                    .orElse(null));
    assertTrue(
        hits().stream()
            .flatMap(h -> h.findElements(By.cssSelector(".attrs")).stream())
            .anyMatch(a -> a.getText().contains("role: GP")),
        "no hit shows role: GP");
    gp.click();
    wait.until(d -> chipLabels().equals(List.of("role: GP")));
    assertTrue(browser.getCurrentUrl().contains("filter=role%3DGP"), browser.getCurrentUrl());
  }

  @Test
  void aLongFacetShowsItsFirstValuesAndTheRestOnMore() {
    search("PCN");
    List<WebElement> sections =
        wait.until(d -> facetValues("section").size() > 8 ? facetValues("section") : null);
    assertEquals(8, sections.stream().filter(WebElement::isDisplayed).count());
    WebElement more =
        browser.findElement(By.cssSelector("#facets .facet[data-dim='section'] button.more"));
    assertEquals((sections.size() - 8) + " more", more.getText());
    more.click();
    wait.until(d -> facetValues("section").stream().allMatch(WebElement::isDisplayed));
  }

  @Test
  void theFacetsAUrlNamesAreTheOnesCounted() {
    open("/?q=voice&facet=kind");
    wait.until(d -> !facetValues("kind").isEmpty());
    assertTrue(facetValues("participant").isEmpty(), "participant counted though not asked for");
  }

  @Test
  void theInterviewersSwitchHidesTheInterviewersTurns() {
    open("/?q=" + enc("PCN changed") + "&filter=" + enc("source=colon-names.txt"));
    wait.until(d -> kinds().contains("interviewer"));
    browser.findElement(By.id("hide-interviewers")).click();
    wait.until(d -> !kinds().isEmpty() && !kinds().contains("interviewer"));
    assertTrue(browser.getCurrentUrl().contains("interviewers=hide"), browser.getCurrentUrl());
    browser.navigate().back();
    wait.until(d -> kinds().contains("interviewer"));
    assertFalse(browser.findElement(By.id("hide-interviewers")).isSelected());
  }

  @Test
  void pagingMovesByAPageAndTheUrlKeepsTheOffset() throws Exception {
    int total = apiSearch("PCN", 0).get("total").asInt();
    assertTrue(total > 20, "the seeds should have more than two pages of PCN, have " + total);
    search("PCN");
    wait.until(d -> total().equals("1–10 of " + total + " passages"));
    List<String> first = hitIds();
    browser.findElement(By.id("next")).click();
    wait.until(d -> total().equals("11–20 of " + total + " passages"));
    assertTrue(browser.getCurrentUrl().contains("offset=10"), browser.getCurrentUrl());
    List<String> second = hitIds();
    assertTrue(second.stream().noneMatch(first::contains), first + " and " + second);
    browser.navigate().back();
    wait.until(d -> total().equals("1–10 of " + total + " passages"));
    assertEquals(first, hitIds());
  }

  @Test
  void theCsvHoldsEveryResultWithItsTextIntact() throws Exception {
    JsonNode api = apiSearch("voice", 0);
    search("voice");
    WebElement csv = wait.until(ExpectedConditions.elementToBeClickable(By.id("csv")));
    csv.click();
    Path file =
        wait.until(
            d -> {
              try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    List<Map<String, String>> rows = readCsv(file);
    assertEquals(api.get("total").asInt(), rows.size());
    assertEquals(
        List.of("id", "source", "participant", "section", "kind", "score", "codes", "text"),
        List.copyOf(rows.get(0).keySet()));
    for (int i = 0; i < rows.size(); i++) {
      JsonNode hit = api.get("hits").get(i);
      assertEquals(hit.get("id").asText(), rows.get(i).get("id"));
      // quotes, commas and line breaks in a passage survive the quoting
      assertEquals(hit.get("text").asText(), rows.get(i).get("text"));
    }
  }

  @Test
  void aMatrixCellOpensItsQuotes() throws Exception {
    JsonNode hit = apiSearch("CCG", 0).get("hits").get(0);
    HttpResponse<String> accepted =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/v1/codings"))
                .header(RequestGuard.TOKEN_HEADER, server.token())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.createObjectNode()
                            .put("passage", hit.get("id").asText())
                            .put("code", "matrix-check")
                            .put("decision", "add")
                            .toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, accepted.statusCode(), accepted.body());

    open("/?view=matrix");
    new Select(wait.until(d -> d.findElement(By.id("matrix-rows")))).selectByValue("source");
    WebElement cell =
        wait.until(
            d ->
                d.findElement(
                    By.xpath(
                        "//tr[th='"
                            + hit.get("source").asText()
                            + "']/td[@data-code='matrix-check']/button")));
    cell.click();
    WebElement quote =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#matrix-quotes .hit[data-id='" + hit.get("id").asText() + "']")));
    assertEquals(hit.get("text").asText(), quote.findElement(By.cssSelector(".text")).getText());
  }

  private int codeCount(String query, String code) {
    open("/?q=" + enc(query));
    wait.until(d -> !total().isEmpty());
    // a value past the first few is in the list but folded away: its text is read all the same
    for (WebElement v : facetValues("code")) {
      if (v.findElement(By.cssSelector(".value")).getAttribute("textContent").equals(code)) {
        return Integer.parseInt(
            v.findElement(By.cssSelector(".count")).getAttribute("textContent").trim());
      }
    }
    return 0;
  }

  private static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonNode apiSearch(String query, int offset) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base() + "/api/v1/search?limit=1000&offset=" + offset + "&q=" + enc(query)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private static List<Map<String, String>> readCsv(Path file) throws IOException {
    CsvMapper csv = new CsvMapper();
    try (MappingIterator<Map<String, String>> it =
        csv.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(file.toFile())) {
      return it.readAll();
    }
  }

  private static List<String> kinds() {
    return browser.findElements(By.cssSelector("#hits .hit .kind")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static List<String> hitIds() {
    return hits().stream().map(h -> h.getAttribute("data-id")).toList();
  }

  private static void open(String path) {
    browser.get(base() + path);
    wait.until(d -> d.findElement(By.tagName("body")) != null);
  }

  private static void search(String query) {
    WebElement q = browser.findElement(By.id("q"));
    q.clear();
    q.sendKeys(query, Keys.ENTER);
    wait.until(d -> !total().isEmpty());
  }

  private static List<WebElement> hits() {
    return wait.until(
        d -> {
          List<WebElement> hits = d.findElements(By.cssSelector("#hits .hit"));
          return hits.isEmpty() ? null : hits;
        });
  }

  private static List<WebElement> facetValues(String dim) {
    return browser.findElements(
        By.cssSelector("#facets .facet[data-dim='" + dim + "'] .facet-value"));
  }

  private static List<WebElement> reviewItems() {
    return browser.findElements(By.cssSelector("#review-items .item"));
  }

  private static List<String> chipLabels() {
    return browser.findElements(By.cssSelector("#chips .chip .label")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static String total() {
    return browser.findElement(By.id("total")).getText();
  }

  private static String counts() {
    return browser.findElement(By.id("review-counts")).getText();
  }

  private static void screenshot(String name) {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(
          shot.toPath(),
          SCREENSHOTS.resolve(name + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
