package org.quarry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.Analysis;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.model.FacetValue;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;

class ScaleCorpusTest {

  @Test
  void theSameSeedAndSizeGiveTheSameFiles() {
    assertEquals(
        new ScaleCorpus(7, 700).sources().toList(), new ScaleCorpus(7, 700).sources().toList());
  }

  @Test
  void anotherSeedGivesOtherText() {
    assertNotEquals(
        new ScaleCorpus(7, 700).sources().toList(), new ScaleCorpus(8, 700).sources().toList());
  }

  @Test
  void aSourceIsTheSameWhateverSizeTheStudyIsCutTo() {
    List<ScaleCorpus.GeneratedSource> small = new ScaleCorpus(3, 2_000).sources().toList();
    List<ScaleCorpus.GeneratedSource> large = new ScaleCorpus(3, 20_000).sources().toList();
    assertEquals(small.get(0), large.get(0));
    assertEquals(small.get(2), large.get(2));
  }

  @Test
  void itGeneratesExactlyThePassagesAskedFor() {
    for (int n : new int[] {1, 299, 1_234}) {
      assertEquals(
          n,
          new ScaleCorpus(42, n).sources().mapToInt(s -> s.passages().size()).sum(),
          "passages for " + n);
    }
  }

  @Test
  void interviewsHaveLabelledTurnsOfOneParticipantAndSectionHeadings() {
    ScaleCorpus.GeneratedSource interview =
        new ScaleCorpus(42, 5_000)
            .sources()
            .filter(s -> s.name().startsWith("interviews/"))
            .findFirst()
            .orElseThrow();
    String text = interview.content();
    assertTrue(text.contains("\nInterviewer: "), text);
    assertTrue(text.matches("(?s).*\\nP\\d{5}: .*"), text);
    assertTrue(text.matches("(?s).*\\n[A-Z ]{6,}\\n.*"), "a heading in capitals: " + text);
  }

  @Test
  void surveysAreCsvWithAnIdColumnOpenQuestionsAndSkippedAnswers() {
    ScaleCorpus.GeneratedSource survey =
        new ScaleCorpus(42, 5_000)
            .sources()
            .filter(s -> s.name().endsWith(".csv"))
            .findFirst()
            .orElseThrow();
    String[] lines = survey.content().split("\n");
    assertEquals("respondent," + String.join(",", ScaleCorpus.SURVEY_QUESTIONS), lines[0]);
    assertTrue(survey.content().contains(",n/a"), "some questions are skipped");
    assertTrue(lines.length > 100, "many respondents a file");
  }

  @Test
  void wordsFollowZipfsLawWithHealthServicesTermsAmongTheCommonWords() {
    ZipfVocabulary v = ZipfVocabulary.english();
    Random r = new Random(1);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      counts.merge(v.draw(r), 1, Integer::sum);
    }
    List<String> ranked = v.ranked();
    double first = counts.get(ranked.get(0));
    double tenth = counts.get(ranked.get(9));
    // rank 1 is about ten times as frequent as rank 10
    assertTrue(first / tenth > 7 && first / tenth < 13, "ratio " + first / tenth);
    assertTrue(ranked.size() > 800, "a long tail: " + ranked.size());
    assertTrue(counts.getOrDefault("appointment", 0) > 50, "domain terms are common");
    assertTrue(counts.getOrDefault("primary care", 0) > 20, "phrases are drawn as units");
  }

  @Test
  void quarrySegmentsTheFilesIntoTheGeneratedPassagesWithParticipantsAndSections(@TempDir Path dir)
      throws IOException {
    ScaleCorpus.Written w =
        new ScaleCorpus(42, 600).write(dir.resolve("study"), dir.resolve("lines.txt"));
    assertEquals(600, w.passages());
    assertEquals(600, Files.readAllLines(dir.resolve("lines.txt")).size());
    try (Quarry q = Quarry.open(dir.resolve("index"), Analysis.UNTAGGED)) {
      assertEquals(
          600,
          q.index(IndexRequest.of(dir.resolve("study")), IndexProgress.NONE).passagesInIndex());
      SearchResult kinds = q.search(SearchRequest.builder("*:*").facets("kind", "section").build());
      List<String> kindValues = kinds.facets().get("kind").stream().map(FacetValue::value).toList();
      assertTrue(
          kindValues.containsAll(List.of("turn", "interviewer", "response")),
          kindValues.toString());
      List<String> sections =
          kinds.facets().get("section").stream().map(FacetValue::value).toList();
      assertTrue(sections.containsAll(ScaleCorpus.SURVEY_QUESTIONS), sections.toString());
    }
  }
}
