package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The search verb end to end on the seeds, through the embedded default: a Quarry folder whose
 * index/ is empty, so the first search indexes seeds/ itself.
 */
class CliSearchTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final SeedsHome SEEDS = new SeedsHome();

  private static Path home;
  private static CliRun first;

  @BeforeAll
  static void firstSearchIndexesTheSeeds() {
    home = SEEDS.home();
    first = CliRun.of("search", "voice AND ICS", "--format", "json");
  }

  @Test
  void firstSearchOnAnEmptyIndexIndexesTheSeedsAndSaysSo() {
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.err().contains("indexing"), first.err());
    assertTrue(Files.isDirectory(home.resolve("index")));
  }

  @Test
  void voiceAndIcsFindsTheTheme3PassageOnIntegratedCareSystemsWithFacets() throws IOException {
    JsonNode result = JSON.readTree(first.out());
    assertEquals("voice AND ICS", result.get("query").asText());
    boolean found = false;
    for (JsonNode hit : result.get("hits")) {
      if (hit.get("source").asText().startsWith("002_")
          && hit.get("text").asText().contains("representing the voice of local primary care")) {
        found = true;
      }
    }
    assertTrue(
        found, "002's passage on clinical directors representing the voice of local primary care");
    // no quote speaks of both voice and the ICS; the authors' paragraph that does frames
    // n210×8's quote, and counts for that participant in the facet
    for (String dim : new String[] {"participant", "source", "section"}) {
      assertFalse(result.get("facets").get(dim).isEmpty(), dim + " facet");
    }
  }

  @Test
  void aQuoteHitCarriesItsParticipantInTheFacet() throws IOException {
    CliRun run = CliRun.of("search", "\"stronger voice\"", "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode result = JSON.readTree(run.out());
    boolean quoted = false;
    for (JsonNode hit : result.get("hits")) {
      quoted |=
          hit.get("kind").asText().equals("quote")
              && hit.get("participant").asText().equals("n210×8");
    }
    assertTrue(quoted, run.out());
    boolean faceted = false;
    for (JsonNode value : result.get("facets").get("participant")) {
      faceted |= value.get("value").asText().equals("n210×8");
    }
    assertTrue(faceted, run.out());
  }

  @Test
  void jsonHitsCarryTheContractFields() throws IOException {
    JsonNode hit = JSON.readTree(first.out()).get("hits").get(0);
    for (String field :
        new String[] {
          "id",
          "source",
          "kind",
          "participant",
          "section",
          "start",
          "end",
          "score",
          "text",
          "highlight",
          "codes"
        }) {
      assertTrue(hit.has(field), field);
    }
    assertEquals(
        hit.get("source").asText() + "#" + hit.get("start").asInt() + "-" + hit.get("end").asInt(),
        hit.get("id").asText());
  }

  @Test
  void voicesAndVoiceReturnTheSamePassages() throws IOException {
    assertEquals(ids("voices"), ids("voice"));
  }

  @Test
  void icsAndTheSpelledOutPhraseSharePassages() throws IOException {
    Set<String> shared = ids("ICS");
    shared.retainAll(ids("\"integrated care system\""));
    assertFalse(shared.isEmpty());
  }

  @Test
  void aSyntaxErrorIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("search", "voice AND");
    assertEquals(2, run.exitCode());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("position"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void aBadFilterIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("search", "voice", "--filter", "participant");
    assertEquals(2, run.exitCode());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }

  @Test
  void anUnknownFilterDimensionIsNamed() {
    CliRun run = CliRun.of("search", "voice", "--filter", "colour=red");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("colour"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }

  @Test
  void textOutputNamesTheCountAndHighlights() {
    CliRun run = CliRun.of("search", "resilience", "--limit", "2");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().lines().findFirst().orElse("").matches("\\d+ passages? match resilience"),
        run.out());
    assertTrue(run.out().contains("**"), run.out());
  }

  @Test
  void reindexingUnchangedSeedsDoesNoWork() {
    CliRun run = CliRun.of("index");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("0 indexed"), run.out());
    assertFalse(run.out().contains(" indexed  "), run.out());
  }

  private static Set<String> ids(String query) throws IOException {
    CliRun run = CliRun.of("search", query, "--format", "json", "--limit", "1000");
    assertEquals(0, run.exitCode(), run.err());
    Set<String> ids = new HashSet<>();
    JSON.readTree(run.out()).get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }
}
