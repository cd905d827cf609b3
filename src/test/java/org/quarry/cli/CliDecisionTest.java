package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.Quarry;
import org.quarry.model.CodeScore;
import org.quarry.model.Coding;
import org.quarry.model.Decision;

/**
 * {@code accept} and {@code reject} end to end on the seeds, indexed and suggested for once with
 * the commissioners' codebook (suggestions at or above 0.3 stored); each test decides on a copy of
 * that index. The passage decided on is the quote with the strongest stored suggestion, and the
 * code that suggestion's, so the tests do not hang on a lexicon's exact scores.
 */
class CliDecisionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final SeedsHome SEEDS = new SeedsHome();

  private static Path base;
  private static JsonNode quote; // the search hit of the passage decided on, before any decision
  private static String code;

  @TempDir Path dir;
  private Path index;
  private String id;

  @BeforeAll
  static void indexAndSuggestOnce() throws IOException {
    base = SEEDS.home().resolve("suggested-index");
    CliRun indexed = CliRun.of("index", seeds().toString(), "--index", base.toString());
    assertEquals(0, indexed.exitCode(), indexed.err());
    CliRun suggested =
        CliRun.of(
            "suggest",
            "--codebook",
            seeds().resolve("codebook-commissioners.yaml").toString(),
            "--index",
            base.toString(),
            "--format",
            "jsonl");
    assertEquals(0, suggested.exitCode(), suggested.err());
    double best = 0;
    for (JsonNode h : search(base, "kind:quote AND origin:suggested").get("hits")) {
      for (JsonNode c : h.get("codes")) {
        if (c.get("score").asDouble() > best) {
          best = c.get("score").asDouble();
          quote = h;
          code = c.get("code").asText();
        }
      }
    }
    assertTrue(best >= 0.5, "the seeds' quotes have strong suggestions: " + best);
  }

  @BeforeEach
  void copyTheIndex() throws IOException {
    index = dir.resolve("index");
    Files.createDirectories(index);
    try (Stream<Path> files = Files.list(base)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("write.lock")) {
          Files.copy(f, index.resolve(f.getFileName()));
        }
      }
    }
    id = quote.get("id").asText();
  }

  private static Path seeds() {
    return SEEDS.home().resolve("seeds");
  }

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--index");
    all.add(index.toString());
    return CliRun.of(all.toArray(String[]::new));
  }

  private CliRun ok(String... args) {
    CliRun r = run(args);
    assertEquals(0, r.exitCode(), r.err());
    return r;
  }

  private static JsonNode search(Path index, String query) throws IOException {
    CliRun r =
        CliRun.of(
            "search",
            query,
            "--index",
            index.toString(),
            "--format",
            "json",
            "--limit",
            "1000",
            "--facet",
            "code",
            "--facet",
            "origin");
    assertEquals(0, r.exitCode(), r.err());
    return JSON.readTree(r.out());
  }

  /** The codes stored on the passage decided on, as {@code code score origin}. */
  private List<String> codesOfThePassage() throws IOException {
    for (JsonNode h :
        search(index, "source:\"" + quote.get("source").asText() + "\"").get("hits")) {
      if (h.get("id").asText().equals(id)) {
        List<String> out = new ArrayList<>();
        h.get("codes")
            .forEach(
                c ->
                    out.add(
                        c.get("code").asText()
                            + " "
                            + c.get("score").asDouble()
                            + " "
                            + c.path("origin").asText()));
        return out;
      }
    }
    throw new AssertionError("no hit " + id);
  }

  private Coding codingOfThePassage(String codeId) {
    return new Coding(
        quote.get("source").asText(),
        quote.get("start").asInt(),
        quote.get("end").asInt(),
        codeId,
        1.0,
        CodeScore.HUMAN);
  }

  private String exported(String codeName, String origin) {
    return QdpxCodings.line(
        quote.get("source").asText(), codeName, quote.get("text").asText(), origin);
  }

  private QdpxCodings export() throws Exception {
    Path out = dir.resolve("project.qdpx");
    ok("export", "--format", "qdpx", "--out", out.toString());
    return QdpxCodings.read(out);
  }

  @Test
  void acceptPrintsOneLineAndTheCodeBecomesAHumanCodeOfThePassageInSearch() throws IOException {
    CliRun r = ok("accept", id, code);
    assertEquals("accepted " + code + " for " + id + "\n", r.out());
    assertEquals("", r.err());
    List<String> codes = codesOfThePassage();
    assertTrue(codes.contains(code + " 1.0 human"), codes.toString());
    assertEquals(
        1,
        codes.stream().filter(c -> c.startsWith(code + " ")).count(),
        "the suggestion made way: " + codes);
    JsonNode human = search(index, "origin:human");
    assertEquals(1, human.get("total").asInt(), human.toString());
    assertEquals(id, human.get("hits").get(0).get("id").asText());
    List<String> faceted = new ArrayList<>();
    human.get("facets").get("code").forEach(v -> faceted.add(v.get("value").asText()));
    assertTrue(faceted.contains(code), faceted.toString());
  }

  @Test
  void anAcceptedCodeIsAHumanCodingOfThePassagesSpanAndAPositiveDecisionInTheApi() {
    ok("accept", id, code);
    try (Quarry q = Quarry.open(index)) {
      assertEquals(List.of(codingOfThePassage(code)), q.humanCodings());
      assertEquals(
          List.of(
              new Decision(
                  quote.get("source").asText(),
                  quote.get("start").asInt(),
                  quote.get("end").asInt(),
                  code,
                  true,
                  quote.get("text").asText(),
                  true)),
          q.decisions());
      assertEquals(id, q.decisions().get(0).passageId());
    }
  }

  @Test
  void anAcceptedCodeCountsInTheFrameworkMatrixOfHumanCodes() {
    ok("accept", id, code);
    CliRun r = ok("matrix", "--rows", "source", "--origin", "human");
    List<String> lines = r.out().lines().toList();
    int column = List.of(lines.get(0).split(",")).indexOf(code);
    assertTrue(column > 0, r.out());
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      assertEquals(cells[0].equals(quote.get("source").asText()) ? "1" : "0", cells[column], line);
    }
  }

  @Test
  void exportCarriesAnAcceptedCodeAsAHumanCodingOfThePassage() throws Exception {
    assertTrue(export().codings.contains(exported(code, "suggested")), "before: a suggestion");
    ok("accept", id, code);
    QdpxCodings after = export();
    assertTrue(after.codings.contains(exported(code, "human")), after.codings.toString());
    assertFalse(after.codings.contains(exported(code, "suggested")), after.codings.toString());
  }

  @Test
  void acceptingACodeTheIndexDoesNotKnowAddsItToTheCodeTreeSoExportHasIt() throws Exception {
    CliRun r = ok("accept", id, "early-pressure");
    assertEquals(
        "accepted early-pressure for "
            + id
            + " (a code the index did not know: added to its code tree)\n",
        r.out());
    QdpxCodings exported = export();
    assertTrue(exported.codeNames.contains("early-pressure"), exported.codeNames.toString());
    assertTrue(
        exported.codings.contains(exported("early-pressure", "human")),
        exported.codings.toString());
  }

  @Test
  void rejectTakesTheSuggestionOffThePassageAndOutOfTheExport() throws Exception {
    CliRun r = ok("reject", id, code);
    assertEquals("rejected " + code + " for " + id + "\n", r.out());
    assertTrue(
        codesOfThePassage().stream().noneMatch(c -> c.startsWith(code + " ")),
        codesOfThePassage().toString());
    QdpxCodings exported = export();
    assertTrue(
        exported.codings.stream().noneMatch(c -> c.startsWith(exported(code, ""))),
        exported.codings.toString());
    try (Quarry q = Quarry.open(index)) {
      assertEquals(List.of(), q.humanCodings());
      assertEquals(1, q.decisions().size());
      assertFalse(q.decisions().get(0).accepted());
    }
  }

  @Test
  void suggestStoringCodesDoesNotStoreARejectedCodeOnThePassageAgain() throws IOException {
    ok("reject", id, code);
    CliRun again =
        ok(
            "suggest",
            "--codebook",
            seeds().resolve("codebook-commissioners.yaml").toString(),
            "--store-min",
            "0.3",
            "--format",
            "jsonl");
    assertTrue(
        again.out().contains("\"id\":\"" + id + "\""),
        "still suggested, for the researcher to see");
    assertTrue(
        codesOfThePassage().stream().noneMatch(c -> c.startsWith(code + " ")),
        codesOfThePassage().toString());
    assertTrue(
        search(index, "code:" + code).get("total").asInt() > 0, "other passages keep the code");
  }

  @Test
  void acceptingAfterRejectingReplacesTheRejectAndSaysSo() {
    ok("reject", id, code);
    CliRun r = ok("accept", id, code);
    assertEquals("accepted " + code + " for " + id + " (replaced an earlier reject)\n", r.out());
    try (Quarry q = Quarry.open(index)) {
      assertEquals(1, q.decisions().size());
      assertTrue(q.decisions().get(0).accepted());
      assertEquals(List.of(codingOfThePassage(code)), q.humanCodings());
    }
  }

  @Test
  void rejectingAfterAcceptingReplacesTheAcceptAndTakesTheHumanCodeOff() throws IOException {
    ok("accept", id, code);
    CliRun r = ok("reject", id, code);
    assertEquals("rejected " + code + " for " + id + " (replaced an earlier accept)\n", r.out());
    assertTrue(
        codesOfThePassage().stream().noneMatch(c -> c.startsWith(code + " ")),
        codesOfThePassage().toString());
    try (Quarry q = Quarry.open(index)) {
      assertEquals(List.of(), q.humanCodings());
      assertEquals(1, q.decisions().size());
    }
  }

  @Test
  void makingTheSameDecisionAgainChangesNothingAndSaysSo() {
    ok("accept", id, code);
    CliRun r = ok("accept", id, code);
    assertEquals(
        "accepted " + code + " for " + id + " (already accepted; nothing changed)\n", r.out());
  }

  @Test
  void decisionsSurviveReopeningAndReindexingTheUnchangedSeeds() throws IOException {
    ok("accept", id, code);
    JsonNode other = null;
    for (JsonNode h : search(index, "kind:quote AND origin:suggested").get("hits")) {
      if (other == null && !h.get("id").asText().equals(id)) {
        other = h;
      }
    }
    ok("reject", other.get("id").asText(), other.get("codes").get(0).get("code").asText());
    List<Decision> before;
    try (Quarry q = Quarry.open(index)) {
      before = q.decisions();
    }
    CliRun again = ok("index", seeds().toString());
    assertTrue(again.out().contains("0 indexed, 5 unchanged"), again.out());
    assertTrue(codesOfThePassage().contains(code + " 1.0 human"), codesOfThePassage().toString());
    try (Quarry q = Quarry.open(index)) {
      assertEquals(before, q.decisions());
      assertEquals(2, before.size());
      assertEquals(List.of(codingOfThePassage(code)), q.humanCodings());
    }
  }

  @Test
  void anUnknownPassageIdIsOneLineExitTwoNamingItAndWhereIdsComeFrom() {
    String unknown = quote.get("source").asText() + "#1-2";
    CliRun r = run("accept", unknown, code);
    assertEquals(2, r.exitCode());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("quarry: no passage '" + unknown + "' in index "), r.err());
    assertTrue(r.err().contains("quarry search QUERY --format json"), r.err());
  }

  @Test
  void aBlankCodeIsOneLineExitTwoAndRecordsNothing() {
    for (String verb : List.of("accept", "reject")) {
      CliRun r = run(verb, id, " ");
      assertEquals(2, r.exitCode(), r.err());
      assertEquals(
          "quarry: the code is blank; give a code id, e.g. engaging-the-system\n", r.err());
    }
    try (Quarry q = Quarry.open(index)) {
      assertEquals(List.of(), q.decisions());
    }
  }

  @Test
  void aBadSolrUrlIsOneLineExitTwoAndRecordsNothing() {
    CliRun r = run("accept", id, code, "--solr", "solr1:8983/passages");
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("quarry: --solr solr1:8983/passages: "), r.err());
    try (Quarry q = Quarry.open(index)) {
      assertEquals(List.of(), q.decisions());
    }
  }

  @Test
  void aCollectionThatCannotBeReachedFailsInOneLineAndTheDecisionIsKept() {
    // port 1: nothing listens there
    CliRun r = run("reject", id, code, "--solr", "http://127.0.0.1:1/solr/passages");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("quarry: solr http://127.0.0.1:1/solr/passages: "), r.err());
    assertTrue(r.err().contains("the decision is kept in index"), r.err());
    try (Quarry q = Quarry.open(index)) {
      assertEquals(1, q.decisions().size());
      assertFalse(q.decisions().get(0).accepted());
    }
  }
}
