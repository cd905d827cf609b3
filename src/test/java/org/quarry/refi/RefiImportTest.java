package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.api.Analysis;
import org.quarry.api.ImportReport;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.cli.QuarryCommand;
import org.quarry.model.Code;
import org.quarry.model.CodeScore;
import org.quarry.model.Coding;
import org.quarry.model.Hit;
import org.quarry.model.PassageKind;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import org.quarry.model.Source;

/** Importing a REFI-QDA project into an index: sources, code tree, human codings, cases. */
class RefiImportTest {
  @TempDir Path dir;

  static Quarry open(Path index) {
    return Quarry.open(index, Analysis.UNTAGGED);
  }

  private Path nvivoLike(String qde) throws IOException {
    Path file = dir.resolve("Interview study.qdpx");
    Files.write(file, RefiFixture.nvivoLike(qde));
    return file;
  }

  /** The words a kept coding covers, by code points of the imported text. */
  static String covered(Quarry q, Coding c) {
    Source s =
        q.sources().stream().filter(x -> x.id().equals(c.source())).findFirst().orElseThrow();
    int[] cps = s.text().codePoints().toArray();
    return new String(cps, c.start(), c.end() - c.start());
  }

  static String name(Quarry q, String codeId) {
    return q.knownCodes().code(codeId).map(Code::name).orElse("?" + codeId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"project.qde", "project-cr-counted.qde"})
  void everyCodingOfTheNvivoLikeProjectLandsOnTheWordsItCoded(String qde) throws IOException {
    try (Quarry q = open(dir.resolve("index"))) {
      ImportReport r = q.importProject(nvivoLike(qde));
      assertEquals(5, r.codings());
      List<String> got = new ArrayList<>();
      for (Coding c : q.humanCodings()) {
        got.add(c.source() + " | " + name(q, c.code()) + " | " + covered(q, c));
      }
      assertEquals(
          List.of(
              "Interview P01 | Meetings & informal contact | café meetings",
              "Interview P01 | Trust | built trust",
              "Interview P01 | Engaging the system | The ICS felt distant",
              "Interview P01 | Engaging the system | paperwork",
              "Memo | Trust | trust"),
          got);
    }
  }

  @Test
  void codingsThatCannotBePlacedAreReportedWithTheirReasonAndTheRestImports() throws IOException {
    try (Quarry q = open(dir.resolve("index"))) {
      ImportReport r = q.importProject(nvivoLike("project.qde"));
      assertEquals(2, r.problems().size(), r.problems().toString());
      assertTrue(r.problems().get(0).contains("unknown code"), r.problems().get(0));
      assertTrue(r.problems().get(1).contains("out of range"), r.problems().get(1));
      assertEquals(2, r.sources());
      assertEquals(4, r.codes());
      assertEquals(2, r.cases());
      assertEquals(
          List.of(
              "Interview P01: code points, CRLF counted as one",
              "Memo: code points, CRLF counted as two"),
          r.positions());
    }
  }

  @Test
  void humanCodesAreSearchableAndFacetedByOrigin() throws IOException {
    try (Quarry q = open(dir.resolve("index"))) {
      q.importProject(nvivoLike("project.qde"));
      SearchResult human =
          q.search(
              SearchRequest.builder("")
                  .facets(List.of("origin", "code"))
                  .filters(Map.of("origin", List.of("human")))
                  .build());
      assertEquals(
          q.passages(false).stream().filter(h -> !h.codes().isEmpty()).count(), human.total());
      assertEquals(human.total(), human.facets().get("origin").get(0).count());
      for (Hit h : human.hits()) {
        assertTrue(
            h.codes().stream()
                .allMatch(c -> c.origin().equals(CodeScore.HUMAN) && c.score() == 1.0));
      }
      SearchResult trust = q.search(SearchRequest.builder("code:trust").build());
      assertEquals(
          List.of("Interview P01", "Memo"),
          trust.hits().stream().map(h -> h.passage().source()).sorted().toList());
    }
  }

  @Test
  void theCaseOfASourceBecomesTheParticipantOfItsPassagesWithItsVariables() throws IOException {
    try (Quarry q = open(dir.resolve("index"))) {
      q.importProject(nvivoLike("project.qde"));
      for (Hit h : q.passages(false)) {
        if (h.passage().kind() == PassageKind.INTERVIEWER) {
          assertEquals(
              "Interview P01", h.passage().source(), "only the interview has an interviewer");
          assertEquals(
              Map.of(), h.passage().attributes(), "the case's variables are not the interviewer's");
        } else if (h.passage().source().equals("Interview P01")) {
          assertEquals("P01", h.passage().participant());
          assertEquals(Map.of("role", "GP", "region", "North"), h.passage().attributes());
        } else {
          assertEquals(null, h.passage().participant(), "the memo belongs to no case");
        }
      }
    }
  }

  @Test
  void importingTheSameProjectAgainReplacesInsteadOfAddingCopies() throws IOException {
    Path file = nvivoLike("project.qde");
    try (Quarry q = open(dir.resolve("index"))) {
      q.importProject(file);
      List<Hit> first = q.passages(true);
      List<Coding> codings = q.humanCodings();
      q.importProject(file);
      assertEquals(first, q.passages(true));
      assertEquals(codings, q.humanCodings());
    }
  }

