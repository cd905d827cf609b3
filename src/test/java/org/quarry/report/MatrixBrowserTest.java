package org.quarry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.Analysis;
import org.quarry.api.MatrixOutput;
import org.quarry.api.MatrixRequest;
import org.quarry.api.Quarry;

/**
 * Acceptance in a real browser: the matrix page {@code quarry matrix --format html} writes is
 * opened in headless Chromium, a cell is clicked open, and what the browser laid out is checked
 * (participants by themes, counts, the quote with its participant, score and link, sticky headers,
 * shading). Skipped where {@code /usr/bin/chromium} is not installed.
 */
class MatrixBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  // runs in the page after it is parsed: clicks the P01 × Trust cell open like a user would, then
  // writes what the layout engine reports into <pre id="probe"> for --dump-dom to carry out
  private static final String PROBE =
      """
      <script>
      (function () {
        var q = function (s, el) { return Array.prototype.slice.call((el || document).querySelectorAll(s)); };
        var counts = {};
        q('td[data-row]').forEach(function (td) {
          var s = td.querySelector('summary');
          counts[td.dataset.row + '|' + td.dataset.code] = Number((s || td).textContent);
        });
        var cell = document.querySelector('td[data-row="P01"][data-code="trust"]');
        var li = cell.querySelector('li');
        var before = li.checkVisibility();
        var openBefore = cell.querySelector('details').open;
        cell.querySelector('summary').click();
        var p = {
          rows: q('tbody th[scope=row]').map(function (e) { return e.textContent; }),
          columns: q('thead th[scope=col]').slice(1).map(function (e) { return e.textContent.trim(); }),
          counts: counts,
          visibleBefore: before,
          openBefore: openBefore,
          visibleAfter: li.checkVisibility(),
          openAfter: cell.querySelector('details').open,
          heightAfter: li.getBoundingClientRect().height,
          quote: li.querySelector('q').textContent,
          who: li.querySelector('.who').textContent,
          link: li.querySelector('a').href,
          linkText: li.querySelector('a').textContent,
          stickyHeader: getComputedStyle(document.querySelector('thead th')).position,
          stickyRow: getComputedStyle(document.querySelector('tbody th')).position,
          shaded: getComputedStyle(cell).backgroundColor,
          empty: getComputedStyle(document.querySelector('td.zero')).backgroundColor,
          fetched: performance.getEntriesByType('resource').length
        };
        var pre = document.createElement('pre');
        pre.id = 'probe';
        pre.textContent = JSON.stringify(p);
        document.body.appendChild(pre);
      })();
      </script>
      """;

  @TempDir static Path dir;
  static JsonNode probe;
  static Path page;

  @BeforeAll
  static void openTheMatrixInChromium() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium is not installed");
    Path index = dir.resolve("index");
    MatrixIndexFixture.build(index);
    // the page as 'quarry matrix --codebook … --format html' writes it (the codebook is built
    // here as a record: reading YAML is the coding stage's job)
    String html;
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      html =
          MatrixOutput.of("html", "count")
              .render(
                  q.matrix(MatrixRequest.of(MatrixFixture.CODEBOOK)),
                  "Test codebook by participant");
    }
    page = dir.resolve("probe.html");
    Files.writeString(page, html.replace("</body>", PROBE + "</body>"));
    String dom = chromium("--dump-dom", page.toUri().toString());
    int a = dom.indexOf("<pre id=\"probe\">");
    int b = dom.indexOf("</pre>", a);
    assertTrue(
        a >= 0 && b > a,
        "the probe ran in the page: " + dom.substring(0, Math.min(400, dom.length())));
    String json =
        dom.substring(a + "<pre id=\"probe\">".length(), b)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
    probe = new ObjectMapper().readTree(json);
    // a picture for people (target/matrix-screenshot.png); the assertions use the DOM
    chromium(
        "--screenshot=" + Path.of("target/matrix-screenshot.png").toAbsolutePath(),
        "--window-size=1100,500",
        page.toUri().toString());
  }

  private static String chromium(String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "chromium");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish in 60 s");
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void showsParticipantsByThemesWithTheirCounts() {
    assertEquals("[\"P01\",\"P02\",\"P03\",\"(none)\"]", probe.get("rows").toString());
    assertEquals(
        "[\"Relationships\",\"Trust\",\"Meetings\",\"Engaging the system\"]",
        probe.get("columns").toString().replace("\\u00a0", ""));
    JsonNode counts = probe.get("counts");
    assertEquals(1, counts.get("P01|trust").asInt());
    assertEquals(1, counts.get("P01|relationships").asInt());
    assertEquals(1, counts.get("P03|system").asInt());
    assertEquals(1, counts.get("P02|trust").asInt());
    assertEquals(0, counts.get("P02|system").asInt());
    assertEquals(16, counts.size(), "every participant row has a cell for every theme");
  }

  @Test
  void aClickedCellOpensToItsQuoteWithParticipantScoreAndLink() {
    assertEquals(false, probe.get("openBefore").asBoolean());
    assertEquals(
        false, probe.get("visibleBefore").asBoolean(), "quotes are folded away until asked for");
    assertEquals(true, probe.get("openAfter").asBoolean());
    assertEquals(
        true, probe.get("visibleAfter").asBoolean(), "the quote shows once the cell is open");
    assertTrue(probe.get("heightAfter").asDouble() > 0);
    assertEquals(MatrixIndexFixture.CAFE, probe.get("quote").asText());
    assertEquals("P01 · 0.90", probe.get("who").asText());
    assertTrue(
        probe.get("linkText").asText().matches("p01\\.txt#0-\\d+"), probe.get("linkText").asText());
    assertTrue(
        probe.get("link").asText().startsWith("http://127.0.0.1:7070/api/v1/passages/p01.txt%230-"),
        probe.get("link").asText());
  }

  @Test
  void headersStayInViewCountsAreShadedAndNothingIsFetched() {
    assertEquals("sticky", probe.get("stickyHeader").asText());
    assertEquals("sticky", probe.get("stickyRow").asText());
    assertTrue(
        probe.get("shaded").asText().startsWith("rgba(38, 110, 200"), probe.get("shaded").asText());
    assertEquals("rgba(0, 0, 0, 0)", probe.get("empty").asText());
    assertEquals(0, probe.get("fetched").asInt(), "the page is self-contained");
  }
}
