package org.quarry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quarry.model.Code;
import org.quarry.model.CodeScore;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.Codings;
import org.quarry.model.Evidence;
import org.quarry.model.Passage;
import org.quarry.model.Suggestion;

class FrameworkMatrixTest {
  private static FrameworkMatrix byParticipant(double minScore) {
    return FrameworkMatrix.build(
        MatrixFixture.PASSAGES,
        MatrixFixture.CODINGS,
        MatrixFixture.CODEBOOK,
        RowsBy.participant(),
        minScore);
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = FrameworkMatrixTest.class.getResourceAsStream("/report/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parentColumnCountsAPassageOnceEvenWhenSeveralChildrenCodeIt() {
    FrameworkMatrix m = byParticipant(0.0);
    assertEquals(1, m.count("P01", "trust"));
    assertEquals(1, m.count("P01", "meetings"), "a sub-span human coding joins its passage");
    assertEquals(1, m.count("P01", "relationships"));
    assertEquals(
        1.0,
        m.quotes("P01", "relationships").get(0).score(),
        1e-9,
        "the rolled-up cell keeps the highest score (the human coding)");
    assertEquals(1, m.count("P02", "relationships"));
  }

  @Test
  void interviewerTurnsAreInNoRowEvenWhenCoded() {
    Passage question =
        Passage.of(
            "s1.txt",
            org.quarry.model.PassageKind.INTERVIEWER,
            "INT",
            null,
            63,
            90,
            "How do you build trust?");
    List<Passage> passages = new java.util.ArrayList<>(MatrixFixture.PASSAGES);
    passages.add(question);
    List<Coding> codings = new java.util.ArrayList<>(MatrixFixture.CODINGS);
    codings.add(MatrixFixture.suggested(question, "trust", 0.9));
    FrameworkMatrix m =
        FrameworkMatrix.build(passages, codings, MatrixFixture.CODEBOOK, RowsBy.participant(), 0.0);
    assertEquals(List.of("P01", "P02", RowsBy.MISSING), m.rows());
    assertEquals(
        byParticipant(0.0).count(RowsBy.MISSING, "trust"), m.count(RowsBy.MISSING, "trust"));
  }

  @Test
  void rowsBySpeakerBringTheInterviewersTurnsBack() {
    Passage question =
        Passage.of(
            "s1.txt",
            org.quarry.model.PassageKind.INTERVIEWER,
            "INT",
            null,
            63,
            90,
            "How do you build trust?");
    List<Passage> passages = new java.util.ArrayList<>(MatrixFixture.PASSAGES);
    passages.add(question);
    List<Coding> codings = new java.util.ArrayList<>(MatrixFixture.CODINGS);
    codings.add(MatrixFixture.suggested(question, "trust", 0.9));
    FrameworkMatrix m =
        FrameworkMatrix.build(passages, codings, MatrixFixture.CODEBOOK, RowsBy.speaker(), 0.0);
    assertEquals(List.of("INT", "P01", "P02", RowsBy.MISSING), m.rows());
    assertEquals(1, m.count("INT", "trust"));
  }

  @Test
  void columnsPutParentsBeforeTheirChildren() {
    List<String> ids = byParticipant(0.0).columns().stream().map(Code::id).toList();
    assertEquals(List.of("relationships", "trust", "meetings", "system"), ids);
  }

  @Test
  void minScoreLeavesWeakCodingsOut() {
    assertEquals(1, byParticipant(0.0).count(RowsBy.MISSING, "system"));
    assertEquals(0, byParticipant(0.5).count(RowsBy.MISSING, "system"));
  }

  @Test
  void rowsByAttributeGroupValuesAndPutMissingLast() {
    FrameworkMatrix m =
        FrameworkMatrix.build(
            MatrixFixture.PASSAGES,
            MatrixFixture.CODINGS,
            MatrixFixture.CODEBOOK,
            RowsBy.attribute("role"),
            0.0);
    assertEquals(List.of("GP", "Manager", RowsBy.MISSING), m.rows());
    assertEquals(2, m.count("GP", "relationships") + m.count("GP", "system"));
  }

  @Test
  void passagesWithoutACaseGetNoRowWhenNoneOfThemIsCoded() {
    FrameworkMatrix m =
        FrameworkMatrix.build(
            MatrixFixture.PASSAGES,
            MatrixFixture.CODINGS,
            MatrixFixture.CODEBOOK,
            RowsBy.attribute("role"),
            0.5);
    assertEquals(List.of("GP", "Manager"), m.rows());
  }

  @Test
  void rowsBySourceCountEachSourcesPassages() {
    FrameworkMatrix m =
        FrameworkMatrix.build(
            MatrixFixture.PASSAGES,
            MatrixFixture.CODINGS,
            MatrixFixture.CODEBOOK,
            RowsBy.source(),
            0.0);
    assertEquals(List.of("s1.txt", "s2.txt"), m.rows());
    assertEquals(1, m.count("s2.txt", "system"));
  }

  @Test
  void codingsWithUnknownCodesAreReportedNotCounted() {
    List<String> unplaced = byParticipant(0.0).unplaced();
    assertEquals(1, unplaced.size());
    assertTrue(unplaced.get(0).contains("no-such-code"));
  }

  @Test
  void suggestionsBecomeCodingsSpanningTheirPassage() {
    Suggestion s =
        new Suggestion(
            MatrixFixture.P01_ICS.id(),
            "system",
            0.66,
            List.of(new Evidence("ICS", "ICS", 45, 48)));
    List<Coding> cs = Codings.fromSuggestions(List.of(s), MatrixFixture.PASSAGES);
    assertEquals(List.of(new Coding("s1.txt", 41, 62, "system", 0.66, CodeScore.SUGGESTED)), cs);
  }

  @Test
  void csvCountsMatchGolden() throws IOException {
    assertEquals(
        golden("matrix-participant-count.csv"),
        MatrixCsv.render(byParticipant(0.5), CellMode.COUNT));
  }

  @Test
  void csvQuotesMatchGolden() throws IOException {
    assertEquals(
        golden("matrix-participant-quotes.csv"),
        MatrixCsv.render(byParticipant(0.5), CellMode.QUOTES));
  }

  @Test
  void markdownCountsMatchGolden() throws IOException {
    assertEquals(
        golden("matrix-participant-count.md"),
        MatrixMarkdown.render(byParticipant(0.5), CellMode.COUNT));
  }

  @Test
  void markdownQuotesMatchGolden() throws IOException {
    assertEquals(
        golden("matrix-participant-quotes.md"),
        MatrixMarkdown.render(byParticipant(0.5), CellMode.QUOTES));
  }

  private static FrameworkMatrix hostile() {
    Passage p =
        MatrixFixture.passage(
            "a|b<c>.txt", 0, 30, "P<1>|x", "<script>alert('x')</script> & | pipe\nnext", Map.of());
    Codebook cb =
        new Codebook(
            "x",
            null,
            List.of(new Code("c", "A|B <i>code</i>", null, null, null, null, null, 1.0)));
    return FrameworkMatrix.build(
        List.of(p), List.of(MatrixFixture.suggested(p, "c", 0.5)), cb, RowsBy.participant(), 0.0);
  }

  @Test
  void markdownEscapesPipesLineBreaksAndHtml() {
    String md = MatrixMarkdown.render(hostile(), CellMode.QUOTES);
    String[] lines = md.split("\n");
    assertEquals(3, lines.length, "a quote with a line break stays on its row");
    assertFalse(md.contains("<script>"));
    assertFalse(md.contains("<i>"));
    for (String line : lines) {
      assertEquals(
          3,
          line.replace("\\|", "").chars().filter(ch -> ch == '|').count(),
          "two columns, so three unescaped pipes: " + line);
    }
  }

  @Test
  void htmlEscapesEverythingAndNeedsNothingFromOutside() {
    String html = MatrixHtml.render(hostile(), "Matrix <of> \"trust\"");
    assertFalse(html.contains("<script>alert"));
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; | pipe"));
    assertTrue(html.contains("A|B &lt;i&gt;code&lt;/i&gt;"));
    assertTrue(html.contains("P&lt;1&gt;|x"));
    assertTrue(html.contains("a|b&lt;c&gt;.txt#0-30"));
    assertTrue(html.contains("<title>Matrix &lt;of&gt; &quot;trust&quot;</title>"));
    assertFalse(html.contains("src="), "no external scripts or images");
    assertFalse(html.contains("<link"), "no external style sheets");
    String[] links = html.split("href=\"");
    assertTrue(links.length > 1, "quotes link to their passage");
    for (int i = 1; i < links.length; i++) {
      assertTrue(
          links[i].startsWith(MatrixHtml.DEFAULT_SERVER + "/api/v1/passages/"),
          "links only to the passage on the local 'quarry serve': " + links[i]);
    }
  }

  @Test
  void htmlCellsOpenToTheirQuotesAndHeadersStick() {
    String html = MatrixHtml.render(byParticipant(0.5), "t");
    assertTrue(html.contains("position:sticky;top:0"));
    assertTrue(html.contains("position:sticky;left:0"));
    assertTrue(
        html.contains(
            "<details><summary>1</summary><ul>"
                + "<li data-source=\"s1.txt\" data-start=\"41\" data-end=\"62\"><q>The ICS felt distant.</q>"
                + " <span class=\"who\">P01 · 0.80</span> <a class=\"ref\""
                + " href=\"http://127.0.0.1:7070/api/v1/passages/s1.txt%2341-62\""
                + " title=\"the passage at these code-point offsets of its source (run quarry serve)\">"
                + "s1.txt#41-62</a></li></ul></details>"),
        html);
    FrameworkMatrix m = byParticipant(0.5);
    long nonEmpty =
        m.rows().stream()
            .flatMap(r -> m.columns().stream().filter(c -> m.count(r, c.id()) > 0))
            .count();
    assertEquals(
        nonEmpty, html.split("<details>", -1).length - 1, "one <details> per non-empty cell");
  }

  @Test
  void xlsxHasCountsAndQuotesSheetsThatPoiReadsBack() throws IOException {
    FrameworkMatrix m = byParticipant(0.5);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MatrixXlsx.write(m, out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet counts = wb.getSheet("counts");
      assertEquals("participant", counts.getRow(0).getCell(0).getStringCellValue());
      assertEquals("Relationships", counts.getRow(0).getCell(1).getStringCellValue());
      for (int r = 0; r < m.rows().size(); r++) {
        assertEquals(m.rows().get(r), counts.getRow(r + 1).getCell(0).getStringCellValue());
        for (int c = 0; c < m.columns().size(); c++) {
          assertEquals(
              m.count(m.rows().get(r), m.columns().get(c).id()),
              (int) counts.getRow(r + 1).getCell(c + 1).getNumericCellValue());
        }
      }
      Sheet quotes = wb.getSheet("quotes");
      int total = 0;
      for (String r : m.rows()) {
        for (Code c : m.columns()) {
          total += m.count(r, c.id());
        }
      }
      assertEquals(total, quotes.getLastRowNum());
      assertEquals("relationships/trust", quotes.getRow(2).getCell(2).getStringCellValue());
      assertEquals(
          "We built trust over many café meetings.",
          quotes.getRow(2).getCell(8).getStringCellValue());
    }
  }
}