  @Test
  void aCodingRemovedInTheToolIsRemovedByTheNextImport() throws IOException {
    Path file = nvivoLike("project.qde");
    try (Quarry q = open(dir.resolve("index"))) {
      q.importProject(file);
      Map<String, byte[]> entries =
          new LinkedHashMap<>(RefiFixture.unzip(Files.readAllBytes(file)));
      String qde = new String(entries.get("Interview study.qde"), StandardCharsets.UTF_8);
      // drop the memo's inline coding of Trust
      String edited =
          qde.replaceAll("(?s)(<TextSource[^>]*name=\"Memo\".*?)<Coding .*?</Coding>", "$1");
      assertTrue(!edited.equals(qde), "the fixture has the memo coding this test removes");
      entries.put("Interview study.qde", edited.getBytes(StandardCharsets.UTF_8));
      Files.write(file, RefiFixture.zip(entries));
      q.importProject(file);
      assertEquals(4, q.humanCodings().size());
      assertTrue(
          q.passages(false).stream()
              .filter(h -> h.passage().source().equals("Memo"))
              .allMatch(h -> h.codes().isEmpty()));
    }
  }

  @Test
  void humanImportLeavesSuggestedCodesAlone() throws IOException {
    Path file = nvivoLike("project.qde");
    Path index = dir.resolve("index");
    try (Quarry q = open(index)) {
      q.importProject(file);
    }
    String memo;
    try (Quarry q = open(index)) {
      memo =
          q.passages(false).stream()
              .filter(h -> h.passage().source().equals("Memo"))
              .findFirst()
              .orElseThrow()
              .passage()
              .id();
    }
    try (var indexer =
        org.quarry.index.Indexer.open(
            index, LemmaAnnotator.untagged(), org.quarry.index.DuplicateFinder.none())) {
      indexer.replaceCodes(
          Map.of(memo, List.of(new CodeScore("system", 0.4, CodeScore.SUGGESTED))),
          CodeScore.SUGGESTED);
    }
    try (Quarry q = open(index)) {
      q.importProject(file);
      assertEquals(
          List.of(
              new CodeScore("trust", 1.0, CodeScore.HUMAN),
              new CodeScore("system", 0.4, CodeScore.SUGGESTED)),
          q.passage(memo).orElseThrow().codes());
    }
  }

  @Test
  void aSourceOfTheSameNameFromAnotherFileIsNotReplacedButReported() throws IOException {
    Path file = nvivoLike("project.qde");
    Path other = dir.resolve("copy.qdpx");
    Files.copy(file, other);
    try (Quarry q = open(dir.resolve("index"))) {
      q.importProject(file);
      List<Coding> before = q.humanCodings();
      ImportReport r = q.importProject(other);
      assertEquals(0, r.sources());
      assertTrue(
          r.problems().stream()
              .anyMatch(
                  p ->
                      p.startsWith(
                          "source 'Memo' not imported: the index"
                              + " already has a source of that id from "
                              + file.toAbsolutePath())),
          r.problems().toString());
      assertTrue(
          r.problems().stream().anyMatch(p -> p.contains("code trust: left out with its source")),
          r.problems().toString());
      assertEquals(before, q.humanCodings());
    }
  }

  @Test
  void theImportCommandListsWhatItLeftOutAndExitsOne() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        QuarryCommand.execute(
            new PrintWriter(out),
            new PrintWriter(err),
            "import",
            nvivoLike("project.qde").toString(),
            "--index",
            dir.resolve("index").toString());
    assertEquals(QuarryException.PARTIAL_FAILURE, code, err.toString());
    assertTrue(
        out.toString().contains(": 2 sources, 4 codes, 5 codings on 3 passages, 2 cases\n"),
        out.toString());
    assertTrue(
        out.toString().contains("\nnot imported (2):\n  source 'Interview P01' selection"),
        out.toString());
    assertTrue(err.toString().contains("2 item(s)"), err.toString());
  }

  @Test
  void theExportCommandRefusesAnUnknownFormatAndAnEmptyIndex() {
    String empty = dir.resolve("empty").toString();
    String file = dir.resolve("x.qdpx").toString();
    StringWriter err = new StringWriter();
    assertEquals(
        2,
        QuarryCommand.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "export",
            "--format",
            "pdf",
            "--out",
            file,
            "--index",
            empty));
    assertTrue(
        err.toString().contains("'pdf' is not one of qdpx, qdc, csv, jsonl"), err.toString());
    assertEquals(
        2,
        QuarryCommand.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            "export",
            "--format",
            "qdpx",
            "--out",
            file,
            "--index",
            empty));
  }

  @Test
  void aFileThatIsNotAProjectIsBadInputNamingIt() throws IOException {
    Path notZip = Files.writeString(dir.resolve("notes.qdpx"), "just text");
    try (Quarry q = open(dir.resolve("index"))) {
      QuarryException e = assertThrows(QuarryException.class, () -> q.importProject(notZip));
      assertEquals(QuarryException.BAD_INPUT, e.exitCode());
      assertTrue(e.getMessage().contains("notes.qdpx"), e.getMessage());
      QuarryException missing =
          assertThrows(QuarryException.class, () -> q.importProject(dir.resolve("nope.qdpx")));
      assertTrue(missing.getMessage().endsWith("nope.qdpx: no such file"), missing.getMessage());
    }
  }
}
