package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.Analysis;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.Evidence;
import org.quarry.model.FacetValue;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.Suggestion;
import org.quarry.model.SuggestionRun;

/** Suggestion through the index, on a handmade fixture and on the seeds (untagged lemmas). */
class CodeSuggesterTest {
  @TempDir static Path tmp;

  static final String FIXTURE =
      "Staff \uD83D\uDE00 spoke of workloads and the pressures on practices.\n\n"
          + "The ICS board gave clinical directors one voice; the system listened.\n\n"
          + "Nothing here is about the theme at all.\n";

  static final Codebook BOOK =
      new Codebook(
          "fixture",
          null,
          List.of(
              new Code(
                  "workload",
                  "Workload",
                  null,
                  null,
                  List.of("workload", "pressure"),
                  List.of(),
                  null,
                  1.0),
              new Code(
                  "voice",
                  "Voice",
                  null,
                  null,
                  List.of("\"clinical director\"", "voice", "syst*"),
                  List.of("operating system"),
                  null,
                  1.0)));

  static Path fixtureDir;
  static Path fixtureIndex;
  static Path seedsIndex;

  @BeforeAll
  static void index() throws IOException {
    fixtureDir = Files.createDirectories(tmp.resolve("fixture"));
    Files.writeString(fixtureDir.resolve("f.txt"), FIXTURE, StandardCharsets.UTF_8);
    fixtureIndex = tmp.resolve("fixture-index");
    try (Quarry q = Quarry.open(fixtureIndex, Analysis.UNTAGGED)) {
      q.index(IndexRequest.of(fixtureDir), IndexProgress.NONE);
    }
    seedsIndex = SeedsIndex.untagged(tmp);
  }

