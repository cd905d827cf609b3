package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quarry.segment.TranscriptFixtures.raw;
import static org.quarry.segment.TranscriptFixtures.source;
import static org.quarry.segment.TranscriptFixtures.transcript;
import static org.quarry.segment.TranscriptFixtures.withFrontMatter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/** Speaker turns from transcripts in each layout: who speaks, what they say, and where. */
class TranscriptSegmenterTest {
  private static final List<String> FIXTURES =
      List.of(
          "colon-names.txt",
          "focus-group-codes.txt",
          "otter-timestamps.txt",
          "bracket-timestamps.txt",
          "paren-timestamps.txt",
          "P7.txt");

  private final TranscriptSegmenter segmenter = new TranscriptSegmenter();

  private List<Passage> turns(String fixture) {
    return segmenter.segment(transcript(fixture, Map.of()));
  }

  private List<Passage> turns(String fixture, Map<String, String> metadata) {
    return segmenter.segment(transcript(fixture, metadata));
  }

  private List<Passage> segmentText(String text, Map<String, String> metadata) {
    return segmenter.segment(source("t.txt", SourceKind.TRANSCRIPT, text, metadata));
  }

  private static List<String> participants(List<Passage> passages) {
    return passages.stream().map(p -> String.valueOf(p.participant())).toList();
  }

  private static List<PassageKind> kinds(List<Passage> passages) {
    return passages.stream().map(Passage::kind).toList();
  }

  private static List<String> texts(List<Passage> passages) {
    return passages.stream().map(Passage::text).toList();
  }

  // --- Name: text

  @Test
  void colonLabelsNameTheSpeakersAsWritten() {
    assertEquals(
        List.of(
            "null", "Interviewer", "Dr Priya Shah", "Interviewer", "Dr Priya Shah", "Interviewer"),
        participants(turns("colon-names.txt")));
  }

  @Test
  void textBeforeTheFirstLabelIsNarrativeAttributedToNoOne() {
    Passage preamble = turns("colon-names.txt").get(0);
    assertEquals(PassageKind.NARRATIVE, preamble.kind());
    assertEquals("Interview 4, practice manager, recorded 12 March 2024", preamble.text());
  }

  @Test
  void aTurnRunsOverLinesAndParagraphsUntilTheNextLabel() {
    assertEquals(
        "Monday is the worst day by a distance. The phones open at eight and by ten past\n"
            + "we have used every on-the-day appointment. What I'd say is this: the demand never"
            + " stops,\n"
            + "it just moves to the afternoon.\n\n"
            + "We have tried a duty doctor model, which helps a bit.",
        turns("colon-names.txt").get(2).text());
  }

  @Test
  void colonsInProseInsideATurnDoNotStartNewTurns() {
    assertEquals(
        "Honestly, the PCN meetings have mostly been about the additional roles.\n"
            + "10:30 on a Thursday is when the clinical directors meet, and most of that hour is"
            + " about recruitment.\n"
            + "Note: I'm speaking for myself here, not the network.",
        turns("colon-names.txt").get(4).text());
  }

  @Test
  void aOneOffLabelInsideAParagraphIsSpeechWhenTurnsStartAfterBlankLines() {
    String text =
        "I: How was the winter?\n\n"
            + "R: Hard. We had flu clinics every Saturday.\n"
            + "Honestly: I don't know how the nurses kept going.\n\n"
            + "I: And the PCN?\n\n"
            + "R: It paid for a locum, which helped.\n";
    List<Passage> turns = segmentText(text, Map.of());
    assertEquals(List.of("I", "R", "I", "R"), participants(turns));
    assertEquals(
        "Hard. We had flu clinics every Saturday.\n"
            + "Honestly: I don't know how the nurses kept going.",
        turns.get(1).text());
  }

  @Test
  void aHeaderBlockOfKeyValueLinesIsNarrativeNotTurns() {
    String text =
        "Interviewer: Dr Lee\nParticipant: P12\nDuration: 41 minutes\n\n"
            + "Interviewer: Thanks for agreeing to talk to me.\n\n"
            + "Participant: No problem.\n\n"
            + "Interviewer: How long have you been a clinical director?\n\n"
            + "Participant: Since the networks started, so 2019.\n";
    List<Passage> turns = segmentText(text, Map.of());
    assertEquals(
        List.of("null", "Interviewer", "Participant", "Interviewer", "Participant"),
        participants(turns));
    assertEquals(PassageKind.NARRATIVE, turns.get(0).kind());
    assertEquals(
        "Interviewer: Dr Lee\nParticipant: P12\nDuration: 41 minutes", turns.get(0).text());
  }

