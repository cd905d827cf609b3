package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.FacetValue;
import org.quarry.model.Hit;
import org.quarry.model.PassageKind;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;

/**
 * Interviewers are not participants: their turns count in no participant facet or {@code
 * participant:} query, but they still show, and facet, as the speaker of those turns.
 */
class InterviewersAreNotParticipantsTest {
  @TempDir static Path tmp;
  static SearchResult all;
  static SearchResult byParticipantQuery;
  static SearchResult bySpeakerQuery;

  @BeforeAll
  static void indexAnInterview() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("study"));
    Files.writeString(
        folder.resolve("P07.txt"),
        """
        Interviewer: How did the practice change after the merger?

        P07: We lost the morning huddle, and the practice felt colder for a year.

        Interviewer: Did the practice get anything back?

        P07: The practice got a pharmacist, which helped with the repeat prescriptions.

        Interviewer: Thank you, that is all my questions about the practice.
        """);
    try (Quarry quarry = Quarry.open(tmp.resolve("index"), Analysis.UNTAGGED)) {
      quarry.index(IndexRequest.of(folder), IndexProgress.NONE);
      List<String> facets = List.of("participant", "speaker");
      all = quarry.search(SearchRequest.builder("practice").facets(facets).limit(20).build());
      byParticipantQuery =
          quarry.search(
              SearchRequest.builder("participant:Interviewer").facets(facets).limit(20).build());
      bySpeakerQuery =
          quarry.search(
              SearchRequest.builder("speaker:Interviewer").facets(facets).limit(20).build());
    }
  }

  @Test
  void theParticipantFacetCountsOnlyTheParticipant() {
    assertEquals(List.of(new FacetValue("P07", 2)), all.facets().get("participant"));
  }

  @Test
  void theSpeakerFacetCountsTheInterviewerToo() {
    assertEquals(
        List.of(new FacetValue("Interviewer", 3), new FacetValue("P07", 2)),
        all.facets().get("speaker"));
  }

  @Test
  void aParticipantQueryDoesNotFindTheInterviewer() {
    assertEquals(0, byParticipantQuery.total());
  }

  @Test
  void aSpeakerQueryFindsTheInterviewersTurns() {
    assertEquals(3, bySpeakerQuery.total());
    for (Hit h : bySpeakerQuery.hits()) {
      assertEquals(PassageKind.INTERVIEWER, h.passage().kind());
    }
  }

  @Test
  void aHitOfTheInterviewerNamesTheSpeakerAndNoParticipant() {
    JsonNode hit = SearchJson.hitJson(bySpeakerQuery.hits().get(0));
    assertNull(hit.get("participant").textValue());
    assertEquals("Interviewer", hit.get("speaker").asText());
  }

  @Test
  void aHitOfTheParticipantNamesThemTwice() {
    Hit turn =
        all.hits().stream()
            .filter(h -> h.passage().kind() == PassageKind.TURN)
            .findFirst()
            .orElseThrow();
    JsonNode hit = SearchJson.hitJson(turn);
    assertEquals("P07", hit.get("participant").asText());
    assertEquals("P07", hit.get("speaker").asText());
  }
}
