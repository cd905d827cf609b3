package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-marked quotes of the development papers (src/test/resources/papers-dev, see {@link
 * QuoteFixtureScorer}): at least 95% found with the right participant, at least 95% of quote
 * passages correct, and no negative taken for a participant. Prints the table per paper and per
 * attribution style.
 */
class PapersDevQuotesTest {
  private static final Path DIR = Path.of("src/test/resources/papers-dev");
  private static final double FLOOR = 0.95;
  private static final List<QuoteFixtureScorer.Score> scores = new ArrayList<>();

  @BeforeAll
  static void scoreEveryPaper() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".quotes.jsonl")).sorted().toList()) {
        String id = f.getFileName().toString().replace(".quotes.jsonl", "");
        scores.add(QuoteFixtureScorer.score(DIR, id));
      }
    }
    print();
  }

  private static void print() {
    StringBuilder out =
        new StringBuilder(
            "\npaper                      quotes found recall  passages correct precision  negatives taken\n");
    Map<String, int[]> styles = new TreeMap<>();
    for (QuoteFixtureScorer.Score s : scores) {
      out.append(
          String.format(
              java.util.Locale.ROOT,
              "%-26s %6d %5d %6.3f %9d %7d %9.3f %10d %5d%n",
              s.doc(),
              s.fixtures(),
              s.found(),
              ratio(s.found(), s.fixtures()),
              s.passages(),
              s.correct(),
              ratio(s.correct(), s.passages()),
              s.negatives(),
              s.taken()));
      s.byStyle()
          .forEach(
              (k, v) -> {
                int[] t = styles.computeIfAbsent(k, x -> new int[2]);
                t[0] += v[0];
                t[1] += v[1];
              });
    }
    out.append(
        String.format(
            java.util.Locale.ROOT,
            "%-26s %6d %5d %6.3f %9d %7d %9.3f %10d %5d%n",
            "ALL",
            fixtures(),
            found(),
            ratio(found(), fixtures()),
            passages(),
            correct(),
            ratio(correct(), passages()),
            scores.stream().mapToInt(QuoteFixtureScorer.Score::negatives).sum(),
            taken()));
    out.append("\nstyle                        quotes found recall\n");
    styles.forEach(
        (k, v) ->
            out.append(
                String.format(
                    java.util.Locale.ROOT,
                    "%-28s %6d %5d %6.3f%n",
                    k,
                    v[0],
                    v[1],
                    ratio(v[1], v[0]))));
    for (QuoteFixtureScorer.Score s : scores) {
      s.misses()
          .forEach(m -> out.append("MISS  ").append(s.doc()).append(": ").append(m).append('\n'));
      s.wrong()
          .forEach(m -> out.append("EXTRA ").append(s.doc()).append(": ").append(m).append('\n'));
      s.takenNegatives()
          .forEach(m -> out.append("TAKEN ").append(s.doc()).append(": ").append(m).append('\n'));
    }
    System.out.println(out);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 1.0 : (double) a / b;
  }

  private static int fixtures() {
    return scores.stream().mapToInt(QuoteFixtureScorer.Score::fixtures).sum();
  }

  private static int found() {
    return scores.stream().mapToInt(QuoteFixtureScorer.Score::found).sum();
  }

  private static int passages() {
    return scores.stream().mapToInt(QuoteFixtureScorer.Score::passages).sum();
  }

  private static int correct() {
    return scores.stream().mapToInt(QuoteFixtureScorer.Score::correct).sum();
  }

  private static int taken() {
    return scores.stream().mapToInt(QuoteFixtureScorer.Score::taken).sum();
  }

  @Test
  void everyPaperHasFixtures() {
    assertEquals(8, scores.size(), "papers with a quotes fixture");
    scores.forEach(s -> assertTrue(s.fixtures() > 0, s.doc()));
  }

  @Test
  void atLeast95PercentOfMarkedQuotesAreFoundWithTheirParticipant() {
    assertTrue(ratio(found(), fixtures()) >= FLOOR, found() + " of " + fixtures() + " found");
  }

  @Test
  void atLeast95PercentOfQuotePassagesAreMarkedQuotes() {
    assertTrue(
        ratio(correct(), passages()) >= FLOOR,
        correct() + " of " + passages() + " quote passages correct");
  }

  @Test
  void noNegativeIsTakenForAParticipant() {
    assertEquals(0, taken(), "negatives taken");
  }
}
