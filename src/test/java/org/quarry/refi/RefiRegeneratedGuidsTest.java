package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quarry.api.Analysis;
import org.quarry.api.ExportFormat;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.model.CodeScore;
import org.quarry.model.Codebook;
import org.quarry.model.Hit;
import org.quarry.model.SearchRequest;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;

/**
 * The seeds, coded by suggestion with the commissioners codebook, exported, passed through a tool
 * that mints every GUID anew (QualCoder does) and imported into a fresh index: each code keeps its
 * id, so {@code code:commissioner-role} finds the same passages, and the suggestions are still
 * suggestions.
 */
class RefiRegeneratedGuidsTest {
  @TempDir static Path dir;

  static Codebook book;
  static Map<String, Set<String>> before;

  @BeforeAll
  static void suggestOnTheSeeds() {
    book = Quarry.codebook(Path.of("seeds/codebook-commissioners.yaml")).codebook();
    try (Quarry q = Quarry.open(dir.resolve("seeds-index"), Analysis.UNTAGGED)) {
      q.index(IndexRequest.of(Path.of("seeds")), IndexProgress.NONE);
      q.suggest(
          book, SuggestOptions.defaults(), java.util.OptionalDouble.of(0.3), SuggestProgress.NONE);
      before = passagesByCode(q);
    }
  }

  /** code id → source | text of each passage {@code code:ID} finds, for each code of the book. */
  private static Map<String, Set<String>> passagesByCode(Quarry q) {
    Map<String, Set<String>> out = new java.util.TreeMap<>();
    for (var c : book.codes()) {
      Set<String> found = new TreeSet<>();
      for (Hit h :
          q.search(
                  new SearchRequest(
                      "code:" + c.id(), List.of(), Map.of(), 10_000, 0, false, null, true))
              .hits()) {
        found.add(h.passage().source() + " | " + h.passage().text());
      }
      out.put(c.id(), found);
    }
    return out;
  }

  private static Map<String, Integer> counts(Map<String, Set<String>> passages) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    passages.forEach((code, found) -> out.put(code, found.size()));
    return out;
  }

  /** Exports with the book's names ({@code book}) or with the code ids as names ({@code ids}). */
  @ParameterizedTest
  @ValueSource(strings = {"book", "ids"})
  void codeIdsAndTheirPassagesSurviveAToolThatRegeneratesEveryGuid(String names) throws Exception {
    Path exported = dir.resolve(names + ".qdpx");
    Path tool = dir.resolve(names + "-tool.qdpx");
    try (Quarry q = Quarry.open(dir.resolve("seeds-index"), Analysis.UNTAGGED)) {
      q.export(ExportFormat.QDPX, exported, names.equals("book") ? book : null, 0);
    }
    Files.write(
        tool,
        RefiFixture.zip(
            RefiFixture.regenerateGuids(RefiFixture.unzip(Files.readAllBytes(exported)))));
    String qde =
        new String(
            RefiFixture.unzip(Files.readAllBytes(tool)).get("project.qde"),
            java.nio.charset.StandardCharsets.UTF_8);
    for (String guid :
        List.of(RefiGuids.of("code", "commissioner-role"), RefiGuids.of("user", "quarry"))) {
      assertFalse(qde.contains(guid), "the tool changed " + guid);
    }
    try (Quarry fresh = Quarry.open(dir.resolve(names + "-fresh"), Analysis.UNTAGGED)) {
      fresh.importProject(tool);
      assertTrue(
          before.get("commissioner-role").size() >= 10,
          "the codebook finds a fair number of passages: "
              + before.get("commissioner-role").size());
      Map<String, Set<String>> after = passagesByCode(fresh);
      // the counts first: a difference in them reads better than two lists of whole passages
      assertEquals(counts(before), counts(after));
      assertEquals(before, after);
      Set<String> origins = new TreeSet<>();
      fresh.passages(true).forEach(h -> h.codes().forEach(c -> origins.add(c.origin())));
      assertEquals(Set.of(CodeScore.SUGGESTED), origins);
    }
  }
}
