package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.Code;
import org.quarry.model.CodeScore;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.Decision;
import org.quarry.model.Hit;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;

/**
 * Decisions through the API on a small think-aloud transcript (P7.txt), and what becomes of them
 * when the transcript is edited or removed and indexed again: they follow their words, and are
 * kept, not applied, while no passage holds those words.
 */
class DecisionsTest {
  private static final String ANSWER =
      "Honestly it's quicker. On the phone you queue at eight with everyone else.";

  @TempDir Path dir;
  private Path folder;
  private Path file;

  @BeforeEach
  void oneTranscript() throws IOException {
    folder = Files.createDirectories(dir.resolve("study"));
    file = folder.resolve("P7.txt");
    Files.copy(Path.of("src/test/resources/transcripts/P7.txt"), file);
    Files.writeString(
        folder.resolve("P8.txt"), "MODERATOR: How was it?\n\nP8: Slow, but it worked.\n");
  }

  private Quarry open() {
    return Quarry.open(dir.resolve("index"), Analysis.UNTAGGED);
  }

  private static IndexReport index(Quarry q, Path folder) {
    return q.index(IndexRequest.of(folder), IndexProgress.NONE);
  }

  /** The passage holding the participant's answer about the phone. */
  private static Hit answer(Quarry q) {
    return q.passages(false).stream()
        .filter(h -> h.passage().text().equals(ANSWER))
        .findFirst()
        .orElseThrow();
  }

  private static boolean carries(Hit h, String code) {
    return h.codes().contains(new CodeScore(code, 1.0, CodeScore.HUMAN));
  }

  private void edit(String from, String to) throws IOException {
    String text = Files.readString(file);
    assertTrue(text.contains(from), from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void decisionsListsEachDecisionWithItsSpanWordsAndVerdictAndCannotBeChanged() {
    try (Quarry q = open()) {
      index(q, folder);
      Hit a = answer(q);
      q.accept(a.passage().id(), "speed");
      q.reject(a.passage().id(), "frustration");
      List<Decision> decisions = q.decisions();
      assertEquals(
          List.of(
              new Decision(
                  "P7.txt",
                  a.passage().start(),
                  a.passage().end(),
                  "frustration",
                  false,
                  ANSWER,
                  true),
              new Decision(
                  "P7.txt", a.passage().start(), a.passage().end(), "speed", true, ANSWER, true)),
          decisions);
      assertThrows(UnsupportedOperationException.class, () -> decisions.add(decisions.get(0)));
    }
  }

  @Test
  void anAcceptedDecisionMovesWithItsWordsWhenTextIsAddedBeforeThem() throws IOException {
    try (Quarry q = open()) {
      index(q, folder);
      Hit before = answer(q);
      q.accept(before.passage().id(), "speed");
      edit(
          "MODERATOR: Thanks for coming in.",
          "MODERATOR: Hello again.\n\nMODERATOR: Thanks for coming in.");
      IndexReport report = index(q, folder);
      assertEquals(
          List.of(
              "decisions on P7.txt after its text changed: 1 moved with the words they were made on"),
          report.notes().stream().filter(n -> n.startsWith("decisions")).toList());
      Hit after = answer(q);
      assertTrue(after.passage().start() > before.passage().start());
      assertTrue(carries(after, "speed"), after.codes().toString());
      assertEquals(
          List.of(
              new Coding(
                  "P7.txt",
                  after.passage().start(),
                  after.passage().end(),
                  "speed",
                  1.0,
                  CodeScore.HUMAN)),
          q.humanCodings());
    }
  }

  @Test
  void aRejectionMovesWithItsWordsSoSuggestionStillDoesNotStoreTheCodeThere() throws IOException {
    Codebook book =
        new Codebook(
            "speed",
            null,
            List.of(
                new Code(
                    "speed", "Speed", null, null, List.of("quicker", "slow"), null, null, 1.0)));
    try (Quarry q = open()) {
      index(q, folder);
      q.reject(answer(q).passage().id(), "speed");
      edit(
          "MODERATOR: Thanks for coming in.",
          "MODERATOR: Hello again.\n\nMODERATOR: Thanks for coming in.");
      index(q, folder);
      q.suggest(
          book, SuggestOptions.defaults(), java.util.OptionalDouble.of(0.0), SuggestProgress.NONE);
      assertTrue(answer(q).codes().isEmpty(), answer(q).codes().toString());
      assertTrue(
          q.passages(false).stream()
              .anyMatch(h -> h.passage().text().contains("Slow") && !h.codes().isEmpty()),
          "the code is stored where nobody rejected it");
    }
  }

  @Test
  void aDecisionWhoseWordsAreGoneIsKeptNotAppliedAndTheIndexRunSaysSo() throws IOException {
    try (Quarry q = open()) {
      index(q, folder);
      Hit before = answer(q);
      q.accept(before.passage().id(), "speed");
      edit("Honestly it's quicker.", "Honestly it's much quicker.");
      IndexReport report = index(q, folder);
      assertEquals(
          List.of(
              "decisions on P7.txt after its text changed: 1 no longer match any passage's words:"
                  + " kept with those words, not applied (accept or reject the changed passages again)"),
          report.notes().stream().filter(n -> n.startsWith("decisions")).toList());
      assertEquals(List.of(), q.humanCodings());
      assertTrue(q.passages(false).stream().allMatch(h -> h.codes().isEmpty()));
      Decision kept = q.decisions().get(0);
      assertFalse(kept.applied());
      assertEquals(ANSWER, kept.text());
      assertEquals(before.passage().id(), kept.passageId());
    }
  }

  @Test
  void aDecisionAppliesAgainWhenItsWordsComeBack() throws IOException {
    try (Quarry q = open()) {
      index(q, folder);
      q.accept(answer(q).passage().id(), "speed");
      edit("Honestly it's quicker.", "Honestly it's much quicker.");
      index(q, folder);
      edit("Honestly it's much quicker.", "Honestly it's quicker.");
      IndexReport report = index(q, folder);
      assertTrue(
          report
              .notes()
              .contains(
                  "decisions on P7.txt after its text changed: 1 apply again (their words are back)"),
          report.notes().toString());
      assertTrue(carries(answer(q), "speed"));
      assertTrue(q.decisions().get(0).applied());
    }
  }

  @Test
  void aRemovedSourceKeepsItsDecisionsNotAppliedUntilItComesBack() throws IOException {
    Path aside = dir.resolve("P7.txt");
    try (Quarry q = open()) {
      index(q, folder);
      q.accept(answer(q).passage().id(), "speed");
      Files.move(file, aside);
      IndexReport removed = index(q, folder);
      assertTrue(
          removed
              .notes()
              .contains(
                  "decisions on P7.txt after it was removed: 1 kept, not applied"
                      + " (they apply again if it comes back)"),
          removed.notes().toString());
      assertEquals(List.of(), q.humanCodings());
      assertFalse(q.decisions().get(0).applied());
      Files.move(aside, file);
      index(q, folder);
      assertTrue(carries(answer(q), "speed"));
      assertEquals(1, q.humanCodings().size());
    }
  }
}
