package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.Analysis;
import org.quarry.api.DecisionReport;
import org.quarry.api.Quarry;
import org.quarry.model.Code;
import org.quarry.model.CodeScore;
import org.quarry.model.Coding;
import org.quarry.model.Hit;

/** Decisions on the passages of an imported REFI-QDA project, and importing it again. */
class RefiDecisionsTest {
  @TempDir Path dir;

  private Path project() throws IOException {
    Path file = dir.resolve("Interview study.qdpx");
    Files.write(file, RefiFixture.nvivoLike("project.qde"));
    return file;
  }

  private static Quarry open(Path index) {
    return Quarry.open(index, Analysis.UNTAGGED);
  }

  private static String codeNamed(Quarry q, String name) {
    return q.knownCodes().codes().stream()
        .filter(c -> c.name().equals(name))
        .map(Code::id)
        .findFirst()
        .orElseThrow();
  }

  private static Hit passage(Quarry q, String id) {
    return q.passage(id).orElseThrow();
  }

  @Test
  void importingTheProjectAgainKeepsACodeTheResearcherAccepted() throws IOException {
    Path file = project();
    try (Quarry q = open(dir.resolve("index"))) {
      q.importProject(file);
      Hit memo =
          q.passages(false).stream()
              .filter(h -> h.passage().source().equals("Memo"))
              .findFirst()
              .orElseThrow();
      q.accept(memo.passage().id(), "music");
      List<Coding> before = q.humanCodings();
      q.importProject(file);
      assertEquals(before, q.humanCodings());
      assertTrue(
          q.humanCodings()
              .contains(
                  new Coding(
                      "Memo",
                      memo.passage().start(),
                      memo.passage().end(),
                      "music",
                      1.0,
                      CodeScore.HUMAN)),
          q.humanCodings().toString());
      assertTrue(
          passage(q, memo.passage().id())
              .codes()
              .contains(new CodeScore("music", 1.0, CodeScore.HUMAN)));
    }
  }

  @Test
  void rejectingACodeAnImportedCodingPutsOnThePassageLeavesThatCodingAndSaysSo()
      throws IOException {
    try (Quarry q = open(dir.resolve("index"))) {
      q.importProject(project());
      String trust = codeNamed(q, "Trust");
      List<Coding> imported = q.humanCodings();
      Coding memoTrust =
          imported.stream()
              .filter(c -> c.source().equals("Memo") && c.code().equals(trust))
              .findFirst()
              .orElseThrow();
      Hit coded =
          q.passages(false).stream()
              .filter(
                  h ->
                      h.passage().source().equals("Memo")
                          && h.passage().span().overlaps(memoTrust.span()))
              .findFirst()
              .orElseThrow();
      DecisionReport r = q.reject(coded.passage().id(), trust);
      assertTrue(r.importedCodingStays());
      assertFalse(r.newCode());
      assertEquals(imported, q.humanCodings());
      assertTrue(
          passage(q, coded.passage().id())
              .codes()
              .contains(new CodeScore(trust, 1.0, CodeScore.HUMAN)));
      List<Boolean> verdicts = new ArrayList<>();
      q.decisions().forEach(d -> verdicts.add(d.accepted()));
      assertEquals(List.of(false), verdicts, "the rejection is kept all the same, as an example");
    }
  }
}
