package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The coding verbs end to end on the seeds: suggest, search by code, eval, terms, errors. */
class CliCodingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final SeedsHome SEEDS = new SeedsHome();

  private static Path home;
  private static CliRun suggest;

  @BeforeAll
  static void suggestOnTheSeeds() {
    home = SEEDS.home();
    Path seeds = home.resolve("seeds");
    suggest =
        CliRun.of(
            "suggest",
            "--codebook",
            seeds.resolve("codebook-commissioners.yaml").toString(),
            "--format",
            "jsonl");
  }

  private static String book(String name) {
    return home.resolve("seeds").resolve(name).toString();
  }

  @Test
  void suggestGivesRankedCodesWithEvidenceThatPointsIntoTheSourceFiles() throws IOException {
    assertEquals(0, suggest.exitCode(), suggest.err());
    String[] lines = suggest.out().split("\n");
    assertTrue(lines.length > 10, suggest.out());
    int checked = 0;
    for (String line : lines) {
      JsonNode o = JSON.readTree(line);
      String file = Files.readString(home.resolve("seeds").resolve(o.get("source").asText()));
      double prev = 1;
      for (JsonNode s : o.get("suggestions")) {
        double score = s.get("score").asDouble();
        assertTrue(score > 0 && score <= prev, line); // every candidate by default, best first
        prev = score;
        for (JsonNode e : s.get("evidence")) {
          int start = file.offsetByCodePoints(0, e.get("start").asInt());
          int end = file.offsetByCodePoints(start, e.get("end").asInt() - e.get("start").asInt());
          assertEquals(e.get("matched").asText(), file.substring(start, end), line);
          checked++;
        }
      }
    }
    assertTrue(checked > 50);
    assertTrue(suggest.err().contains("stored codes changed on"), suggest.err());
  }

  @Test
  void everyQuoteOfTheCommissionersPaperGetsRankedCodesWithEvidenceInItOrItsIntroduction()
      throws IOException {
    CliRun run =
        CliRun.of(
            "suggest",
            "--codebook",
            book("codebook-commissioners.yaml"),
            "--kind",
            "quote",
            "--format",
            "jsonl",
            "--no-store");
    assertEquals(0, run.exitCode(), run.err());
    String source = "002_089efb293f434282.txt";
    String file = Files.readString(home.resolve("seeds").resolve(source));
    java.util.Set<String> suggested = new java.util.TreeSet<>();
    int fromContext = 0;
    for (String line : run.out().split("\n")) {
      JsonNode o = JSON.readTree(line);
      if (!o.get("source").asText().equals(source)) {
        continue;
      }
      assertEquals("quote", o.get("kind").asText(), line);
      assertTrue(o.get("suggestions").size() > 0, line);
      suggested.add(o.get("id").asText());
      for (JsonNode s : o.get("suggestions")) {
        assertTrue(s.get("evidence").size() > 0, line);
        for (JsonNode e : s.get("evidence")) {
          int start = file.offsetByCodePoints(0, e.get("start").asInt());
          int end = file.offsetByCodePoints(start, e.get("end").asInt() - e.get("start").asInt());
          assertEquals(e.get("matched").asText(), file.substring(start, end), line);
          if (e.has("context")) {
            // the introduction is a passage of the same file, before the quote
            String context = e.get("context").asText();
            assertTrue(context.startsWith(source + "#"), line);
            assertTrue(e.get("end").asInt() <= o.get("start").asInt(), line);
            fromContext++;
          }
        }
      }
    }
    // the paper's twelve attributed quotes, every one with a ranked list
    CliRun quotes =
        CliRun.of(
            "search",
            "kind:quote AND source:\"" + source + "\"",
            "--format",
            "json",
            "--limit",
            "100");
    java.util.Set<String> all = new java.util.TreeSet<>();
    JSON.readTree(quotes.out()).get("hits").forEach(h -> all.add(h.get("id").asText()));
    assertEquals(12, all.size(), quotes.out());
    assertEquals(all, suggested);
    assertTrue(fromContext > 0);
  }

  @Test
  void minScoreFloorsTheSuggestionsShown() throws IOException {
    CliRun run =
        CliRun.of(
            "suggest",
            "--codebook",
            book("codebook-commissioners.yaml"),
            "--format",
            "jsonl",
            "--min-score",
            "0.3",
            "--no-store");
    assertEquals(0, run.exitCode(), run.err());
    int shown = 0;
    for (String line : run.out().split("\n")) {
      for (JsonNode s : JSON.readTree(line).get("suggestions")) {
        assertTrue(s.get("score").asDouble() >= 0.3, line);
        shown++;
      }
    }
    assertTrue(shown > 10, run.out());
    assertTrue(shown < suggest.out().split("\"score\"").length - 1, "the default shows more");
  }

  @Test
  void indexingTheSeedsLeavesTheCodebooksOut() throws IOException {
    assertEquals(0, suggest.exitCode(), suggest.err());
    CliRun r = CliRun.of("search", "source:codebook*", "--format", "json");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(0, JSON.readTree(r.out()).get("total").asInt(), r.out());
  }

  @Test
  void storedCodesAreSearchableAndFaceted() throws IOException {
    assertEquals(0, suggest.exitCode(), suggest.err());
    CliRun r =
        CliRun.of(
            "search",
            "code:engaging-the-system",
            "--facet",
            "code",
            "--facet",
            "participant",
            "--format",
            "json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode o = JSON.readTree(r.out());
    assertTrue(o.get("total").asInt() > 0, r.out());
    boolean faceted = false;
    for (JsonNode v : o.get("facets").get("code")) {
      faceted |= v.get("value").asText().equals("engaging-the-system");
    }
    assertTrue(faceted, r.out());
  }

  @Test
  void aMalformedCodebookIsOneLineExitTwoAndLeavesTheIndexUntouched() throws IOException {
    assertEquals(0, suggest.exitCode(), suggest.err());
    Path bad = home.resolve("bad.yaml");
    Files.writeString(bad, "codebook: bad\ncodes:\n  - id: a\n    terms: [x]\n    colour: red\n");
    Map<String, Long> before = listing(home.resolve("index"));
    CliRun r = CliRun.of("suggest", "--codebook", bad.toString());
    assertEquals(2, r.exitCode());
    assertEquals(
        "quarry: "
            + bad
            + ":5: unknown key 'colour' in a code"
            + " (use id, name, description, parent, terms, exclude, query, weight)\n",
        r.err());
    assertEquals(before, listing(home.resolve("index")));
    Files.writeString(bad, "codebook: bad\ncodes:\n  - id: a\n    terms: [x\n");
    CliRun yaml = CliRun.of("suggest", "--codebook", bad.toString());
    assertEquals(2, yaml.exitCode());
    assertTrue(yaml.err().startsWith("quarry: " + bad + ":"), yaml.err());
    assertEquals(1, yaml.err().lines().count(), yaml.err());
    Files.writeString(
        bad, "codebook: bad\ncodes:\n  - id: a\n    terms: [x]\n  - id: a\n    terms: [y]\n");
    CliRun dup = CliRun.of("suggest", "--codebook", bad.toString());
    assertEquals(2, dup.exitCode());
    assertTrue(dup.err().startsWith("quarry: " + bad + ":5: duplicate code id 'a'"), dup.err());
  }

  @Test
  void evalPrintsQuarryAndBaselineFigures() throws IOException {
    Path gold = home.resolve("gold.jsonl");
    // the seed gold shipped in seeds/ (a copy of ../shared/eval/seed-quotes.jsonl)
    Files.copy(
        Path.of("seeds/seed-quotes.jsonl"),
        gold,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    CliRun text =
        CliRun.of(
            "eval",
            "--codebook",
            book("codebook-policy-stakeholders.yaml"),
            "--gold",
            gold.toString());
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().contains("top-1 accuracy: Quarry"), text.out());
    assertTrue(text.out().contains("keyword baseline"), text.out());
    CliRun json =
        CliRun.of(
            "eval",
            "--codebook",
            book("codebook-commissioners.yaml"),
            "--gold",
            gold.toString(),
            "--format",
            "json");
    assertEquals(0, json.exitCode(), json.err());
    JsonNode o = JSON.readTree(json.out());
    assertEquals(18, o.get("items").asInt());
    assertEquals(3, o.get("codes").size());
    assertTrue(o.get("quarryTop1").asDouble() >= 0);
  }

  @Test
  void evalAndCrossValidationOfAnEmptyGoldFileAreAOneLineError() throws IOException {
    Path gold = Files.writeString(home.resolve("empty-gold.jsonl"), "");
    for (CliRun run :
        List.of(
            CliRun.of(
                "eval",
                "--codebook",
                book("codebook-commissioners.yaml"),
                "--gold",
                gold.toString()),
            CliRun.of(
                "eval",
                "--codebook",
                book("codebook-commissioners.yaml"),
                "--gold",
                gold.toString(),
                "--cross-validate",
                "3"))) {
      assertEquals(2, run.exitCode(), run.err() + run.out());
      assertEquals(1, run.err().strip().lines().count(), run.err());
      assertTrue(run.err().contains("no gold items"), run.err());
    }
  }

  @Test
  void termsListsKeyTermsWithCountsAndExamples() throws IOException {
    assertEquals(0, suggest.exitCode(), suggest.err());
    CliRun r =
        CliRun.of(
            "terms",
            "--code",
            "engaging-the-system",
            "--codebook",
            book("codebook-commissioners.yaml"),
            "--limit",
            "5",
            "--format",
            "json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode terms = JSON.readTree(r.out());
    assertEquals(5, terms.size());
    for (JsonNode t : terms) {
      assertFalse(t.get("term").asText().equals("voice"), r.out());
      assertTrue(t.get("in").asInt() > 0 && t.get("example").asText().contains("#"), r.out());
    }
  }

  @Test
  void suggestOnSeveralThreadsPrintsWhatOneThreadPrintsAndBadThreadCountsAreOneLineExitTwo() {
    assertEquals(0, suggest.exitCode(), suggest.err());
    String book = book("codebook-policy-stakeholders.yaml");
    CliRun one =
        CliRun.of(
            "suggest", "--codebook", book, "--no-store", "--format", "jsonl", "--threads", "1");
    CliRun three =
        CliRun.of(
            "suggest", "--codebook", book, "--no-store", "--format", "jsonl", "--threads", "3");
    assertEquals(0, one.exitCode(), one.err());
    assertEquals(0, three.exitCode(), three.err());
    assertTrue(one.out().lines().count() > 10, one.out());
    assertEquals(one.out(), three.out());
    for (String bad : List.of("0", "-2")) {
      CliRun r = CliRun.of("suggest", "--codebook", book, "--no-store", "--threads", bad);
      assertEquals(2, r.exitCode(), r.err());
      assertEquals("quarry: --threads must be 1 or more, got " + bad + "\n", r.err());
    }
    CliRun word = CliRun.of("suggest", "--codebook", book, "--no-store", "--threads", "many");
    assertEquals(2, word.exitCode(), word.err());
    assertEquals(1, word.err().strip().lines().count(), word.err());
    assertTrue(word.err().contains("--threads"), word.err());
    assertFalse(word.err().contains("internal error"), word.err());
  }

  @Test
  void suggestOutInAMissingFolderIsBadUsageInOneLine() {
    Path out = home.resolve("no-such-folder").resolve("suggestions.csv");
    CliRun r =
        CliRun.of(
            "suggest",
            "--codebook",
            book("codebook-commissioners.yaml"),
            "--index",
            home.resolve("no-index-here").toString(),
            "--text",
            "one voice",
            "--out",
            out.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("quarry: cannot write " + out + ": no folder "), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  @Test
  void suggestForABlankTextIsAOneLineError() {
    CliRun r =
        CliRun.of(
            "suggest", "--codebook", book("codebook-commissioners.yaml"), "--text", " ... \t");
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("quarry: --text holds no words to code", r.err().strip());
  }

  @Test
  void suggestForOneTextNeedsNoIndex() {
    CliRun r =
        CliRun.of(
            "suggest",
            "--codebook",
            book("codebook-commissioners.yaml"),
            "--index",
            home.resolve("no-index-here").toString(),
            "--text",
            "Clinical directors speak with one voice at the ICS board.",
            "--format",
            "csv");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out()
            .startsWith(
                "passage,source,kind,participant,start,end,rank,code,score,evidence,text\n"),
        r.out());
    assertTrue(r.out().contains(",1,engaging-the-system,"), r.out());
    assertFalse(Files.exists(home.resolve("no-index-here")));
  }

  @Test
  void suggestTextAndCsvShowEachPassagesWordsOnOneLine() {
    String words = "Clinical directors speak with one voice\n\nat the ICS board.";
    List<String> common =
        List.of(
            "suggest",
            "--codebook",
            book("codebook-commissioners.yaml"),
            "--index",
            home.resolve("no-index-here").toString(),
            "--text",
            words,
            "--format");
    CliRun text =
        CliRun.of(
            java.util.stream.Stream.concat(common.stream(), Stream.of("text"))
                .toArray(String[]::new));
    assertEquals(0, text.exitCode(), text.err());
    assertEquals(
        "    Clinical directors speak with one voice at the ICS board.",
        text.out().lines().toList().get(1));
    CliRun csv =
        CliRun.of(
            java.util.stream.Stream.concat(common.stream(), Stream.of("csv"))
                .toArray(String[]::new));
    assertEquals(0, csv.exitCode(), csv.err());
    csv.out()
        .lines()
        .skip(1)
        .forEach(
            row ->
                assertTrue(
                    row.endsWith(",Clinical directors speak with one voice at the ICS board."),
                    row));
  }

  @Test
  void aQdcCodebookReportsItsTermlessCodes() throws IOException {
    Path qdc = home.resolve("book.qdc");
    Files.writeString(
        qdc,
        "<?xml version=\"1.0\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"
            + "<Code guid=\"11111111-1111-1111-1111-111111111111\" name=\"Voice\" isCodable=\"true\"/></Codes></CodeBook>\n");
    CliRun r = CliRun.of("suggest", "--codebook", qdc.toString(), "--text", "one voice");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "quarry: warning: "
                    + qdc
                    + ": codes with no terms or query, skipped by the lexicon method:"
                    + " voice (a .qdc has no lexicon; add terms in a YAML codebook)\n"),
        r.err());
  }

  @Test
  void suggestWithTermlessCodesWarnsOnceAndSuggestsTheOthers() throws IOException {
    Path book = termlessBook();
    CliRun r =
        CliRun.of("suggest", "--codebook", book.toString(), "--no-store", "--format", "jsonl");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of(
            "quarry: warning: "
                + book
                + ": codes with no terms or query, skipped by the lexicon method:"
                + " consent, todo (add 'terms:' to suggest them)"),
        warnings(r));
    assertTrue(r.out().contains("\"code\":\"voice\""), r.out());
    assertTrue(r.err().contains("quarry: lexicon: 1 codes over "), r.err());
  }

  @Test
  void evalWithTermlessCodesWarnsOnceAndReportsEveryCode() throws IOException {
    Path gold = home.resolve("termless-gold.jsonl");
    Files.writeString(
        gold,
        "{\"doc\": \"002_089efb293f434282.txt\", \"code\": \"todo\","
            + " \"quote\": \"PCNs are like Buckaroo\"}\n");
    CliRun r =
        CliRun.of(
            "eval",
            "--codebook",
            termlessBook().toString(),
            "--gold",
            gold.toString(),
            "--format",
            "json");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(1, warnings(r).size(), r.err());
    assertEquals(4, JSON.readTree(r.out()).get("codes").size(), r.out());
  }

  @Test
  void termsOfATermlessCodeIsOneLineExitTwo() throws IOException {
    assertEquals(0, suggest.exitCode(), suggest.err());
    CliRun r = CliRun.of("terms", "--code", "todo", "--codebook", termlessBook().toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(
        "quarry: code 'todo' has no terms or query, so it matches no passages to study"
            + " (give it terms in the codebook, or use --query Q)\n",
        r.err());
  }

  // a parent without terms (a group), a child with terms, a child and a code without
  private static Path termlessBook() throws IOException {
    return Files.writeString(
        home.resolve("termless.yaml"),
        """
        codebook: Partly written
        codes:
          - id: ethics
          - id: voice
            parent: ethics
            terms: [voice]
          - id: consent
            parent: ethics
          - id: todo
        """);
  }

  private static List<String> warnings(CliRun r) {
    return r.err().lines().filter(l -> l.contains("warning")).toList();
  }

  private static Map<String, Long> listing(Path dir) throws IOException {
    Map<String, Long> m = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        m.put(f.getFileName().toString(), Files.getLastModifiedTime(f).toMillis() ^ Files.size(f));
      }
    }
    return m;
  }

  @Test
  void suggestWithSolrRefusesWhatOnlyALocalIndexDoesAndFailsInOneLineWithoutSolr() {
    String book = book("codebook-commissioners.yaml");
    String solr = "http://127.0.0.1:1/solr/passages";
    for (String[] extra :
        new String[][] {{"--uncertain", "3"}, {"--text", "a voice for the ICS"}}) {
      List<String> args =
          new java.util.ArrayList<>(List.of("suggest", "--codebook", book, "--solr", solr));
      args.addAll(List.of(extra));
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertEquals(2, r.exitCode(), r.err());
      assertEquals(
          "quarry: --solr scores the collection's passages; it does not go with " + extra[0] + "\n",
          r.err());
    }
    CliRun learned =
        CliRun.of("suggest", "--codebook", book, "--solr", solr, "--method", "learned");
    assertEquals(2, learned.exitCode(), learned.err());
    assertEquals(
        "quarry: --solr scores suggestions by the lexicon; --method learned works on the passages"
            + " of a local index\n",
        learned.err());
    CliRun badUrl = CliRun.of("suggest", "--codebook", book, "--solr", "solr1/passages");
    assertEquals(2, badUrl.exitCode(), badUrl.err());
    assertTrue(badUrl.err().startsWith("quarry: --solr solr1/passages: "), badUrl.err());
    assertEquals(1, badUrl.err().lines().count(), badUrl.err());
    // nothing listens there: the run fails in one line, before anything is stored
    CliRun unreachable = CliRun.of("suggest", "--codebook", book, "--solr", solr, "--no-store");
    assertEquals(1, unreachable.exitCode(), unreachable.err());
    assertTrue(
        unreachable.err().startsWith("quarry: solr " + solr + ": suggesting failed: "),
        unreachable.err());
    assertEquals(1, unreachable.err().strip().lines().count(), unreachable.err());
  }

  @Test
  void exportFromSolrFailsInOneLineAndWritesNothingWhenTheCollectionCannotBeRead()
      throws IOException {
    Path out = Files.createTempDirectory("quarry-export").resolve("codings.jsonl");
    CliRun badUrl =
        CliRun.of("export", "--format", "jsonl", "--out", out.toString(), "--solr", "solr1/x");
    assertEquals(2, badUrl.exitCode(), badUrl.err());
    assertTrue(badUrl.err().startsWith("quarry: --solr solr1/x: "), badUrl.err());
    assertEquals(1, badUrl.err().lines().count(), badUrl.err());
    CliRun unreachable =
        CliRun.of(
            "export",
            "--format",
            "jsonl",
            "--out",
            out.toString(),
            "--solr",
            "http://127.0.0.1:1/solr/passages");
    assertEquals(1, unreachable.exitCode(), unreachable.err());
    assertTrue(unreachable.err().contains("reading passages"), unreachable.err());
    assertEquals(1, unreachable.err().lines().count(), unreachable.err());
    assertTrue(Files.notExists(out), "nothing written");
  }
}