  @Test
  void untimedLabelLikeLinesInATimestampedTranscriptAreSpeech() {
    String text =
        "Ana Ruiz  00:02\nHow do referrals work now?\n\n"
            + "Tom Best  00:06\nThrough the hub.\nHonestly: it is slower.\n\n"
            + "Ana Ruiz  00:15\nWhy?\n";
    List<Passage> turns = segmentText(text, Map.of());
    assertEquals(List.of("Ana Ruiz", "Tom Best", "Ana Ruiz"), participants(turns));
    assertEquals("Through the hub.\nHonestly: it is slower.", turns.get(1).text());
  }

  @Test
  void interviewerTurnsAreKindInterviewerAndOthersKindTurn() {
    assertEquals(
        List.of(
            PassageKind.NARRATIVE,
            PassageKind.INTERVIEWER,
            PassageKind.TURN,
            PassageKind.INTERVIEWER,
            PassageKind.TURN,
            PassageKind.INTERVIEWER),
        kinds(turns("colon-names.txt")));
  }

  @Test
  void codeLabelsGiveOnePassagePerTurnWithTheCodeAsParticipant() {
    assertEquals(
        List.of("INT", "P01", "P02", "P03", "INT", "P03", "P01"),
        participants(turns("focus-group-codes.txt")));
  }

  @Test
  void inlineStageDirectionsStayInTheSpeech() {
    assertEquals(
        "[laughs] That someone is usually me.", turns("focus-group-codes.txt").get(6).text());
  }

  @Test
  void sectionIsAlwaysNull() {
    for (String fixture : FIXTURES) {
      assertTrue(turns(fixture).stream().allMatch(p -> p.section() == null), fixture);
    }
  }

  // --- speaker line with a timestamp, speech below (Otter)

  @Test
  void otterLabelsWithTimestampsGiveTurnsWithoutLabelOrTimestamp() {
    List<Passage> turns = turns("otter-timestamps.txt");
    assertEquals(
        List.of(
            "Sam Okafor", "Helen Marsh", "Sam Okafor", "Helen Marsh", "Sam Okafor", "Helen Marsh"),
        participants(turns));
    assertEquals(
        "Thanks for joining. Could you start by telling me about your role in the network?",
        turns.get(0).text());
    assertEquals(
        "Sure. I'm the practice manager at a four-partner practice,\n"
            + "and I also sit on the PCN board as the managers' representative.",
        turns.get(1).text());
  }

  @Test
  void theSpeakerWhoClearlyAsksTheQuestionsIsTheInterviewer() {
    assertEquals(
        List.of(
            PassageKind.INTERVIEWER,
            PassageKind.TURN,
            PassageKind.INTERVIEWER,
            PassageKind.TURN,
            PassageKind.INTERVIEWER,
            PassageKind.TURN),
        kinds(turns("otter-timestamps.txt")));
  }

  @Test
  void withoutAClearLeadInQuestionsNoOneIsGuessedToBeTheInterviewer() {
    String text =
        "Ann Cole: Shall we start? Is the recorder on?\n\n"
            + "Bo Diaz: Is it? I thought you had it. Did you bring the consent forms?\n\n"
            + "Ann Cole: They're here.\n\n"
            + "Bo Diaz: Good.\n";
    assertEquals(
        List.of(PassageKind.TURN, PassageKind.TURN, PassageKind.TURN, PassageKind.TURN),
        kinds(segmentText(text, Map.of())));
  }

  // --- [00:01:23] Speaker: text

  @Test
  void bracketTimestampsBeforeTheNameAreNotPartOfTheTurn() {
    List<Passage> turns = turns("bracket-timestamps.txt");
    assertEquals(
        List.of("Facilitator", "GP1", "Pharmacist", "Facilitator", "Pharmacist"),
        participants(turns));
    assertEquals("How much longer, roughly?", turns.get(3).text());
  }

  @Test
  void consecutiveLabelsOfOneSpeakerAcrossAWholeLineDirectionAreOneTurn() {
    assertEquals(
        "They've been a huge help with frailty reviews.\n"
            + "Sorry, the line dropped. I was saying they free up the nurses for the complex"
            + " patients.",
        turns("bracket-timestamps.txt").get(1).text());
  }

