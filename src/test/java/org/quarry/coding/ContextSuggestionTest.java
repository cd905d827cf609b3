package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.quarry.model.PassageKind;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.Suggestion;
import org.quarry.model.SuggestionRun;

/**
 * A quote takes the narrative that introduces it as context, a turn the question before it: their
 * lexicon words count, at the context weight, for the quote or turn.
 */
class ContextSuggestionTest {
  @TempDir static Path tmp;

  static final String PAPER =
      "# Pressures on practices\n\n"
          + "## Results\n\n"
          + "### Theme 1: Workload\n\n"
          + "Several managers described the workload pressure on practices as relentless:\n\n"
          + "'It has all come too quickly, and it is too much for us.' (P1)\n\n"
          + "'We cannot keep going like this for another winter.' (P2)\n\n"
          + "### Theme 2: Buildings\n\n"
          + "'The roof leaks every time it rains.' (P3)\n";

  static final String INTERVIEW =
      "Interviewer: How has the workload pressure changed this year?\n\n"
          + "P7: It has all come too quickly, if I am honest.\n\n"
          + "Interviewer: And the building itself?\n\n"
          + "P7: The roof leaks every time it rains.\n";

  static final Codebook BOOK =
      new Codebook(
          "context",
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
                  1.0)));

  static Path dir;
  static Path index;

  @BeforeAll
  static void indexFixtures() throws IOException {
    dir = Files.createDirectories(tmp.resolve("files"));
    Files.writeString(dir.resolve("paper.md"), PAPER, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("interview.txt"), INTERVIEW, StandardCharsets.UTF_8);
    index = tmp.resolve("index");
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      q.index(IndexRequest.of(dir), IndexProgress.NONE);
    }
  }

  private static SuggestionRun run(double contextWeight, java.util.OptionalDouble store) {
    // every kind: the tests compare an answer's score from its question with the question's own
    SuggestOptions options =
        SuggestOptions.builder()
            .minScore(0)
            .top(3)
            .kind(SuggestOptions.ALL_KINDS)
            .contextWeight(contextWeight)
            .build();
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      return q.suggest(BOOK, options, store, SuggestProgress.NONE);
    }
  }

  // the suggestion for the passage whose text starts with `prefix`, or null when it has none
  private static Suggestion suggestionFor(SuggestionRun run, String prefix) {
    return run.passages().stream()
        .filter(ps -> ps.passage().text().startsWith(prefix))
        .map(ps -> ps.suggestions().get(0))
        .findFirst()
        .orElse(null);
  }

  private static String kindOf(SuggestionRun run, String prefix) {
    return run.passages().stream()
        .filter(ps -> ps.passage().text().startsWith(prefix))
        .map(ps -> ps.passage().kind().label())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aQuoteWithoutLexiconWordsIsSuggestedFromTheNarrativeThatIntroducesIt() throws IOException {
    SuggestionRun run = run(0.5, java.util.OptionalDouble.empty());
    assertEquals(PassageKind.QUOTE.label(), kindOf(run, "It has all come too quickly, and"));
    Suggestion s = suggestionFor(run, "It has all come too quickly, and");
    assertEquals("workload", s.code());
    String file = Files.readString(dir.resolve("paper.md"));
    assertEquals(
        List.of("workload", "pressure"), s.evidence().stream().map(Evidence::matched).toList());
    for (Evidence e : s.evidence()) {
      assertTrue(e.inContext(), e.toString());
      assertTrue(e.context().startsWith("paper.md#"), e.toString());
      assertEquals(
          e.matched(), file.substring(e.start(), e.end())); // ASCII file: code points = chars
    }
    // the second quote after the same introduction has it as context too
    assertEquals("workload", suggestionFor(run, "We cannot keep going").code());
  }

  @Test
  void aQuoteAtTheStartOfASectionTakesNothingFromThePreviousSection() {
    assertNull(
        suggestionFor(
            run(0.5, java.util.OptionalDouble.empty()), "The roof leaks every time it rains.' "));
    SuggestionRun run = run(1.0, java.util.OptionalDouble.empty());
    assertTrue(
        run.passages().stream().noneMatch(ps -> ps.passage().text().startsWith("The roof")),
        run.toString());
  }

  @Test
  void aTurnIsSuggestedFromTheQuestionBeforeIt() {
    SuggestionRun run = run(0.5, java.util.OptionalDouble.empty());
    assertEquals(PassageKind.TURN.label(), kindOf(run, "It has all come too quickly, if"));
    Suggestion s = suggestionFor(run, "It has all come too quickly, if");
    assertEquals("workload", s.code());
    assertTrue(s.evidence().stream().allMatch(Evidence::inContext), s.toString());
    // the question is scored on its own words, without context
    Suggestion question = suggestionFor(run, "How has the workload");
    assertTrue(question.evidence().stream().noneMatch(Evidence::inContext), question.toString());
  }

  @Test
  void contextCountsLessThanThePassagesOwnWordsAndNotAtAllAtWeightZero() {
    SuggestionRun half = run(0.5, java.util.OptionalDouble.empty());
    SuggestionRun full = run(1.0, java.util.OptionalDouble.empty());
    double question = suggestionFor(half, "How has the workload").score();
    double fromContext = suggestionFor(half, "It has all come too quickly, if").score();
    assertTrue(fromContext > 0 && fromContext < question, fromContext + " vs " + question);
    // at weight 1 a word of the question counts as if the answer had said it
    assertEquals(question, suggestionFor(full, "It has all come too quickly, if").score(), 0.25);
    assertTrue(suggestionFor(full, "It has all come too quickly, if").score() > fromContext);
    SuggestionRun none = run(0, java.util.OptionalDouble.empty());
    assertNull(suggestionFor(none, "It has all come too quickly"));
    assertTrue(
        none.passages().stream()
            .allMatch(
                ps ->
                    ps.suggestions().stream()
                        .allMatch(sg -> sg.evidence().stream().noneMatch(Evidence::inContext))));
  }

  @Test
  void contextsSurviveTheDocumentUpdatesThatStoringCodesMakes() {
    // storing rewrites the coded passages' documents into new segments, away from their contexts
    SuggestionRun before = run(0.5, java.util.OptionalDouble.of(0.0));
    SuggestionRun after = run(0.5, java.util.OptionalDouble.of(0.0));
    assertEquals(evidence(before), evidence(after));
    assertTrue(
        evidence(after).stream().anyMatch(line -> line.contains("context=paper.md#")),
        evidence(after).toString());
    // scores may move a little: BM25 statistics count the replaced documents until a merge
    List<Double> a = scores(before);
    List<Double> b = scores(after);
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i), b.get(i), 0.01);
    }
  }

  private static List<String> evidence(SuggestionRun run) {
    return run.passages().stream()
        .flatMap(
            ps ->
                ps.suggestions().stream()
                    .map(s -> ps.passage().id() + " " + s.code() + " " + s.evidence()))
        .toList();
  }

  private static List<Double> scores(SuggestionRun run) {
    return run.passages().stream()
        .flatMap(ps -> ps.suggestions().stream().map(Suggestion::score))
        .toList();
  }

  @Test
  void anExcludeEntryInTheQuoteVetoesWhatItsContextWouldGive() {
    Codebook book =
        new Codebook(
            "veto",
            null,
            List.of(
                new Code(
                    "workload",
                    "Workload",
                    null,
                    null,
                    List.of("workload", "pressure"),
                    List.of("winter"),
                    null,
                    1.0)));
    SuggestionRun run;
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      run =
          q.suggest(
              book,
              SuggestOptions.builder().minScore(0).top(3).contextWeight(1.0).build(),
              java.util.OptionalDouble.empty(),
              SuggestProgress.NONE);
    }
    assertNull(suggestionFor(run, "We cannot keep going like this for another winter."));
    assertEquals("workload", suggestionFor(run, "It has all come too quickly, and").code());
  }

  @Test
  void aContextHoldingAnExcludeEntryGivesNoEvidenceSinceItsWordsDidNotCount() {
    // the narrative before the first quote says 'relentless', an exclude entry: its lexicon words
    // do not count for the quote, which is suggested for its own 'quickly' alone
    Codebook book =
        new Codebook(
            "veto",
            null,
            List.of(
                new Code(
                    "workload",
                    "Workload",
                    null,
                    null,
                    List.of("workload", "pressure", "quickly"),
                    List.of("relentless"),
                    null,
                    1.0)));
    SuggestionRun withContext;
    SuggestionRun without;
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      withContext =
          q.suggest(
              book,
              SuggestOptions.builder().minScore(0).top(3).contextWeight(1.0).build(),
              java.util.OptionalDouble.empty(),
              SuggestProgress.NONE);
      without =
          q.suggest(
              book,
              SuggestOptions.builder().minScore(0).top(3).contextWeight(0).build(),
              java.util.OptionalDouble.empty(),
              SuggestProgress.NONE);
    }
    Suggestion quote = suggestionFor(withContext, "It has all come too quickly, and");
    assertEquals(suggestionFor(without, "It has all come too quickly, and").score(), quote.score());
    assertEquals(
        List.of("quickly"),
        quote.evidence().stream().map(Evidence::matched).toList(),
        quote.toString());
    assertTrue(quote.evidence().stream().noneMatch(Evidence::inContext), quote.toString());
    // a question without the exclude entry still counts, and is named as evidence
    Suggestion turn = suggestionFor(withContext, "It has all come too quickly, if");
    assertTrue(turn.evidence().stream().anyMatch(Evidence::inContext), turn.toString());
  }

  @Test
  void aQuoteInALaterSectionOfTheSameNameTakesNothingFromTheEarlierOne() throws IOException {
    // two sections named 'Barriers', with a section of another name between them
    String paper =
        "# Pressures\n\n"
            + "## Theme 1\n\n"
            + "### Barriers\n\n"
            + "Several managers described the workload pressure on practices as relentless:\n\n"
            + "'It has all come too quickly, and it is too much for us.' (P1)\n\n"
            + "## Theme 2\n\n"
            + "'The roof leaks every time it rains.' (P3)\n\n"
            + "### Barriers\n\n"
            + "'We cannot keep going like this for another winter.' (P2)\n";
    Path files = Files.createDirectories(tmp.resolve("sections-files"));
    Files.writeString(files.resolve("sections.md"), paper, StandardCharsets.UTF_8);
    Path sections = tmp.resolve("sections-index");
    SuggestionRun run;
    try (Quarry q = Quarry.open(sections, Analysis.UNTAGGED)) {
      q.index(IndexRequest.of(files), IndexProgress.NONE);
      run =
          q.suggest(
              BOOK,
              SuggestOptions.builder().minScore(0).top(3).contextWeight(1.0).build(),
              java.util.OptionalDouble.empty(),
              SuggestProgress.NONE);
    }
    assertEquals(PassageKind.QUOTE.label(), kindOf(run, "It has all come too quickly"));
    assertEquals("workload", suggestionFor(run, "It has all come too quickly").code());
    assertNull(suggestionFor(run, "We cannot keep going"), run.toString());
  }

  @Test
  void aContextWeightOutsideZeroToOneIsRejectedByName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SuggestOptions.builder().minScore(0).top(3).contextWeight(1.5).build());
    assertTrue(e.getMessage().contains("--context-weight"), e.getMessage());
  }
}
