package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.Analysis;
import org.quarry.api.Quarry;
import org.quarry.model.Codebook;
import org.quarry.model.EvalReport;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.Suggestion;

/**
 * A run limited to some passages (a kind, a list of ids) gives those passages exactly what a run
 * over every passage gives them, and evaluation, which limits its run to the gold passages, reports
 * what it would from a run over every passage.
 */
class SuggestionScopeTest {
  @TempDir static Path tmp;

  static Path index;
  static Codebook book;

  @BeforeAll
  static void indexSeeds() throws IOException {
    index = SeedsIndex.untagged(tmp);
    book = CodebookReader.read(Path.of("seeds", "codebook-commissioners.yaml"));
  }

  private static Map<String, List<Suggestion>> run(SuggestOptions options) {
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      Map<String, List<Suggestion>> out = new HashMap<>();
      q.suggest(book, options, java.util.OptionalDouble.empty(), SuggestProgress.NONE)
          .passages()
          .forEach(ps -> out.put(ps.passage().id(), ps.suggestions()));
      return out;
    }
  }

  @Test
  void passagesNamedByIdGetWhatAFullRunGivesThem() {
    SuggestOptions all =
        SuggestOptions.builder().minScore(0).top(3).includeDuplicates(true).build();
    Map<String, List<Suggestion>> full = run(all);
    // every third passage with suggestions, so the selected slots are not the documents' numbers
    List<String> some = full.keySet().stream().sorted().toList();
    Set<String> chosen = new java.util.TreeSet<>();
    for (int i = 0; i < some.size(); i += 3) {
      chosen.add(some.get(i));
    }
    assertTrue(chosen.size() > 20, chosen.toString());
    Map<String, List<Suggestion>> limited = run(all.onlyPassages(chosen));
    assertEquals(chosen, limited.keySet());
    for (String id : chosen) {
      assertEquals(full.get(id), limited.get(id), id);
    }
  }

  @Test
  void quotesAloneGetWhatAFullRunGivesThem() {
    SuggestOptions all = SuggestOptions.builder().minScore(0).top(3).build();
    Map<String, List<Suggestion>> full = run(all);
    Map<String, List<Suggestion>> quotes =
        run(SuggestOptions.builder().minScore(0).top(3).kind("quote").build());
    assertTrue(quotes.size() >= 12, quotes.keySet().toString());
    quotes.forEach((id, list) -> assertEquals(full.get(id), list, id));
  }

  @Test
  void evaluationOnTheGoldPassagesAloneReportsWhatAFullRunWould() throws IOException {
    Path gold = Path.of("seeds/seed-quotes.jsonl");
    EvalReport fromFacade;
    List<Passage> passages;
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      fromFacade = q.evaluate(book, gold, 0.3);
      passages = q.passages(true).stream().map(Hit::passage).toList();
    }
    Map<String, List<Suggestion>> everyPassage =
        run(
            SuggestOptions.builder()
                .minScore(0)
                .top(book.codes().size())
                .includeDuplicates(true)
                .evidence(false)
                .build());
    EvalReport fromFullRun =
        Evaluator.evaluate(book, GoldSet.read(gold, book), passages, everyPassage, 0.3);
    assertEquals(fromFullRun, fromFacade);
    assertEquals(12, fromFacade.matched());
  }

  @Test
  void matchesThatDoNotBelongToTheGoldItemsAreRefused() throws IOException {
    GoldSet gold = GoldSet.read(Path.of("seeds/seed-quotes.jsonl"), book);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Evaluator.evaluateMatched(book, gold, List.of(), Map.of(), 0.3));
    assertTrue(e.getMessage().contains("goldPassages"), e.getMessage());
  }
}