  @Test
  void facilitatorLabelMakesTheInterviewer() {
    assertEquals(
        List.of(
            PassageKind.INTERVIEWER,
            PassageKind.TURN,
            PassageKind.TURN,
            PassageKind.INTERVIEWER,
            PassageKind.TURN),
        kinds(turns("bracket-timestamps.txt")));
  }

  @Test
  void timestampThenNameWithoutBracketsIsALabel() {
    List<Passage> turns =
        segmentText("00:00:02 Interviewer: Ready?\n00:00:04 P2: Yes, go ahead.\n", Map.of());
    assertEquals(List.of("Interviewer", "P2"), participants(turns));
    assertEquals(List.of("Ready?", "Yes, go ahead."), texts(turns));
  }

  // --- Speaker (00:01:23): text and Speaker [00:01:23]

  @Test
  void parenthesisedTimestampsAfterTheNameAreNotPartOfTheTurn() {
    List<Passage> turns = turns("paren-timestamps.txt");
    assertEquals(
        List.of("Interviewer", "Respondent 3", "Interviewer", "Respondent 3"), participants(turns));
    assertEquals(
        "I was asked to be the social prescribing link worker for three practices.\n"
            + "At first nobody knew where I should sit, so I moved between them.",
        turns.get(1).text());
  }

  @Test
  void bracketedTimestampLineAfterTheNameStartsATurnBelow() {
    String text =
        "Moderator [00:00:10]\nWhat do you make of the extended access hubs?\n\n"
            + "Nurse Khan [00:00:16]\nThey help on Saturdays, but the booking is clunky.\n";
    List<Passage> turns = segmentText(text, Map.of());
    assertEquals(List.of("Moderator", "Nurse Khan"), participants(turns));
    assertEquals("They help on Saturdays, but the booking is clunky.", turns.get(1).text());
  }

  @Test
  void revStyleLabelsWithSpeechBelowAreTurns() {
    String text =
        "Kim Park (00:00:01):\nShall we talk about the access targets?\n\n"
            + "Dev Rao (00:00:05):\nThey drive everything we do on a Monday.\n";
    List<Passage> turns = segmentText(text, Map.of());
    assertEquals(List.of("Kim Park", "Dev Rao"), participants(turns));
    assertEquals("They drive everything we do on a Monday.", turns.get(1).text());
  }

  @Test
  void zoomStyleBracketedNamesWithTimesAreTurns() {
    String text =
        "[Kim Park] 14:02:33\nWho chairs the PCN board?\n"
            + "[Dev Rao] 14:02:40\nThe clinical director, on paper.\n";
    List<Passage> turns = segmentText(text, Map.of());
    assertEquals(List.of("Kim Park", "Dev Rao"), participants(turns));
    assertEquals("The clinical director, on paper.", turns.get(1).text());
  }

  @Test
  void trailingTranscriberTimestampsAreNotPartOfTheTurn() {
    String text = "I: And then? #00:01:12-4#\n\nB: We merged the rotas. #00:01:15-0#\n";
    assertEquals(List.of("And then?", "We merged the rotas."), texts(segmentText(text, Map.of())));
  }

