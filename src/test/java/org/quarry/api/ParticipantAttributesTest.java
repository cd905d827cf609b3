package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.analysis.TextAnnotator;
import org.quarry.model.FacetValue;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import org.quarry.model.SurveyOptions;

/**
 * Participant attributes from {@code --participants} and from a transcript's front matter. The
 * fixtures: three two-question interviews (P7 with front matter naming its interviewer, role and
 * site; P8; P10, who is not in the table) and a table of P7, P8 and P9 (who has no transcript).
 */
class ParticipantAttributesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/participants");

  @TempDir Path tmp;
  Path transcripts;
  Path index;

  @BeforeEach
  void copyTranscripts() throws IOException {
    transcripts = Files.createDirectories(tmp.resolve("transcripts"));
    try (Stream<Path> files = Files.list(FIXTURES.resolve("transcripts"))) {
      for (Path f : files.toList()) {
        Files.copy(f, transcripts.resolve(f.getFileName()));
      }
    }
    index = tmp.resolve("index");
  }

  @Test
  void eachAttributeIsAFacetOfTheParticipantsTurns() {
    try (Quarry quarry = open()) {
      quarry.index(withParticipants("participants.csv"), IndexProgress.NONE);
      SearchResult all =
          quarry.search(
              SearchRequest.builder("")
                  .facets(List.of("region", "organisation"))
                  .limit(20)
                  .build());
      assertEquals(
          List.of(new FacetValue("London", 2), new FacetValue("North West", 2)),
          all.facets().get("region"));
      assertEquals(
          List.of(new FacetValue("Hilltop Practice", 2), new FacetValue("Riverside Surgery", 2)),
          all.facets().get("organisation"));
    }
  }

  @Test
  void aFilterOnAnAttributeWithASpaceInItsValueKeepsOnlyThoseParticipants() {
    try (Quarry quarry = open()) {
      quarry.index(withParticipants("participants.csv"), IndexProgress.NONE);
      SearchResult northWest =
          quarry.search(
              SearchRequest.builder("")
                  .filters(Map.of("region", List.of("North West")))
                  .limit(20)
                  .build());
      assertEquals(2, northWest.total());
      assertEquals(Set.of("P7 turn"), kindsAndParticipants(northWest.hits()));
    }
  }

  @Test
  void interviewerTurnsGetNoneOfTheParticipantsAttributes() {
    try (Quarry quarry = open()) {
      quarry.index(withParticipants("participants.csv"), IndexProgress.NONE);
      List<Passage> interviewer =
          passages(quarry).stream().filter(p -> p.kind() == PassageKind.INTERVIEWER).toList();
      assertEquals(6, interviewer.size());
      // front matter (role, site) and the table (organisation, region) alike describe P7, not Dr
      // Lee
      assertTrue(
          interviewer.stream().allMatch(p -> p.attributes().isEmpty()), interviewer.toString());
    }
  }

  @Test
  void idsThatDoNotMatchUpEitherWayAreNotedInTheSummary() {
    try (Quarry quarry = open()) {
      IndexReport report = quarry.index(withParticipants("participants.csv"), IndexProgress.NONE);
      assertEquals(
          List.of(
              "participants: 3 in participants.csv, 2 matched",
              "participants in participants.csv with no passage: P9",
              "participants with passages but not in participants.csv: P10"),
          report.notes());
      assertTrue(report.table().contains("with no passage: P9"), report.table());
    }
  }

  @Test
  void frontMatterAttributesAreFacetsOfTheParticipantsTurnsOnly() {
    try (Quarry quarry = open()) {
      quarry.index(IndexRequest.of(transcripts.resolve("P7.txt")), IndexProgress.NONE);
      Map<String, Map<String, String>> byKind = new TreeMap<>();
      for (Passage p : passages(quarry)) {
        byKind.merge(
            p.kind().label() + " " + p.participant(),
            p.attributes(),
            (a, b) -> {
              assertEquals(a, b);
              return a;
            });
      }
      assertEquals(
          Map.of(
              "interviewer Interviewer",
              Map.of(),
              "turn P7",
              Map.of("role", "GP", "site", "Riverside")),
          byKind);
      SearchResult gp =
          quarry.search(
              SearchRequest.builder("")
                  .facets(List.of("site"))
                  .filters(Map.of("role", List.of("GP")))
                  .limit(20)
                  .build());
      assertEquals(Set.of("P7 turn"), kindsAndParticipants(gp.hits()));
      assertEquals(List.of(new FacetValue("Riverside", 2)), gp.facets().get("site"));
    }
  }

  @Test
  void aChangedParticipantsFileUpdatesAttributesWithoutAnnotatingAgain() {
    AtomicInteger annotated = new AtomicInteger();
    TextAnnotator untagged = LemmaAnnotator.untagged();
    TextAnnotator counting =
        new TextAnnotator() {
          @Override
          public LemmaAnnotation annotate(String text) {
            annotated.incrementAndGet();
            return untagged.annotate(text);
          }
        };
    try (Quarry quarry = Quarry.open(index, () -> counting)) {
      quarry.index(withParticipants("participants.csv"), IndexProgress.NONE);
      int first = annotated.get();
      assertEquals(12, first);

      IndexReport second =
          quarry.index(withParticipants("participants-changed.csv"), IndexProgress.NONE);
      assertEquals(3, second.count(FileReport.Status.UNCHANGED), second.table());
      assertEquals(first, annotated.get());

      Map<String, Map<String, String>> byParticipant = new TreeMap<>();
      passages(quarry).stream()
          .filter(p -> p.kind() == PassageKind.TURN)
          .forEach(p -> byParticipant.put(p.participant(), p.attributes()));
      // the changed file has no organisation column: the old organisations must not linger
      assertEquals(
          Map.of(
              "P10", Map.of(),
              "P7", Map.of("role", "Partner GP", "region", "North West", "site", "Riverside"),
              "P8", Map.of("role", "Nurse", "region", "North East")),
          byParticipant);
      SearchResult northEast =
          quarry.search(
              SearchRequest.builder("")
                  .filters(Map.of("region", List.of("North East")))
                  .limit(20)
                  .build());
      assertEquals(Set.of("P8 turn"), kindsAndParticipants(northEast.hits()));
    }
  }

  @Test
  void aDroppedColumnGivesBackTheFrontMattersValue() throws IOException {
    Path noRole =
        Files.writeString(
            tmp.resolve("regions.csv"), "participant,region\nP7,North West\nP8,London\n");
    try (Quarry quarry = open()) {
      quarry.index(withParticipants("participants.csv"), IndexProgress.NONE);
      quarry.index(new IndexRequest(List.of(transcripts), noRole, null), IndexProgress.NONE);
      Passage p7 =
          passages(quarry).stream()
              .filter(p -> "P7".equals(p.participant()))
              .findFirst()
              .orElseThrow();
      // the table no longer says P7's role, so what the transcript itself says holds again
      assertEquals(
          Map.of("role", "GP", "region", "North West", "site", "Riverside"), p7.attributes());
    }
  }

  @Test
  void aReservedColumnNameIsABadInputNamingFileAndColumn() {
    try (Quarry quarry = open()) {
      QuarryException e =
          assertThrows(
              QuarryException.class,
              () ->
                  quarry.index(withParticipants("participants-reserved.csv"), IndexProgress.NONE));
      assertEquals(QuarryException.BAD_INPUT, e.exitCode());
      assertTrue(e.getMessage().contains("participants-reserved.csv"), e.getMessage());
      assertTrue(e.getMessage().contains("'kind'"), e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
      // nothing was indexed on a bad participants file
      assertTrue(quarry.isEmpty());
    }
  }

  @Test
  void aParticipantsFileSavedByExcelInTheWindowsCharsetKeepsItsAccents() throws IOException {
    Path csv = tmp.resolve("accents.csv");
    Files.write(
        csv,
        "participant,organisation\nP7,Cabinet médical du Château\n"
            .getBytes(Charset.forName("windows-1252")));
    try (Quarry quarry = open()) {
      quarry.index(
          new IndexRequest(List.of(transcripts.resolve("P7.txt")), csv, null), IndexProgress.NONE);
      SearchResult r =
          quarry.search(
              SearchRequest.builder("").facets(List.of("organisation")).limit(20).build());
      assertEquals(
          List.of(new FacetValue("Cabinet médical du Château", 2)), r.facets().get("organisation"));
    }
  }

  @Test
  void theParticipantsFileInAFolderBeingIndexedIsNotASource() throws IOException {
    // long organisation names would otherwise pass for open answers of a survey
    Path inside =
        Files.copy(FIXTURES.resolve("participants.csv"), transcripts.resolve("participants.csv"));
    try (Quarry quarry = open()) {
      IndexReport report =
          quarry.index(new IndexRequest(List.of(transcripts), inside, null), IndexProgress.NONE);
      assertEquals(
          List.of("P10.txt", "P7.txt", "P8.txt"),
          report.files().stream().map(FileReport::source).sorted().toList(),
          report.table());
      assertTrue(passages(quarry).stream().noneMatch(p -> p.kind() == PassageKind.RESPONSE));
    }
  }

  @Test
  void anInterviewerListedInTheTableStillGetsNoAttributes() throws IOException {
    // the table describes the people studied; an interviewer's questions must not count for a role
    Path withInterviewer =
        Files.writeString(
            tmp.resolve("team.csv"), "participant,role\nP8,Nurse\nInterviewer,Researcher\n");
    try (Quarry quarry = open()) {
      quarry.index(
          new IndexRequest(List.of(transcripts.resolve("P8.txt")), withInterviewer, null),
          IndexProgress.NONE);
      SearchResult r =
          quarry.search(SearchRequest.builder("").facets(List.of("role")).limit(20).build());
      assertEquals(List.of(new FacetValue("Nurse", 2)), r.facets().get("role"));
    }
  }

  @Test
  void frontMatterKeysAreNamedLikeTableColumns() throws IOException {
    Path p11 =
        Files.writeString(
            tmp.resolve("P11.txt"),
            "---\nparticipant: P11\nAge Group: 30-39\n---\n"
                + "Interviewer: What brought you into nursing?\n\n"
                + "P11: My mother was a district nurse and I followed her round the villages.\n\n"
                + "Interviewer: Would you do it again?\n\n"
                + "P11: Yes, although the paperwork has doubled since I started.\n");
    try (Quarry quarry = open()) {
      quarry.index(IndexRequest.of(p11), IndexProgress.NONE);
      SearchResult r =
          quarry.search(
              SearchRequest.builder("")
                  .filters(Map.of("age_group", List.of("30-39")))
                  .limit(20)
                  .build());
      assertEquals(Set.of("P11 turn"), kindsAndParticipants(r.hits()));
    }
  }

  @Test
  void surveyRespondentsTakeTheirAttributesFromTheTableToo() throws IOException {
    Path survey =
        Files.copy(Path.of("src/test/resources/survey/survey.csv"), tmp.resolve("survey.csv"));
    Path table =
        Files.writeString(tmp.resolve("respondents.csv"), "id,practice size\nR1,large\nR2,small\n");
    try (Quarry quarry = open()) {
      IndexReport report =
          quarry.index(
              new IndexRequest(
                  List.of(survey),
                  table,
                  null,
                  new SurveyOptions(List.of("What gets in the way?"), "Respondent ID", null),
                  0),
              IndexProgress.NONE);
      SearchResult large =
          quarry.search(
              SearchRequest.builder("")
                  .filters(Map.of("practice_size", List.of("large")))
                  .limit(20)
                  .build());
      assertEquals(Set.of("R1 response"), kindsAndParticipants(large.hits()));
      assertTrue(
          report.notes().contains("participants with passages but not in respondents.csv: R4"),
          report.notes().toString());
    }
  }

  @Test
  void theTableKeptWithTheIndexAppliesToFilesIndexedLater() {
    try (Quarry quarry = open()) {
      quarry.index(
          new IndexRequest(
              List.of(transcripts.resolve("P7.txt")), FIXTURES.resolve("participants.csv"), null),
          IndexProgress.NONE);
      // no --participants this time: P8 still gets its row of the table the index keeps
      quarry.index(IndexRequest.of(transcripts.resolve("P8.txt")), IndexProgress.NONE);
      SearchResult london =
          quarry.search(
              SearchRequest.builder("")
                  .filters(Map.of("region", List.of("London")))
                  .limit(20)
                  .build());
      assertEquals(Set.of("P8 turn"), kindsAndParticipants(london.hits()));
    }
  }

  @Test
  void aSemicolonSeparatedTableReadsLikeACommaSeparatedOne() throws IOException {
    Path csv =
        Files.writeString(
            tmp.resolve("semicolons.csv"), "participant;role;region\nP7;GP;North West\n");
    try (Quarry quarry = open()) {
      quarry.index(
          new IndexRequest(List.of(transcripts.resolve("P7.txt")), csv, null), IndexProgress.NONE);
      SearchResult r =
          quarry.search(SearchRequest.builder("").facets(List.of("region")).limit(20).build());
      assertEquals(List.of(new FacetValue("North West", 2)), r.facets().get("region"));
    }
  }

  @Test
  // three moderator labels: fewer do not make a transcript without "kind: transcript"
  void inAThinkAloudWhereOnlyTheModeratorIsLabelledTheUnlabelledSpeechGetsTheFrontMatter()
      throws IOException {
    Path p12 =
        Files.writeString(
            tmp.resolve("think-aloud.txt"),
            "---\nparticipant: P12\nrole: Receptionist\n---\n"
                + "MODERATOR: Please book the follow-up appointment for this patient.\n\n"
                + "Right, so I go to the diary first, and the week view hides the Friday clinic.\n\n"
                + "MODERATOR: What are you looking for now?\n\n"
                + "The button for a double slot, which I can never find on this screen.\n\n"
                + "MODERATOR: And how would you usually do this?\n\n"
                + "I would ring the practice manager and ask her to block the slot by hand.\n");
    try (Quarry quarry = open()) {
      quarry.index(IndexRequest.of(p12), IndexProgress.NONE);
      Map<String, Map<String, String>> byKind = new TreeMap<>();
      passages(quarry)
          .forEach(p -> byKind.put(p.kind().label() + " " + p.participant(), p.attributes()));
      assertEquals(
          Map.of("interviewer MODERATOR", Map.of(), "turn P12", Map.of("role", "Receptionist")),
          byKind);
    }
  }

  @Test
  void anAttributeCanBeSearchedByNameInTheQuery() {
    try (Quarry quarry = open()) {
      quarry.index(withParticipants("participants.csv"), IndexProgress.NONE);
      SearchResult r =
          quarry.search(
              SearchRequest.builder("pharmacist AND region:\"North West\"").limit(20).build());
      assertEquals(Set.of("P7 turn"), kindsAndParticipants(r.hits()));
      assertEquals(1, r.total());
    }
  }

  // ---- helpers ----

  private Quarry open() {
    return Quarry.open(index, Analysis.UNTAGGED);
  }

  private IndexRequest withParticipants(String fixture) {
    return new IndexRequest(List.of(transcripts), FIXTURES.resolve(fixture), null);
  }

  private static List<Passage> passages(Quarry quarry) {
    return quarry.passages(true).stream().map(Hit::passage).toList();
  }

  private static Set<String> kindsAndParticipants(List<Hit> hits) {
    return hits.stream()
        .map(h -> h.passage().participant() + " " + h.passage().kind().label())
        .collect(Collectors.toSet());
  }
}
