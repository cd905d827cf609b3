package org.quarry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  @TempDir static Path tmp;
  static Quarry quarry;
  static QuarryServer server;
  static ChromeDriverService service;
  static WebDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws IOException {
    requireBrowser();
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
      for (Path p : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) {
        Files.copy(p, docs.resolve(p.getFileName()));
      }
    }
    quarry = Quarry.open(tmp.resolve("index"));
    quarry.index(IndexRequest.of(docs), IndexProgress.NONE);
    server = QuarryServer.start(quarry, "127.0.0.1", 0); // TODO codebook overload
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

  private int codeCount(String query, String code) {
    open("/?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
    wait.until(d -> !total().isEmpty());
    for (WebElement v : facetValues("code")) {
      if (v.findElement(By.cssSelector(".value")).getText().equals(code)) {
        return Integer.parseInt(v.findElement(By.cssSelector(".count")).getText());
      }
    }
    return 0;
  }

  private static void open(String path) {
    browser.get("http://127.0.0.1:" + server.port() + path);
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
      throw new java.io.UncheckedIOException(e);
    }
  }
}
