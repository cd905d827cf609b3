package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;

/**
 * The seeds' gold quotes (seeds/seed-quotes.jsonl) are exactly the quote passages the ingest and
 * segment stages find, and every passage points at its text in the file.
 */
class SeedQuotesTest {
  static final List<String> SEEDS = Papers.SEEDS;
  private static final List<JsonNode> gold = new ArrayList<>();

  @BeforeAll
  static void loadGold() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(Path.of("seeds/seed-quotes.jsonl"))) {
      if (!line.isBlank()) {
        gold.add(json.readTree(line));
      }
    }
  }

  private static List<String> goldQuotes(String doc, boolean withSection) {
    return gold.stream()
        .filter(g -> g.get("doc").asText().equals(doc))
        .map(
            g ->
                g.get("participant").asText()
                    + " | "
                    + (withSection ? g.get("theme").asText() + " | " : "")
                    + Papers.words(g.get("quote").asText()))
        .toList();
  }

  private static List<String> foundQuotes(String doc, boolean withSection) {
    return Papers.segment(Papers.seed(doc)).stream()
        .filter(p -> p.kind() == PassageKind.QUOTE)
        .map(
            p ->
                p.participant()
                    + " | "
                    + (withSection ? p.section() + " | " : "")
                    + Papers.words(p.text()))
        .toList();
  }

  @ParameterizedTest
  @FieldSource("SEEDS")
  void quotePassagesAreExactlyTheGoldQuotesWithTheirParticipants(String doc) {
    assertEquals(goldQuotes(doc, false), foundQuotes(doc, false));
  }

  @ParameterizedTest
  @FieldSource("SEEDS")
  void eachQuoteSitsInTheThemeSectionTheGoldNames(String doc) {
    assertEquals(goldQuotes(doc, true), foundQuotes(doc, true));
  }

  @ParameterizedTest
  @FieldSource("SEEDS")
  void everyPassageIsTheRawTextAtItsOffsetsModuloRepairs(String doc) {
    String raw = Papers.read(Path.of("seeds", doc));
    Source source = Papers.seed(doc);
    List<Passage> passages = Papers.segment(source);
    assertTrue(passages.size() > 5, doc + " has passages");
    int previousEnd = 0;
    for (Passage p : passages) {
      assertEquals(
          Papers.modRepairs(p.text()),
          Papers.modRepairs(Papers.codePoints(raw, p.start(), p.end())),
          p.id());
      assertTrue(p.start() >= previousEnd, p.id() + " overlaps the passage before it");
      previousEnd = p.end();
    }
  }
}
