package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** learn, suggest --method and --uncertain, and eval --cross-validate, end to end on the seeds. */
class CliLearningTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final SeedsHome SEEDS = new SeedsHome();

  private static Path home;
  private static Path gold;
  private static CliRun learn;

  @BeforeAll
  static void learnFromTheSeedQuotes() throws Exception {
    home = SEEDS.home();
    gold = home.resolve("seed-quotes.jsonl");
    Files.copy(Path.of("seeds/seed-quotes.jsonl"), gold);
    learn = CliRun.of("learn", "--codebook", book(), "--gold", gold.toString());
  }

  private static String book() {
    return home.resolve("seeds").resolve("codebook-commissioners.yaml").toString();
  }

  // quarry eval with the seeds' codebook and gold file, then {@code more}
  private static CliRun eval(String... more) {
    List<String> args =
        new java.util.ArrayList<>(List.of("eval", "--codebook", book(), "--gold", gold.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void learnKeepsAStampedModelBesideTheIndex() {
    assertEquals(0, learn.exitCode(), learn.err());
    assertTrue(learn.out().startsWith("learned 3 codes from "), learn.out());
    assertTrue(Files.isRegularFile(home.resolve("index").resolve("quarry-model.json.gz")));
  }

  @Test
  void suggestWithTheLearnedMethodSuggestsOnlyLearnedCodesWithCalibratedScores() throws Exception {
    CliRun run =
        CliRun.of(
            "suggest",
            "--codebook",
            book(),
            "--method",
            "learned",
            "--format",
            "jsonl",
            "--no-store");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("learned: 3 codes over"), run.err());
    Set<String> codes = new HashSet<>();
    for (String line : run.out().split("\n")) {
      for (JsonNode s : JSON.readTree(line).get("suggestions")) {
        codes.add(s.get("code").asText());
        double p = s.get("score").asDouble();
        assertTrue(p > 0 && p <= 1, line);
      }
    }
    assertEquals(
        Set.of("commissioner-role", "policy-vs-local-services", "engaging-the-system"), codes);
  }

  @Test
  void learnedSuggestionsWithoutLexiconWordsShowTheWordsTheModelWeighs() throws Exception {
    CliRun run =
        CliRun.of(
            "suggest",
            "--codebook",
            book(),
            "--method",
            "learned",
            "--min-score",
            "0.3",
            "--format",
            "jsonl",
            "--no-store");
    assertEquals(0, run.exitCode(), run.err());
    int learnedWords = 0;
    for (String line : run.out().split("\n")) {
      JsonNode o = JSON.readTree(line);
      String file = Files.readString(home.resolve("seeds").resolve(o.get("source").asText()));
      for (JsonNode s : o.get("suggestions")) {
        assertTrue(s.get("evidence").size() > 0, line);
        for (JsonNode e : s.get("evidence")) {
          int start = file.offsetByCodePoints(0, e.get("start").asInt());
          int end = file.offsetByCodePoints(start, e.get("end").asInt() - e.get("start").asInt());
          assertEquals(e.get("matched").asText(), file.substring(start, end), line);
          learnedWords += e.get("term").asText().startsWith("~") ? 1 : 0;
        }
      }
    }
    assertTrue(learnedWords > 0, run.out());
  }

  @Test
  void suggestUsesTheCombinedMethodWhenAModelFits() {
    CliRun run =
        CliRun.of(
            "suggest", "--codebook", book(), "--format", "jsonl", "--no-store", "--kind", "quote");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("combined: "), run.err());
  }

  @Test
  void uncertainListsThatManyPassagesWithTheirScores() throws Exception {
    CliRun run =
        CliRun.of("suggest", "--codebook", book(), "--uncertain", "5", "--format", "jsonl");
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(5, lines.size(), run.out());
    for (String line : lines) {
      assertTrue(JSON.readTree(line).get("suggestions").size() > 0, line);
    }
  }

  @Test
  void learnWithSentenceVectorsKeepsAModelThatSuggestUsesWithThem(@TempDir Path dir)
      throws Exception {
    Path index = dir.resolve("sentences");
    assertEquals(
        0,
        CliRun.of("index", home.resolve("seeds").toString(), "--index", index.toString())
            .exitCode());
    CliRun learned =
        CliRun.of(
            "learn",
            "--codebook",
            book(),
            "--gold",
            gold.toString(),
            "--index",
            index.toString(),
            "--sentence-vectors");
    assertEquals(0, learned.exitCode(), learned.err());
    assertTrue(learned.out().contains("with sentence vectors bge-small-en-v1.5-q"), learned.out());
    // encoded once, kept beside the index for the suggestions that follow
    assertTrue(Files.isRegularFile(index.resolve("quarry-sentence-vectors.bin")));
    CliRun run =
        CliRun.of(
            "suggest",
            "--codebook",
            book(),
            "--index",
            index.toString(),
            "--method",
            "learned",
            "--format",
            "jsonl",
            "--no-store");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("learned: 3 codes over"), run.err());
    assertTrue(run.out().lines().count() > 0, run.out());
    for (String line : run.out().split("\n")) {
      for (JsonNode s : JSON.readTree(line).get("suggestions")) {
        double p = s.get("score").asDouble();
        assertTrue(p > 0 && p <= 1, line);
      }
    }
  }

  @Test
  void aChangedCodebookMakesTheModelStale(@TempDir Path dir) throws Exception {
    Path changed = dir.resolve("changed.yaml");
    Files.writeString(
        changed,
        Files.readString(Path.of(book()))
            .replace("terms: [CCG, ", "terms: [CCG, locality, ")
            .replace(
                "glossary: nhs-glossary.txt",
                "glossary: " + home.resolve("seeds").resolve("nhs-glossary.txt")));
    CliRun byDefault =
        CliRun.of("suggest", "--codebook", changed.toString(), "--no-store", "--format", "jsonl");
    assertEquals(0, byDefault.exitCode(), byDefault.err());
    assertTrue(byDefault.err().contains("warning: the learned model is stale"), byDefault.err());
    assertTrue(byDefault.err().contains("lexicon: "), byDefault.err());
    CliRun learned =
        CliRun.of("suggest", "--codebook", changed.toString(), "--method", "learned", "--no-store");
    assertEquals(2, learned.exitCode(), learned.err());
    assertEquals(1, learned.err().strip().lines().count(), learned.err());
  }

  @Test
  void aLearnedMethodWithoutAModelIsOneClearError(@TempDir Path dir) {
    Path index = dir.resolve("other");
    assertEquals(
        0,
        CliRun.of("index", home.resolve("seeds").toString(), "--index", index.toString())
            .exitCode());
    CliRun run =
        CliRun.of(
            "suggest", "--codebook", book(), "--index", index.toString(), "--method", "learned");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("needs a trained model: run 'quarry learn"), run.err());
    CliRun bad =
        CliRun.of(
            "suggest", "--codebook", book(), "--index", index.toString(), "--method", "magic");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("unknown method 'magic'"), bad.err());
  }

  @Test
  void crossValidationReportsEveryMethodInTheDocumentedShape(@TempDir Path dir) throws Exception {
    Path predictions = dir.resolve("oof.jsonl");
    CliRun run =
        eval(
            "--cross-validate",
            "3",
            "--group-by",
            "participant",
            "--format",
            "json",
            "--predictions",
            predictions.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode o = JSON.readTree(run.out());
    assertEquals(3, o.get("folds").asInt());
    assertEquals("participant", o.get("groupBy").asText());
    assertEquals(
        List.of("baseline", "lexicon", "learned", "combined"), fieldNames(o.get("methods")));
    for (JsonNode m : o.get("methods")) {
      assertTrue(m.has("threshold") && m.has("map"), m.toString());
      for (String avg : List.of("micro", "macro")) {
        for (String f : List.of("precision", "recall", "f1")) {
          double v = m.get(avg).get(f).asDouble();
          assertTrue(v >= 0 && v <= 1, m.toString());
        }
      }
    }
    assertTrue(o.get("learningCurve").isArray());
    List<String> lines = Files.readAllLines(predictions);
    assertTrue(!lines.isEmpty());
    for (String line : lines) {
      JsonNode p = JSON.readTree(line);
      assertTrue(p.has("id") && p.get("suggestions").size() > 0, line);
    }
  }

  @Test
  void crossValidationWithSentenceVectorsSaysSoInTheLearner() throws Exception {
    CliRun run =
        eval(
            "--cross-validate",
            "3",
            "--group-by",
            "participant",
            "--method",
            "learned",
            "--no-learning-curve",
            "--sentence-vectors",
            "--format",
            "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode o = JSON.readTree(run.out());
    assertTrue(
        o.get("learner").asText().endsWith("with sentence vectors bge-small-en-v1.5-q"),
        o.toString());
    double f1 = o.get("methods").get("learned").get("micro").get("f1").asDouble();
    assertTrue(f1 >= 0 && f1 <= 1, o.toString());
  }

  @Test
  void sentenceVectorsWithoutCrossValidationIsOneClearError() {
    CliRun run = eval("--sentence-vectors");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--sentence-vectors go with --cross-validate K"), run.err());
  }

  @Test
  void crossValidationNeedsAsManyGroupsAsFolds() {
    CliRun run = eval("--cross-validate", "9", "--group-by", "source");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("needs at least 9 groups"), run.err());
  }

  @Test
  void learnWithoutAGoldFileLearnsFromAcceptedSuggestions(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("reviewed");
    assertEquals(
        0,
        CliRun.of("index", home.resolve("seeds").toString(), "--index", index.toString())
            .exitCode());
    CliRun none = CliRun.of("learn", "--codebook", book(), "--index", index.toString());
    assertEquals(2, none.exitCode());
    assertTrue(none.err().contains("no human codings to learn from"), none.err());
    CliRun run =
        CliRun.of(
            "suggest",
            "--codebook",
            book(),
            "--index",
            index.toString(),
            "--kind",
            "quote",
            "--format",
            "jsonl",
            "--no-store");
    int accepted = 0;
    for (String line : run.out().split("\n")) {
      JsonNode o = JSON.readTree(line);
      String top = o.get("suggestions").get(0).get("code").asText();
      String id = o.get("id").asText();
      if (top.equals("commissioner-role") && accepted < 4) {
        assertEquals(0, CliRun.of("accept", "--index", index.toString(), id, top).exitCode());
        accepted++;
      } else if (!top.equals("commissioner-role")) {
        assertEquals(
            0,
            CliRun.of("reject", "--index", index.toString(), id, "commissioner-role").exitCode());
      }
    }
    assertEquals(4, accepted);
    CliRun learned = CliRun.of("learn", "--codebook", book(), "--index", index.toString());
    assertEquals(0, learned.exitCode(), learned.err());
    assertTrue(learned.out().startsWith("learned 1 codes from "), learned.out());
  }

  private static List<String> fieldNames(JsonNode o) {
    List<String> out = new java.util.ArrayList<>();
    o.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
