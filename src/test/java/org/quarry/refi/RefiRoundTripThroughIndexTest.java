package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.api.ExportFormat;
import org.quarry.api.ExportReport;
import org.quarry.api.ImportReport;
import org.quarry.api.Quarry;
import org.quarry.cli.QuarryCommand;
import org.quarry.index.DuplicateFinder;
import org.quarry.index.Indexer;
import org.quarry.model.Code;
import org.quarry.model.CodeScore;
import org.quarry.model.CodeTree;
import org.quarry.model.Coding;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.report.MatrixFixture;

/**
 * Export → import through the index: the same sources, codes, codings and cases come back, on a
 * fixture with emoji, accents, CRLF and characters outside the BMP (where code points, UTF-16 units
 * and bytes all differ).
 */
class RefiRoundTripThroughIndexTest {
  @TempDir Path dir;

  /**
   * The fixture written as a tool would: its codings on the words of {@link RefiFixture}, each a
   * person's (a tool's selections carry no Quarry suggestion note; RefiSuggestionsTest has those).
   */
  private Path fixtureProject() throws IOException {
    Path file = dir.resolve("fixture.qdpx");
    List<Coding> human =
        RefiFixture.CODINGS.stream()
            .map(c -> new Coding(c.source(), c.start(), c.end(), c.code(), 1.0, CodeScore.HUMAN))
            .toList();
    List<String> problems =
        new QdpxWriter("Fixture study")
            .write(file, RefiFixture.SOURCES, MatrixFixture.CODEBOOK, human, RefiFixture.CASES);
    assertEquals(List.of(), problems);
    return file;
  }

  /** source | code name | covered words, sorted: what a researcher sees of the codings. */
  private static List<String> codings(Quarry q) {
    List<String> out = new ArrayList<>();
    for (Coding c : q.humanCodings()) {
      out.add(
          c.source()
              + " | "
              + RefiImportTest.name(q, c.code())
              + " | "
              + RefiImportTest.covered(q, c));
    }
    out.sort(null);
    return out;
  }

