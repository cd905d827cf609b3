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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Surveys and participant attributes through {@code quarry index} and {@code quarry search}. */
class CliSurveyTest {
  private static final Path SURVEY = Path.of("src/test/resources/survey/survey.csv");
  private static final Path PARTICIPANTS = Path.of("src/test/resources/participants");

  @TempDir Path tmp;

  @Test
  void textAndIdColumnsMakeResponsesThatFilterByAnAttribute() throws IOException {
    Path survey = Files.copy(SURVEY, tmp.resolve("survey.csv"));
    String idx = tmp.resolve("index").toString();
    CliRun index =
        CliRun.of(
            "index",
            survey.toString(),
            "--index",
            idx,
            "--id-column",
            "Respondent ID",
            "--text-column",
            "What helps you most at work?",
            "--text-column",
            "What gets in the way?");
    assertEquals(0, index.exitCode(), index.err());
    assertTrue(index.out().contains("survey.csv  indexed"), index.out());

    JsonNode json = search(idx, "", "--filter", "region=North West", "--facet", "role");
    assertEquals(2, json.get("total").asInt());
    // R1's two answers, counted under the respondent's role
    assertEquals("[{\"value\":\"GP\",\"count\":2}]", json.get("facets").get("role").toString());
    for (JsonNode hit : json.get("hits")) {
      assertEquals("response", hit.get("kind").asText());
      assertEquals("R1", hit.get("participant").asText());
    }
  }

  @Test
  void skipAnswerReplacesThePlaceholderList() throws IOException {
    Path survey = Files.copy(SURVEY, tmp.resolve("survey.csv"));
    String idx = tmp.resolve("index").toString();
    CliRun index =
        CliRun.of(
            "index",
            survey.toString(),
            "--index",
            idx,
            "--text-column",
            "What gets in the way?",
            "--skip-answer",
            "Nothing to add",
            "--skip-answer",
            "-");
    assertEquals(0, index.exitCode(), index.err());
    JsonNode json = search(idx, "");
    List<String> texts = new ArrayList<>();
    json.get("hits").forEach(h -> texts.add(h.get("text").asText()));
    assertEquals(
        List.of(
            "Constant phone calls from the hospital about discharge letters.",
            "Staffing gaps every winter, and nobody to cover sickness."),
        texts.stream().sorted().toList());
  }

  @Test
  void aMissingTextColumnExitsTwoWithOneLineListingTheHeaders() throws IOException {
    Path survey = Files.copy(SURVEY, tmp.resolve("survey.csv"));
    CliRun run =
        CliRun.of(
            "index",
            survey.toString(),
            "--index",
            tmp.resolve("index").toString(),
            "--text-column",
            "Comments");
    assertEquals(2, run.exitCode(), run.out() + run.err());
    String line = run.err().strip();
    assertEquals(1, line.lines().count(), run.err());
    assertTrue(line.contains("'Comments'"), line);
    assertTrue(line.contains("Respondent ID, Role, Region"), line);
    assertFalse(line.contains("Exception"), line);
  }

  @Test
  void participantsBecomeAFilterDimensionAndTheSummaryNamesIdsThatDoNotMatch() throws IOException {
    Path folder = copyTranscripts();
    String idx = tmp.resolve("index").toString();
    CliRun index =
        CliRun.of(
            "index",
            folder.toString(),
            "--index",
            idx,
            "--participants",
            PARTICIPANTS.resolve("participants.csv").toString());
    assertEquals(0, index.exitCode(), index.err());
    assertTrue(
        index.out().contains("participants in participants.csv with no passage: P9"), index.out());
    assertTrue(
        index.out().contains("participants with passages but not in participants.csv: P10"),
        index.out());

    // as the shell hands over --filter region="North West"
    JsonNode json = search(idx, "", "--filter", "region=North West");
    assertEquals(2, json.get("total").asInt());
    json.get("hits").forEach(h -> assertEquals("P7", h.get("participant").asText()));
  }

  @Test
  void aReservedColumnInTheParticipantsFileExitsTwoNamingFileAndColumn() throws IOException {
    Path folder = copyTranscripts();
    CliRun run =
        CliRun.of(
            "index",
            folder.toString(),
            "--index",
            tmp.resolve("index").toString(),
            "--participants",
            PARTICIPANTS.resolve("participants-reserved.csv").toString());
    assertEquals(2, run.exitCode(), run.out() + run.err());
    String line = run.err().strip();
    assertEquals(1, line.lines().count(), run.err());
    assertTrue(line.contains("participants-reserved.csv"), line);
    assertTrue(line.contains("'kind'"), line);
  }

  private Path copyTranscripts() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("transcripts"));
    try (Stream<Path> files = Files.list(PARTICIPANTS.resolve("transcripts"))) {
      for (Path f : files.toList()) {
        Files.copy(f, folder.resolve(f.getFileName()));
      }
    }
    return folder;
  }

  private static JsonNode search(String idx, String query, String... more) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of("search", query, "--index", idx, "--format", "json", "--limit", "50"));
    args.addAll(List.of(more));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return new ObjectMapper().readTree(run.out());
  }
}
