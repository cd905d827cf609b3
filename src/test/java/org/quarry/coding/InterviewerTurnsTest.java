package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.SuggestionRun;

/**
 * A researcher codes what participants say: suggestion leaves interviewer turns out unless asked
 * for them, while a question still counts as the context of its answers.
 */
class InterviewerTurnsTest {
  @TempDir static Path tmp;

  static final String INTERVIEW =
      "Interviewer: How has the workload pressure changed this year?\n\n"
          + "P7: It has all come too quickly.\n\n"
          + "Interviewer: And the building itself?\n\n"
          + "P7: The roof leaks, which adds to the workload.\n";

  static final Codebook BOOK =
      new Codebook(
          "interview",
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

  static Path index;

  @BeforeAll
  static void indexInterview() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("files"));
    Files.writeString(dir.resolve("interview.txt"), INTERVIEW, StandardCharsets.UTF_8);
    index = tmp.resolve("index");
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      q.index(IndexRequest.of(dir), IndexProgress.NONE);
    }
  }

  // the kind of each suggested passage, by its first words
  private static Map<String, String> suggested(SuggestOptions options) {
    Map<String, String> out = new TreeMap<>();
    for (PassageSuggestions ps : run(options).passages()) {
      out.put(ps.passage().text().substring(0, 16), ps.passage().kind().label());
    }
    return out;
  }

  private static SuggestionRun run(SuggestOptions options) {
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      return q.suggest(BOOK, options, java.util.OptionalDouble.empty(), SuggestProgress.NONE);
    }
  }

  private static SuggestOptions kind(String kind) {
    return SuggestOptions.builder().minScore(0).top(3).kind(kind).build();
  }

  @Test
  void interviewerTurnsAreLeftOutByDefault() {
    assertEquals(
        Map.of("The roof leaks, ", "turn", "It has all come ", "turn"),
        suggested(SuggestOptions.defaults().with(0, 3)));
  }

  @Test
  void aQuestionLeftOutStillGivesItsAnswersContext() {
    PassageSuggestions answer =
        run(SuggestOptions.defaults().with(0, 3)).passages().stream()
            .filter(ps -> ps.passage().text().startsWith("It has all come"))
            .findFirst()
            .orElseThrow();
    List<Evidence> evidence = answer.suggestions().get(0).evidence();
    assertEquals(
        List.of("workload", "pressure"), evidence.stream().map(Evidence::matched).toList());
    assertEquals(
        Set.of(true),
        evidence.stream().map(Evidence::inContext).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void askingForInterviewerTurnsOrForAllKindsIncludesThem() {
    assertEquals(Map.of("How has the work", "interviewer"), suggested(kind("interviewer")));
    assertEquals(
        Map.of(
            "How has the work",
            "interviewer",
            "The roof leaks, ",
            "turn",
            "It has all come ",
            "turn"),
        suggested(kind(SuggestOptions.ALL_KINDS)));
  }

  @Test
  void passagesNamedByIdAreSuggestedForWhateverTheirKind() {
    Set<String> ids = new java.util.TreeSet<>();
    run(kind(SuggestOptions.ALL_KINDS)).passages().forEach(ps -> ids.add(ps.passage().id()));
    assertEquals(
        Map.of(
            "How has the work",
            "interviewer",
            "The roof leaks, ",
            "turn",
            "It has all come ",
            "turn"),
        suggested(SuggestOptions.defaults().with(0, 3).onlyPassages(ids)));
  }

  @Test
  void anUnknownKindNamesTheKindsIncludingAll() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CodeSuggester.selection(null, kind("question")));
    assertEquals(
        "unknown passage kind 'question' (use quote, narrative, turn, interviewer, response, or all for every kind)",
        e.getMessage());
  }
}