  private static SuggestionRun run(
      Path index, Codebook book, SuggestOptions options, java.util.OptionalDouble store) {
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      return q.suggest(book, options, store, SuggestProgress.NONE);
    }
  }

  private static String codePoints(String text, int start, int end) {
    int s = text.offsetByCodePoints(0, start);
    return text.substring(s, text.offsetByCodePoints(s, end - start));
  }

  @Test
  void evidenceOffsetsPointAtTheMatchedWordsOfTheFixtureFile() throws IOException {
    SuggestionRun run =
        run(
            fixtureIndex,
            BOOK,
            SuggestOptions.defaults().with(0, 2),
            java.util.OptionalDouble.empty());
    String file = Files.readString(fixtureDir.resolve("f.txt"));
    Map<String, List<String>> matched = new HashMap<>();
    for (PassageSuggestions ps : run.passages()) {
      for (Suggestion s : ps.suggestions()) {
        for (Evidence e : s.evidence()) {
          assertEquals(e.matched(), codePoints(file, e.start(), e.end()), e.toString());
          matched.computeIfAbsent(s.code(), k -> new java.util.ArrayList<>()).add(e.matched());
        }
      }
    }
    assertEquals(List.of("workloads", "pressures"), matched.get("workload"));
    assertEquals(List.of("clinical directors", "voice", "system"), matched.get("voice"));
  }

  @Test
  void evidenceOffsetsPointAtTheMatchedWordsOfTheSeedFiles() throws IOException {
    for (String book :
        List.of("codebook-commissioners.yaml", "codebook-policy-stakeholders.yaml")) {
      Codebook codebook = CodebookReader.read(Path.of("seeds", book));
      SuggestionRun run =
          run(
              seedsIndex,
              codebook,
              SuggestOptions.defaults().with(0, 3),
              java.util.OptionalDouble.empty());
      int checked = 0;
      for (PassageSuggestions ps : run.passages()) {
        String file = Files.readString(Path.of("seeds", ps.passage().source()));
        for (Suggestion s : ps.suggestions()) {
          for (Evidence e : s.evidence()) {
            assertEquals(
                e.matched(), codePoints(file, e.start(), e.end()), ps.passage().id() + " " + e);
            checked++;
          }
        }
      }
      assertTrue(checked > 100, book + ": only " + checked + " evidence spans");
    }
  }

  @Test
  void scoresAreCalibratedIntoZeroToOneAndRankedPerPassage() throws IOException {
    Codebook codebook = CodebookReader.read(Path.of("seeds", "codebook-commissioners.yaml"));
    SuggestionRun run =
        run(
            seedsIndex,
            codebook,
            SuggestOptions.defaults().with(0, 3),
            java.util.OptionalDouble.empty());
    assertFalse(run.passages().isEmpty());
    for (PassageSuggestions ps : run.passages()) {
      double prev = 1;
      for (Suggestion s : ps.suggestions()) {
        assertTrue(s.score() > 0 && s.score() <= 1, s.toString());
        assertTrue(s.score() <= prev, ps.toString());
        prev = s.score();
      }
    }
  }

  @Test
  void minScoreAndTopLimitWhatIsKept() {
    SuggestionRun all =
        run(
            fixtureIndex,
            BOOK,
            SuggestOptions.defaults().with(0, 2),
            java.util.OptionalDouble.empty());
    SuggestionRun one =
        run(
            fixtureIndex,
            BOOK,
            SuggestOptions.defaults().with(0, 1),
            java.util.OptionalDouble.empty());
    SuggestionRun none =
        run(
            fixtureIndex,
            BOOK,
            SuggestOptions.defaults().with(1.0, 2),
            java.util.OptionalDouble.empty());
    assertEquals(2, all.passages().size());
    assertTrue(one.passages().stream().allMatch(p -> p.suggestions().size() == 1));
    assertEquals(0, none.passages().size());
  }

  @Test
  void excludeVetoesAPassage() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("exclude"));
    Files.writeString(
        dir.resolve("e.txt"),
        "The operating system crashed again.\n\nThe health system listened.\n");
    Path index = tmp.resolve("exclude-index");
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      q.index(IndexRequest.of(dir), IndexProgress.NONE);
    }
    SuggestionRun run =
        run(index, BOOK, SuggestOptions.defaults().with(0, 2), java.util.OptionalDouble.empty());
    assertEquals(1, run.passages().size());
    assertTrue(run.passages().get(0).passage().text().contains("health system"));
  }

  @Test
  void storedSuggestionsAreSearchableAndFacetedWithHumanCodesKept() {
    Path index = tmp.resolve("fixture-index");
    run(index, BOOK, SuggestOptions.defaults().with(0, 2), java.util.OptionalDouble.of(0.0));
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      SearchResult r =
          q.search(SearchRequest.builder("code:voice").facets(List.of("code")).build());
      assertEquals(1, r.total());
      assertTrue(r.hits().get(0).passage().text().contains("clinical directors"));
      assertEquals("voice", r.hits().get(0).codes().get(0).code());
      assertEquals("suggested", r.hits().get(0).codes().get(0).origin());
      SearchResult all = q.search(SearchRequest.builder("").facets(List.of("code")).build());
      assertEquals(
          List.of(new FacetValue("voice", 1), new FacetValue("workload", 1)),
          all.facets().get("code"));
    }
    // a second run with a higher threshold takes back the suggestions below it
    run(index, BOOK, SuggestOptions.defaults().with(0, 2), java.util.OptionalDouble.of(1.0));
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      assertEquals(0, q.search(SearchRequest.builder("code:voice").build()).total());
    }
  }

  @Test
  void oneTextIsSuggestedThroughAnInMemoryIndexWithOffsetsIntoTheText() {
    String text = "Clinical directors want one voice \uD83D\uDE00 in the ICS.";
    try (Quarry q = Quarry.open(tmp.resolve("unused"), Analysis.UNTAGGED)) {
      SuggestionRun run = q.suggestText(BOOK, text, SuggestOptions.defaults().with(0, 2));
      assertEquals(1, run.passages().size());
      Suggestion s = run.passages().get(0).suggestions().get(0);
      assertEquals("voice", s.code());
      for (Evidence e : s.evidence()) {
        assertEquals(e.matched(), codePoints(text, e.start(), e.end()));
      }
      assertEquals(
          List.of("Clinical directors", "voice"),
          s.evidence().stream().map(Evidence::matched).toList());
    }
  }

  @Test
  void noSeedLexiconTermIsFoundOnlyInsideTheGoldQuotes() {
    // the seed lexicons must come from the papers' own text: a term that matches quotes and no
    // narrative passage can only have been copied from the quotes, which are the test
    List<String> leaks = new java.util.ArrayList<>();
    for (String file :
        List.of("codebook-commissioners.yaml", "codebook-policy-stakeholders.yaml")) {
      Codebook book = CodebookReader.read(Path.of("seeds", file));
      for (Code code : book.codes()) {
        for (String term : code.terms()) {
          Codebook one =
              new Codebook(
                  "one term",
                  book.glossary(),
                  List.of(
                      new Code(
                          code.id(),
                          code.name(),
                          null,
                          null,
                          List.of(term),
                          List.of(),
                          null,
                          1.0)));
          SuggestionRun run =
              run(
                  seedsIndex,
                  one,
                  SuggestOptions.builder()
                      .minScore(0)
                      .top(1)
                      .includeDuplicates(true)
                      .evidence(false)
                      .contextWeight(0)
                      .build(),
                  java.util.OptionalDouble.empty());
          boolean anywhere = !run.passages().isEmpty();
          boolean outsideQuotes =
              run.passages().stream()
                  .anyMatch(ps -> ps.passage().kind() != org.quarry.model.PassageKind.QUOTE);
          if (anywhere && !outsideQuotes) {
            leaks.add(file + ": " + term);
          }
        }
      }
    }
    assertEquals(List.of(), leaks);
  }
}