  /** source | code name | passage text | score of each suggestion stored with a passage, sorted. */
  private static List<String> suggestions(Quarry q) {
    List<String> out = new ArrayList<>();
    for (Hit h : q.passages(false)) {
      for (CodeScore c : h.codes()) {
        if (c.origin().equals(CodeScore.SUGGESTED)) {
          out.add(
              h.passage().source()
                  + " | "
                  + RefiImportTest.name(q, c.code())
                  + " | "
                  + h.passage().text()
                  + " | "
                  + c.score());
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static List<String> expectedCodings() {
    Map<String, Passage> passages = new HashMap<>();
    RefiFixture.PASSAGES.forEach(p -> passages.put(p.id(), p));
    List<String> out = new ArrayList<>();
    for (Coding c : RefiFixture.CODINGS) {
      out.add(
          c.source()
              + " | "
              + MatrixFixture.CODEBOOK.code(c.code()).orElseThrow().name()
              + " | "
              + passages.get(c.spanId()).text());
    }
    out.sort(null);
    return out;
  }

  private static List<String> codeTree(Quarry q) {
    CodeTree tree = new CodeTree(q.knownCodes());
    return tree.preorder().stream()
        .map(c -> "  ".repeat(tree.depth(c.id())) + c.name() + " — " + c.description())
        .toList();
  }

  private static Map<String, String> texts(Quarry q) {
    Map<String, String> out = new HashMap<>();
    for (Source s : q.sources()) {
      out.put(s.id(), s.text());
    }
    return out;
  }

  private static List<String> cases(Quarry q) {
    return Cases.fromPassages(q.passages(false).stream().map(Hit::passage).toList()).stream()
        .map(c -> c.id() + " " + c.attributes())
        .toList();
  }

  @Test
  void exportThenImportGivesBackSourcesCodesCodingsAndCases() throws IOException {
    try (Quarry a = RefiImportTest.open(dir.resolve("a"));
        Quarry b = RefiImportTest.open(dir.resolve("b"))) {
      ImportReport first = a.importProject(fixtureProject());
      assertEquals(List.of(), first.problems());
      assertEquals(expectedCodings(), codings(a));
      for (Source s : RefiFixture.SOURCES) {
        assertEquals(s.text(), texts(a).get(s.id()));
      }
      ExportReport exported = a.export(ExportFormat.QDPX, dir.resolve("a.qdpx"), null, 0);
      assertEquals(List.of(), exported.problems());
      ImportReport second = b.importProject(dir.resolve("a.qdpx"));
      assertEquals(List.of(), second.problems());

      assertEquals(texts(a), texts(b));
      assertEquals(codeTree(a), codeTree(b));
      assertEquals(expectedCodings(), codings(b));
      assertEquals(
          a.humanCodings(), b.humanCodings(), "the same code points, not just the same words");
      assertEquals(List.of("P01 {region=North & East, role=GP}", "P02 {role=Manager}"), cases(b));
      assertEquals(cases(a), cases(b));
    }
  }

  @Test
  void theSameRoundTripThroughTheCommandLine() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertEquals(0, cli("import", fixtureProject().toString(), "--index", a.toString()));
    assertEquals(
        0,
        cli(
            "export",
            "--format",
            "qdpx",
            "--out",
            dir.resolve("a.qdpx").toString(),
            "--index",
            a.toString()));
    assertEquals(0, cli("import", dir.resolve("a.qdpx").toString(), "--index", b.toString()));
    try (Quarry qa = RefiImportTest.open(a);
        Quarry qb = RefiImportTest.open(b)) {
      assertEquals(expectedCodings(), codings(qb));
      assertEquals(qa.humanCodings(), qb.humanCodings());
      assertEquals(texts(qa), texts(qb));
      assertEquals(codeTree(qa), codeTree(qb));
    }
  }

  // issue 11 item 10 reversed this test's "comes back as a human coding": an exported suggestion
  // now comes back as a suggestion, with its score, on the passage over those words
  @Test
  void aSuggestedCodeGoesOutOverItsPassageAndComesBackAsASuggestionOnThoseWords()
      throws IOException {
    Path a = dir.resolve("a");
    Hit target;
    String system;
    try (Quarry q = RefiImportTest.open(a)) {
      q.importProject(fixtureProject());
      system =
          q.knownCodes().codes().stream()
              .filter(c -> c.name().equals("Engaging the system"))
              .findFirst()
              .orElseThrow()
              .id();
      target =
          q.passages(false).stream()
              .filter(h -> h.passage().source().equals(RefiFixture.MEMO.id()))
              .findFirst()
              .orElseThrow();
    }
    try (Indexer indexer = Indexer.open(a, LemmaAnnotator.untagged(), DuplicateFinder.none())) {
      indexer.replaceCodes(
          Map.of(target.passage().id(), List.of(new CodeScore(system, 0.65, CodeScore.SUGGESTED))),
          CodeScore.SUGGESTED);
    }
    try (Quarry q = RefiImportTest.open(a);
        Quarry b = RefiImportTest.open(dir.resolve("b"));
        Quarry high = RefiImportTest.open(dir.resolve("c"))) {
      assertEquals(
          0, q.export(ExportFormat.QDPX, dir.resolve("a.qdpx"), null, 0.5).problems().size());
      assertEquals(
          0, q.export(ExportFormat.QDPX, dir.resolve("high.qdpx"), null, 0.7).problems().size());
      b.importProject(dir.resolve("a.qdpx"));
      assertTrue(
          suggestions(b)
              .contains(
                  RefiFixture.MEMO.id()
                      + " | Engaging the system | "
                      + target.passage().text()
                      + " | 0.65"),
          suggestions(b).toString());
      assertTrue(
          codings(b).stream()
              .noneMatch(c -> c.startsWith(RefiFixture.MEMO.id() + " | Engaging the system")),
          "not a person's coding: " + codings(b));
      high.importProject(dir.resolve("high.qdpx"));
      assertEquals(
          0,
          high.humanCodings().stream()
              .filter(c -> c.code().equals(system) && c.source().equals(RefiFixture.MEMO.id()))
              .count(),
          "--min-score leaves the 0.65 suggestion out");
      assertTrue(
          suggestions(high).stream().noneMatch(c -> c.contains("Engaging the system")),
          suggestions(high).toString());
    }
  }

  @Test
  void flatExportsHaveOneRowPerCodingAndTheCodebookValidates() throws Exception {
    try (Quarry q = RefiImportTest.open(dir.resolve("a"))) {
      q.importProject(fixtureProject());
      int n = q.humanCodings().size();
      q.export(ExportFormat.CSV, dir.resolve("c.csv"), null, 0);
      q.export(ExportFormat.JSONL, dir.resolve("c.jsonl"), null, 0);
      q.export(ExportFormat.QDC, dir.resolve("c.qdc"), null, 0);
      assertEquals(n, Files.readAllLines(dir.resolve("c.jsonl")).size());
      assertTrue(
          Files.readString(dir.resolve("c.csv"))
              .startsWith("passage,participant,attributes,code,score,origin,text\n"));
      assertTrue(Files.readString(dir.resolve("c.csv")).contains("relationships/trust"));
      RefiFixture.validate(Files.readAllBytes(dir.resolve("c.qdc")), "Codebook.xsd");
      List<String> names = q.knownCodes().codes().stream().map(Code::name).toList();
      assertEquals(
          MatrixFixture.CODEBOOK.codes().stream().map(Code::name).sorted().toList(),
          names.stream().sorted().toList());
    }
  }

  private static int cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = QuarryCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    if (code != 0) {
      System.err.println(out + "\n" + err);
    }
    return code;
  }
}
