package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.FacetValue;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;

/**
 * Issue 10's acceptance for think-aloud notes, through indexing and search: a session file named
 * {@code P9.txt}, with only the moderator labelled, gives turns of P9 in sections named by the
 * tasks, and facets on both.
 */
class ThinkAloudIndexTest {
  @TempDir Path tmp;

  @Test
  void theParticipantsWordsAreFoundAsP9sTurnsInTaskSections() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("sessions"));
    Files.copy(
        Path.of("src/test/resources/transcripts/think-aloud/P9.txt"), folder.resolve("P9.txt"));
    try (Quarry quarry = Quarry.open(tmp.resolve("index"), Analysis.UNTAGGED)) {
      quarry.index(IndexRequest.of(folder), IndexProgress.NONE);
      SearchResult tab =
          quarry.search(
              SearchRequest.builder("tab")
                  .facets(List.of("participant", "section"))
                  .limit(20)
                  .build());
      assertTrue(
          tab.facets().get("participant").contains(new FacetValue("P9", 1)),
          tab.facets().toString());
      assertTrue(
          tab.facets().get("section").contains(new FacetValue("1 Read the Home tab", 2)),
          tab.facets().toString());

      List<Passage> all = quarry.passages(true).stream().map(Hit::passage).toList();
      Set<String> turnSections =
          all.stream()
              .filter(p -> p.kind() == PassageKind.TURN)
              .map(Passage::section)
              .collect(Collectors.toCollection(java.util.TreeSet::new));
      assertEquals(
          Set.of(
              "1 Read the Home tab",
              "1.a Was the information enough?",
              "1.b Anything missing?",
              "2 Book an appointment",
              "3 Find your test results"),
          turnSections);
      assertEquals(
          Map.of(PassageKind.TURN, Set.of("P9"), PassageKind.INTERVIEWER, Set.of("MODERATOR")),
          all.stream()
              .filter(p -> p.kind() != PassageKind.NARRATIVE)
              .collect(
                  Collectors.groupingBy(
                      Passage::kind,
                      Collectors.mapping(Passage::participant, Collectors.toSet()))));
    }
  }
}
