package org.quarry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.Analysis;
import org.quarry.api.Matrix;
import org.quarry.api.MatrixRequest;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.cli.QuarryCommand;
import org.quarry.model.Code;
import org.quarry.model.MatrixQuote;

/** The framework matrix of the codes stored in an index, from the facade and the CLI. */
class MatrixThroughIndexTest {
  @TempDir static Path dir;
  static Path index;

  @BeforeAll
  static void buildIndex() throws IOException {
    index = dir.resolve("index");
    MatrixIndexFixture.build(index);
  }

  private static Matrix matrix(
      String rows, double minScore, Map<String, List<String>> filters, String origin) {
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      return q.matrix(new MatrixRequest(MatrixFixture.CODEBOOK, rows, minScore, filters, origin));
    }
  }

  /** Each row as {@code row: count count …} in column order. */
  private static List<String> counts(Matrix m) {
    List<String> out = new ArrayList<>();
    for (String r : m.rows()) {
      StringBuilder b = new StringBuilder(r).append(':');
      for (Code c : m.columns()) {
        b.append(' ').append(m.count(r, c.id()));
      }
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void participantsByCodesWithParentsRollingUpTheirChildren() {
    Matrix m = matrix("participant", 0, Map.of(), "any");
    assertEquals(
        List.of("relationships", "trust", "meetings", "system"),
        m.columns().stream().map(Code::id).toList());
    assertEquals(
        List.of("P01: 1 1 1 1", "P02: 1 1 0 0", "P03: 1 1 0 1", "(none): 0 0 0 1"), counts(m));
    assertEquals(
        List.of(MatrixIndexFixture.CAFE),
        m.quotes("P01", "meetings").stream().map(MatrixQuote::text).toList());
  }

  @Test
  void originAndMinScoreChooseWhichStoredCodesCount() {
    assertEquals(
        List.of("P01: 0 0 0 0", "P02: 1 1 0 0", "P03: 0 0 0 0"),
        counts(matrix("participant", 0, Map.of(), "human")));
    assertEquals(
        List.of("P01: 1 1 1 1", "P02: 0 0 0 0", "P03: 1 1 0 1", "(none): 0 0 0 1"),
        counts(matrix("participant", 0, Map.of(), "suggested")));
    assertEquals(
        List.of("P01: 1 1 1 1", "P02: 1 1 0 0", "P03: 0 0 0 1"),
        counts(matrix("participant", 0.5, Map.of(), "any")));
  }

  @Test
  void rowsByAnAttributeAndFiltersAsInSearch() {
    assertEquals(
        List.of("GP: 2 2 1 2", "Manager: 1 1 0 0", "(none): 0 0 0 1"),
        counts(matrix("role", 0, Map.of(), "any")));
    assertEquals(
        List.of("P02: 1 1 0 0", "P03: 1 1 0 1"),
        counts(matrix("participant", 0, Map.of("region", List.of("South")), "any")));
    assertEquals(
        List.of("p01.txt: 1 1 1 1", "p02.txt: 1 1 0 0", "p03.txt: 1 1 0 1", "paper.txt: 0 0 0 1"),
        counts(matrix("source", 0, Map.of(), "any")));
  }

  @Test
  void anAttributeNoPassageHasIsBadInputNamingTheOnesThatExist() {
    QuarryException e =
        assertThrows(QuarryException.class, () -> matrix("team", 0, Map.of(), "any"));
    assertEquals(QuarryException.BAD_INPUT, e.exitCode());
    assertTrue(
        e.getMessage().contains("'team'") && e.getMessage().contains("region, role"),
        e.getMessage());
    assertThrows(QuarryException.class, () -> matrix("participant", 0, Map.of(), "machine"));
  }

  @Test
  void withoutACodebookTheColumnsAreTheCodesStoredInTheIndex() {
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      Matrix m = q.matrix(new MatrixRequest(null, "participant", 0, Map.of(), "any"));
      assertEquals(
          List.of("meetings", "system", "trust"), m.columns().stream().map(Code::id).toList());
    }
  }

  @Test
  void theCommandWritesEachFormat() throws IOException {
    StringWriter out = new StringWriter();
    assertEquals(
        0,
        cli(
            out,
            "matrix",
            "--index",
            index.toString(),
            "--format",
            "md",
            "--cells",
            "quotes",
            "--origin",
            "human"));
    assertTrue(
        out.toString().contains(MatrixIndexFixture.SLOWLY + " [P02, 1.00, p02.txt#"),
        out.toString());
    out = new StringWriter();
    assertEquals(0, cli(out, "matrix", "--index", index.toString(), "--rows", "role"));
    assertEquals(
        "role,meetings,system,trust\nGP,1,2,2\nManager,0,0,1\n(none),0,1,0\n",
        out.toString(),
        "without --codebook the columns are the code ids stored in the index");
    Path html = dir.resolve("m.html");
    assertEquals(
        0,
        cli(
            new StringWriter(),
            "matrix",
            "--index",
            index.toString(),
            "--format",
            "html",
            "--out",
            html.toString()));
    assertTrue(Files.readString(html).contains("data-row=\"P01\""));
    Path xlsx = dir.resolve("m.xlsx");
    assertEquals(
        0,
        cli(
            new StringWriter(),
            "matrix",
            "--index",
            index.toString(),
            "--format",
            "xlsx",
            "--out",
            xlsx.toString()));
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertEquals("counts", wb.getSheetName(0));
      assertEquals("quotes", wb.getSheetName(1));
    }
  }

  @Test
  void theCommandRefusesBadInputWithExitTwo() {
    StringWriter err = new StringWriter();
    assertEquals(
        2,
        QuarryCommand.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "matrix",
            "--index",
            index.toString(),
            "--format",
            "xlsx"));
    assertTrue(err.toString().contains("--out FILE"), err.toString());
    assertEquals(
        2, cli(new StringWriter(), "matrix", "--index", index.toString(), "--rows", "team"));
    assertEquals(
        2, cli(new StringWriter(), "matrix", "--index", index.toString(), "--cells", "words"));
    assertEquals(
        2,
        cli(
            new StringWriter(),
            "matrix",
            "--index",
            index.toString(),
            "--codebook",
            dir.resolve("none.yaml").toString()));
    assertEquals(2, cli(new StringWriter(), "matrix", "--index", dir.resolve("empty").toString()));
  }

  private static int cli(StringWriter out, String... args) {
    return QuarryCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
  }
}