  @Test
  void aLongRunOfSpacesBeforeAClosingBracketTakesLinearTime() {
    // the trailing-timestamp scan once tried every start inside the run: 80k spaces took a minute
    String padded = "We merged the rotas." + " ".repeat(100_000) + "(really)";
    String text = "I: And then?\n\nB: " + padded + " [00:01:15]\n\nI: Why?\n\nB: Money.\n";
    List<Passage> turns =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> segmentText(text, Map.of()));
    assertEquals(List.of("And then?", padded, "Why?", "Money."), texts(turns));
  }

  @Test
  void aLineOfThousandsOfBracketedTagsDoesNotOverflowTheStack() {
    // a greedy group loop recursed once a tag: 3,000 tags on a line threw StackOverflowError
    String directions = "(pause) ".repeat(3000);
    String leading = "[00:01] ".repeat(3000);
    String trailing = "#00:01-1#".repeat(3000);
    String text =
        "I: Ready?\n\n"
            + directions
            + "\n\nB: "
            + leading
            + "Yes.\n\nI: And?\n\nB: Fine. "
            + trailing
            + "\n";
    assertEquals(List.of("Ready?", "Yes.", "And?", "Fine."), texts(segmentText(text, Map.of())));
  }

  @Test
  void aLongRunOfTimeTagsThatDoesNotEndTheLineTakesLinearTime() {
    // the trailing-timestamp regex was retried from every tag of the run: 11k tags took 35 s
    String tags = "#00:01-1#".repeat(12_000);
    String text =
        "I: And then?\n\nB: "
            + tags
            + " x]\n\nI: Why? #00:01:12-4# [00:01:13]\n\nB: Money.\u2002#00:02#\n";
    List<Passage> turns =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> segmentText(text, Map.of()));
    assertEquals(List.of("And then?", tags + " x]", "Why?", "Money.\u2002"), texts(turns));
  }

  // --- moderator-only (think-aloud)

  @Test
  void unlabelledSpeechIsTheParticipantNamedByTheFileName() {
    assertEquals(
        List.of("MODERATOR", "P7", "MODERATOR", "P7", "MODERATOR", "P7"),
        participants(turns("P7.txt")));
  }

  @Test
  void moderatorOnlyTurnsHaveExactTextsWithoutWholeLineStageDirections() {
    assertEquals(
        List.of(
            "Thanks for coming in. I'll ask you to order a repeat prescription with the new app,"
                + " and please say what you're thinking as you go.",
            "OK so it wants me to log in first. I've got my NHS login somewhere [laughs] but I"
                + " never remember the password.\n\n"
                + "Right, that's worked. Now I'm looking for repeat prescriptions.",
            "What are you looking for on this screen?",
            "I'd expect it under Medicines but there's only Messages and Appointments.\n"
                + "Oh wait, there it is at the bottom.",
            "Take your time.\n\nHow did that compare with ringing the surgery?",
            "Honestly it's quicker. On the phone you queue at eight with everyone else."),
        texts(turns("P7.txt")));
  }

  @Test
  void aTitleBeforeTheFirstModeratorPromptIsNarrative() {
    String text =
        "Think-aloud session, practice website\n\n"
            + "Moderator: Please find how to register.\n\n"
            + "Registering, there is a button at the top.\n\n"
            + "Moderator: And then?\n\n"
            + "It asks for my NHS number.\n";
    List<Passage> turns =
        segmenter.segment(source("P9.txt", SourceKind.TRANSCRIPT, text, Map.of()));
    assertEquals(List.of("null", "Moderator", "P9", "Moderator", "P9"), participants(turns));
    assertEquals(PassageKind.NARRATIVE, turns.get(0).kind());
  }

  @Test
  void participantMetadataNamesTheUnlabelledSpeaker() {
    List<Passage> turns = turns("P7.txt", Map.of("participant", "TA-07"));
    assertEquals("TA-07", turns.get(1).participant());
    assertEquals(PassageKind.TURN, turns.get(1).kind());
  }

  @Test
  void aTurnThatIsOnlyAStageDirectionIsNoPassage() {
    String text =
        "Interviewer: Could you read the leaflet aloud?\n\n"
            + "[reads silently]\n\n"
            + "Interviewer: Aloud, if you can.\n\n"
            + "Oh sorry. It says the practice is joining a network.\n";
    List<Passage> turns =
        segmenter.segment(source("P3.txt", SourceKind.TRANSCRIPT, text, Map.of()));
    assertEquals(List.of("Interviewer", "P3"), participants(turns));
    assertEquals("Could you read the leaflet aloud?\n\nAloud, if you can.", turns.get(0).text());
  }

  @Test
  void withoutBlankLinesEachModeratorLineIsTheWholeModeratorTurn() {
    String text =
        "Moderator: Please find the opening hours.\n"
            + "(scrolls)\n"
            + "Um, contact us maybe.\n"
            + "Yes, here.\n"
            + "Moderator: Thanks.\n";
    List<Passage> turns =
        segmenter.segment(source("P4.txt", SourceKind.TRANSCRIPT, text, Map.of()));
    assertEquals(
        List.of("Please find the opening hours.", "Um, contact us maybe.\nYes, here.", "Thanks."),
        texts(turns));
  }

  // --- front matter: participant and interviewer

  @Test
  void interviewerNamedInMetadataIsTheInterviewer() {
    List<Passage> turns = segmenter.segment(withFrontMatter("front-matter-participant.md"));
    assertEquals(
        List.of(
            PassageKind.INTERVIEWER, PassageKind.TURN, PassageKind.INTERVIEWER, PassageKind.TURN),
        kinds(turns));
  }

  @Test
  void participantMetadataNamesTheOneRespondentOfALabelledInterview() {
    List<Passage> turns = segmenter.segment(withFrontMatter("front-matter-participant.md"));
    assertEquals(List.of("Dr Lee", "P12", "Dr Lee", "P12"), participants(turns));
  }

  @Test
  void offsetsPointIntoTheFileIncludingItsFrontMatter() {
    String raw = raw("front-matter-participant.md");
    Passage first = segmenter.segment(withFrontMatter("front-matter-participant.md")).get(0);
    assertEquals(
        "How did your practice decide to join this PCN rather than the one to the north?",
        codePoints(raw, first.start(), first.end()));
  }

  @Test
  void interviewerMetadataOverridesTheQuestionGuess() {
    assertEquals(
        List.of(
            PassageKind.TURN,
            PassageKind.INTERVIEWER,
            PassageKind.TURN,
            PassageKind.INTERVIEWER,
            PassageKind.TURN,
            PassageKind.INTERVIEWER),
        kinds(turns("otter-timestamps.txt", Map.of("interviewer", "Helen Marsh"))));
  }

  @Test
  void anInterviewerNamedInMetadataDoesNotUnmakeTheInterviewerLabel() {
    List<Passage> turns = turns("colon-names.txt", Map.of("interviewer", "Dr Lee"));
    long asked =
        turns.stream()
            .filter(p -> "Interviewer".equals(p.participant()))
            .filter(p -> p.kind() == PassageKind.INTERVIEWER)
            .count();
    assertEquals(3, asked);
  }

  @Test
  void interviewerMetadataMayNameSeveralBesideTheRoleLabels() {
    // INT stays an interviewer by its role label; p01 and P02 are named
    List<Passage> turns = turns("focus-group-codes.txt", Map.of("interviewer", "p01, P02"));
    assertEquals(
        List.of(
            PassageKind.INTERVIEWER,
            PassageKind.INTERVIEWER,
            PassageKind.INTERVIEWER,
            PassageKind.TURN,
            PassageKind.INTERVIEWER,
            PassageKind.TURN,
            PassageKind.INTERVIEWER),
        kinds(turns));
  }

  // --- offsets

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "colon-names.txt",
        "focus-group-codes.txt",
        "otter-timestamps.txt",
        "bracket-timestamps.txt",
        "paren-timestamps.txt",
        "P7.txt"
      })
  void theFileAtEachPassageSpanHoldsThePassageWordsInOrder(String fixture) {
    String raw = raw(fixture);
    List<Passage> passages = turns(fixture);
    assertFalse(passages.isEmpty());
    int previousEnd = 0;
    for (Passage p : passages) {
      assertTrue(p.start() >= previousEnd, "passages overlap at " + p.id());
      String span = codePoints(raw, p.start(), p.end());
      assertTrue(span.startsWith(firstWord(p.text())), p.id() + " starts with: " + span);
      assertTrue(containsInOrder(span, p.text().split("\\s+")), p.id() + ": " + span);
      previousEnd = p.end();
    }
  }

  @Test
  void offsetsCountCodePointsNotChars() {
    String text = "Interviewer: 😀 Ready?\n\nZoë Ng: Yes 😀 ready.\n\nInterviewer: Good.\n";
    Passage zoe = segmentText(text, Map.of()).get(1);
    assertEquals("Yes 😀 ready.", codePoints(text, zoe.start(), zoe.end()));
  }

  // --- recognising a transcript

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "colon-names.txt",
        "focus-group-codes.txt",
        "otter-timestamps.txt",
        "bracket-timestamps.txt",
        "paren-timestamps.txt",
        "P7.txt"
      })
  void eachTranscriptLayoutLooksLikeATranscriptByItsTextAlone(String fixture) {
    assertTrue(
        TranscriptSegmenter.looksLikeTranscript(
            source(fixture, SourceKind.PAPER, raw(fixture), Map.of())));
  }

  @Test
  void theSeedPapersDoNotLookLikeTranscripts() throws IOException {
    List<Path> seeds;
    try (Stream<Path> files = Files.list(Path.of("seeds"))) {
      seeds = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    assertFalse(seeds.isEmpty(), "no seeds found");
    List<String> misread = new ArrayList<>();
    for (Path seed : seeds) {
      String text = Files.readString(seed, StandardCharsets.UTF_8);
      Source paper = source(seed.getFileName().toString(), SourceKind.PAPER, text, Map.of());
      if (TranscriptSegmenter.looksLikeTranscript(paper)) {
        misread.add(seed.getFileName().toString());
      }
    }
    assertEquals(List.of(), misread);
  }

  @Test
  void proseWithColonsDoesNotLookLikeATranscript() {
    String text =
        "Note: all names are pseudonyms.\n\n"
            + "Theme 1: supporting general practice\n\n"
            + "Interviewees described the PCN as a lifeline.\n\n"
            + "Box 1: topic guide\n\n"
            + "Licence: https://creativecommons.org/licenses/by/4.0/\n\n"
            + "Meetings ran from 10:30 to 12:00.\n\n"
            + "Funding: NIHR Policy Research Programme.\n\n"
            + "Item Type: Article\n\n"
            + "Depositing User: Simon Bailey\n";
    assertFalse(
        TranscriptSegmenter.looksLikeTranscript(source("p.txt", SourceKind.PAPER, text, Map.of())));
  }

  @Test
  void aPaperQuotingAFewLabelledLinesDoesNotLookLikeATranscript() {
    String text =
        "We interviewed sixteen stakeholders.\n\n"
            + "Interviewer: What was the aim?\n\n"
            + "P3: To support general practice.\n\n"
            + "This view was common among those close to general practice.\n\n"
            + "Others saw the networks as a route to integration with community services.\n\n"
            + "A third group emphasised a collective voice.\n";
    assertFalse(
        TranscriptSegmenter.looksLikeTranscript(source("p.txt", SourceKind.PAPER, text, Map.of())));
  }

  @Test
  void aFocusGroupWithManyOneOffSpeakersLooksLikeATranscript() {
    String text =
        "Facilitator: What would help most?\n\n"
            + "Ann: More reception staff.\n\n"
            + "Ben: Longer appointments.\n\n"
            + "Cy: A shared rota across the network.\n\n"
            + "Dee: Less reporting.\n\n"
            + "Facilitator: And the least?\n\n"
            + "Ann: Another app.\n";
    assertTrue(
        TranscriptSegmenter.looksLikeTranscript(
            source("fg.txt", SourceKind.PAPER, text, Map.of())));
  }

  @Test
  void aHardWrappedTranscriptWithoutBlankLinesLooksLikeATranscript() {
    String text =
        "I: Could you tell me how the network\n"
            + "first came together in your area?\n"
            + "R: It was the CCG who pushed it, really,\n"
            + "and the practices went along because\n"
            + "the money was tied to it.\n"
            + "I: And the clinical director?\n"
            + "R: Chosen by the partners, after a vote\n"
            + "that nobody much wanted to have.\n";
    assertTrue(
        TranscriptSegmenter.looksLikeTranscript(source("w.txt", SourceKind.PAPER, text, Map.of())));
  }

  @Test
  void markdownBoldLabelsAreLabels() {
    String text =
        "**Interviewer:** How are referrals going?\n\n"
            + "**Dr Lee**: Slowly, but better than last year.\n";
    List<Passage> turns = segmentText(text, Map.of());
    assertEquals(List.of("Interviewer", "Dr Lee"), participants(turns));
    assertEquals(
        List.of("How are referrals going?", "Slowly, but better than last year."), texts(turns));
  }

  @Test
  void sourceKindOrMetadataSaysTranscript() {
    assertTrue(
        TranscriptSegmenter.looksLikeTranscript(
            source("a.txt", SourceKind.TRANSCRIPT, "Just prose.", Map.of())));
    assertTrue(
        TranscriptSegmenter.looksLikeTranscript(
            source("a.md", SourceKind.PAPER, "Just prose.", Map.of("type", "Interview"))));
    assertFalse(
        TranscriptSegmenter.looksLikeTranscript(
            source("a.md", SourceKind.PAPER, "Just prose.", Map.of("type", "report"))));
  }

  private static String codePoints(String s, int start, int end) {
    return s.substring(s.offsetByCodePoints(0, start), s.offsetByCodePoints(0, end));
  }

  private static String firstWord(String text) {
    return text.strip().split("\\s+")[0];
  }

  private static boolean containsInOrder(String haystack, String[] words) {
    int at = 0;
    for (String w : words) {
      int i = haystack.indexOf(w, at);
      if (i < 0) {
        return false;
      }
      at = i + w.length();
    }
    return true;
  }
}
