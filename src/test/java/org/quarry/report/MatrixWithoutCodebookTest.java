package org.quarry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.api.Analysis;
import org.quarry.api.Matrix;
import org.quarry.api.MatrixOutput;
import org.quarry.api.MatrixRequest;
import org.quarry.api.Quarry;
import org.quarry.index.DuplicateFinder;
import org.quarry.index.Indexer;
import org.quarry.index.SourcePassages;
import org.quarry.index.TestCorpus;
import org.quarry.model.CodeScore;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;

/**
 * The matrix without a codebook, through an index that holds a near-duplicate source: its columns
 * are every code stored with a passage, the duplicate's included, while its rows leave the
 * duplicate's passages out, as search does. Pinned by golden files.
 */
class MatrixWithoutCodebookTest {
  static final String CAFE = "We built trust over many café meetings.";
  static final String DISTANT = "The ICS felt distant.";
  static final String SLOWLY = "Trust came slowly, quietly.";

  @TempDir static Path dir;
  static Path index;

  @BeforeAll
  static void buildIndex() throws IOException {
    index = dir.resolve("index");
    SourcePassages p01 = source("p01.txt", "P01", Map.of("role", "GP"), CAFE, DISTANT);
    // the same text again under a later id: a near duplicate of p01.txt
    SourcePassages copy = source("p01b.txt", "P01", Map.of("role", "GP"), CAFE, DISTANT);
    SourcePassages p02 = source("p02.txt", "P02", Map.of("role", "Manager"), SLOWLY);
    try (Indexer indexer = Indexer.open(index, LemmaAnnotator.untagged(), sameText())) {
      indexer.update(Stream.of(p01, copy, p02));
      indexer.setCodes(
          Map.of(
              id(p01, 0), List.of(suggested("trust", 0.9), suggested("meetings", 0.7)),
              id(p01, 1), List.of(suggested("system", 0.8)),
              // a code only the duplicate carries: a column, but no count
              id(copy, 0), List.of(suggested("trust", 0.9), suggested("copied", 0.6)),
              id(p02, 0), List.of(new CodeScore("trust", 1.0, CodeScore.HUMAN))));
    }
  }

  private static Matrix matrix(String rows, Map<String, List<String>> filters) {
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      return q.matrix(new MatrixRequest(null, rows, 0, filters, "any"));
    }
  }

  @Test
  void countsBySourceMatchGolden() throws IOException {
    assertEquals(
        golden("matrix-no-codebook-source-count.csv"),
        MatrixOutput.of("csv", "count").render(matrix("source", Map.of()), ""));
  }

  @Test
  void quotesByParticipantMatchGolden() throws IOException {
    assertEquals(
        golden("matrix-no-codebook-participant-quotes.md"),
        MatrixOutput.of("md", "quotes").render(matrix("participant", Map.of()), ""));
  }

  @Test
  void filteredCountsByRoleMatchGolden() throws IOException {
    assertEquals(
        golden("matrix-no-codebook-role-filtered-count.csv"),
        MatrixOutput.of("csv", "count")
            .render(matrix("role", Map.of("participant", List.of("P01"))), ""));
  }

  private static String golden(String name) throws IOException {
    try (var in = MatrixWithoutCodebookTest.class.getResourceAsStream("/report/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  // sources of the same text are near duplicates
  private static DuplicateFinder sameText() {
    return new DuplicateFinder() {
      @Override
      public org.quarry.model.TextSignature signature(String text) {
        return new org.quarry.model.TextSignature(new int[] {text.hashCode()});
      }

      @Override
      public boolean nearDuplicate(
          org.quarry.model.TextSignature a, org.quarry.model.TextSignature b) {
        return a.equals(b);
      }
    };
  }

  private static CodeScore suggested(String code, double score) {
    return new CodeScore(code, score, CodeScore.SUGGESTED);
  }

  private static String id(SourcePassages sp, int i) {
    return sp.passages().get(i).id();
  }

  private static SourcePassages source(
      String id, String participant, Map<String, String> attrs, String... paragraphs) {
    String text = String.join("\n\n", paragraphs);
    List<Passage> passages = new ArrayList<>();
    int from = 0;
    for (String p : paragraphs) {
      int start = text.indexOf(p, from);
      passages.add(
          Passage.of(id, PassageKind.TURN, participant, null, start, start + p.length(), p)
              .withAttributes(attrs));
      from = start + p.length();
    }
    return new SourcePassages(TestCorpus.source(id, text), passages);
  }
}
