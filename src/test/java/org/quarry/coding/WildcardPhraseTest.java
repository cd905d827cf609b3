package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.Glossary;
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
import org.quarry.model.Suggestion;

/** A lexicon phrase with wildcard words, {@code "human subject*"}, through the index. */
class WildcardPhraseTest {
  @TempDir static Path tmp;

  static final String FIXTURE =
      "The Human Subjects committee met on Monday.\n\n"
          + "She asked follow up questions about the consent forms.\n\n"
          + "The follow-up questioning went on for an hour.\n\n"
          + "Subjects of the study were human volunteers.\n\n"
          + "The committee reviewed human subjects and human rights.\n";

  static Path dir;
  static Path index;

  @BeforeAll
  static void indexFixture() throws IOException {
    dir = Files.createDirectories(tmp.resolve("fixture"));
    Files.writeString(dir.resolve("f.txt"), FIXTURE, StandardCharsets.UTF_8);
    index = tmp.resolve("index");
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      q.index(IndexRequest.of(dir), IndexProgress.NONE);
    }
  }

  private static Codebook book(List<String> terms, List<String> exclude) {
    return new Codebook(
        "fixture", null, List.of(new Code("c", "C", null, null, terms, exclude, null, 1.0)));
  }

  // matched words per passage (by the passage's first words), with their offsets checked
  private static Map<String, List<String>> evidence(Codebook book) throws IOException {
    String file = Files.readString(dir.resolve("f.txt"));
    Map<String, List<String>> out = new TreeMap<>();
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      for (PassageSuggestions ps :
          q.suggest(
                  book,
                  SuggestOptions.defaults().with(0, 1),
                  java.util.OptionalDouble.empty(),
                  SuggestProgress.NONE)
              .passages()) {
        List<String> words = new ArrayList<>();
        for (Suggestion s : ps.suggestions()) {
          for (Evidence e : s.evidence()) {
            assertEquals(e.matched(), file.substring(e.start(), e.end()), e.toString());
            words.add(e.matched());
          }
        }
        out.put(ps.passage().text().substring(0, 12), words);
      }
    }
    return out;
  }

  private static double score(Codebook book, String passageStart) {
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      return q
          .suggest(
              book,
              SuggestOptions.defaults().with(0, 1),
              java.util.OptionalDouble.empty(),
              SuggestProgress.NONE)
          .passages()
          .stream()
          .filter(ps -> ps.passage().text().startsWith(passageStart))
          .mapToDouble(ps -> ps.suggestions().get(0).score())
          .findFirst()
          .orElse(0);
    }
  }

  @Test
  void aWildcardWordInAPhraseMatchesTheWordsInARowAndGivesThemAsEvidence() throws IOException {
    assertEquals(
        Map.of(
            "The Human Su", List.of("Human Subjects"), "The committe", List.of("human subjects")),
        evidence(book(List.of("\"human subject*\""), List.of())));
  }

  @Test
  void severalPlainWordsBeforeTheWildcardMatchSpacedAndHyphenatedWriting() throws IOException {
    assertEquals(
        Map.of(
            "She asked fo",
            List.of("follow up questions"),
            "The follow-u",
            List.of("follow-up questioning")),
        evidence(book(List.of("follow up question*"), List.of())));
  }

  @Test
  void theWildcardIsLowerCasedAsTheIndexedLemmasAre() throws IOException {
    assertEquals(
        evidence(book(List.of("\"human subject*\""), List.of())),
        evidence(book(List.of("\"HUMAN Subject*\""), List.of())));
  }

  @Test
  void aWildcardPhraseWeighsWhatThePlainPhraseWeighs() {
    double wildcard = score(book(List.of("\"human subject*\""), List.of()), "The Human");
    double plain = score(book(List.of("\"human subjects\""), List.of()), "The Human");
    // the interval phrase ignores passage length, which BM25 counts: close, not equal
    assertTrue(wildcard > 0.2 && Math.abs(wildcard - plain) < 0.1, wildcard + " against " + plain);
  }

  @Test
  void itsUpperBoundFeedsTheCalibrationRuler() throws IOException {
    CodeQueryBuilder builder = new CodeQueryBuilder(Glossary.empty());
    try (FSDirectory d = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      double wildcard =
          ScoreCalibration.reference(searcher, List.of(builder.term("\"human subject*\"")));
      double plain =
          ScoreCalibration.reference(searcher, List.of(builder.term("\"human subjects\"")));
      assertTrue(
          wildcard > 0 && Math.abs(wildcard - plain) < 0.25 * plain,
          wildcard + " against " + plain);
    }
  }

  @Test
  void anExcludeEntryMayBeAWildcardPhrase() throws IOException {
    assertEquals(
        Map.of("Subjects of ", List.of("Subjects")),
        evidence(book(List.of("subject"), List.of("\"human subject*\""))));
  }

  @Test
  void aWildcardThatMatchesTooManyWordsIsAnErrorNamingTheTerm() throws IOException {
    Path many = Files.createDirectories(tmp.resolve("many"));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i <= 128; i++) {
      text.append("code zq").append(i).append(". ");
    }
    Files.writeString(many.resolve("m.txt"), text + "\n");
    Path manyIndex = tmp.resolve("many-index");
    try (Quarry q = Quarry.open(manyIndex, Analysis.UNTAGGED)) {
      q.index(IndexRequest.of(many), IndexProgress.NONE);
      RuntimeException e =
          assertThrows(
              RuntimeException.class,
              () ->
                  q.suggest(
                      book(List.of("code zq*"), List.of()),
                      SuggestOptions.defaults(),
                      java.util.OptionalDouble.empty(),
                      SuggestProgress.NONE));
      assertEquals(
          "term 'code zq*': a wildcard matches more than 128 different words of the index;"
              + " write more letters before the '*'",
          e.getMessage());
    }
  }

  @Test
  void aWildcardWordWithSymbolsInAPhraseIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CodeQueryBuilder(Glossary.empty()).term("the follow-up*"));
    assertEquals(
        "term 'the follow-up*' has a wildcard in 'follow-up*', which is not one word of letters and digits"
            + " (write its parts apart, e.g. 'follow up*')",
        e.getMessage());
  }

  @Test
  void theKeywordBaselineMatchesAWildcardPhraseLiterallyWithWhiteSpaceBetweenWords() {
    KeywordBaseline baseline =
        new KeywordBaseline(book(List.of("\"human subject*\""), List.of()).codes());
    assertArrayEquals(
        new int[] {2}, baseline.hits("Human Subjects and human\nsubjectivity, not human-subjects"));
  }
}
