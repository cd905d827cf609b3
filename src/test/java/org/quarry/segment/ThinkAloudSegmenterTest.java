package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quarry.segment.TranscriptFixtures.raw;
import static org.quarry.segment.TranscriptFixtures.source;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quarry.ingest.DocumentReader;
import org.quarry.ingest.PlainTextReader;
import org.quarry.ingest.SegmentedSource;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/**
 * Think-aloud and observation notes (issue 10, item 4): only the staff are labelled, the
 * participant's lines are not, numbered tasks head the sections. Fixtures are read through the real
 * text reader and the loader's segmenter, as {@code bin/quarry index} reads them.
 */
class ThinkAloudSegmenterTest {
  private static final Path FOLDER = Path.of("src/test/resources/transcripts/think-aloud");

  private static SegmentedSource load(String name) {
    try {
      Source source = new PlainTextReader().read(FOLDER.resolve(name), name);
      return new SourceSegmenter().split(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Passage> passages(String name) {
    return load(name).passages();
  }

  private static List<Passage> ofKind(List<Passage> passages, PassageKind kind) {
    return passages.stream().filter(p -> p.kind() == kind).toList();
  }

  private static Passage containing(List<Passage> passages, String words) {
    return passages.stream()
        .filter(p -> p.text().contains(words))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no passage holds: " + words));
  }

  // --- acceptance: P9.txt, indented participant lines under MODERATOR prompts

  @Test
  void unlabelledLinesAreTurnsOfTheParticipantTheFileNameNames() {
    List<Passage> turns = ofKind(passages("P9.txt"), PassageKind.TURN);
    assertEquals(7, turns.size());
    assertEquals(Set.of("P9"), participantsOf(turns));
  }

  @Test
  void moderatorLinesAreInterviewerTurnsWithTheModeratorAsTheirSpeaker() {
    List<Passage> prompts = ofKind(passages("P9.txt"), PassageKind.INTERVIEWER);
    assertEquals(8, prompts.size());
    assertEquals(Set.of("MODERATOR"), participantsOf(prompts));
    assertEquals(
        "What would you expect to find under Your health?",
        containing(prompts, "expect to find").text());
  }

  @Test
  void aTurnIsTheRunOfParticipantLinesUpToTheNextPrompt() {
    Passage turn = containing(passages("P9.txt"), "there's my name");
    assertEquals(
        "ok so there's my name at the top, and a big blue banner about the flu jab\n"
            + "I don't really know what \"Your health\" means here. Is that my records or something"
            + " else?\n"
            + "there's a lot of text on this tab [laughs] I'd normally just skip all of this",
        turn.text());
  }

  @Test
  void numberedTaskHeadingsNameTheSectionsOfWhatFollows() {
    List<String> sections = new ArrayList<>();
    for (Passage p : passages("P9.txt")) {
      if (p.kind() != PassageKind.NARRATIVE && !sections.contains(p.section())) {
        sections.add(p.section());
      }
    }
    assertEquals(
        List.of(
            "1 Read the Home tab",
            "1.a Was the information enough?",
            "1.b Anything missing?",
            "2 Book an appointment",
            "3 Find your test results"),
        sections);
  }

  @Test
  void aSubTaskHeadingStartsItsOwnSection() {
    List<Passage> passages = passages("P9.txt");
    assertEquals("1.a Was the information enough?", containing(passages, "last updated").section());
    assertEquals("1.b Anything missing?", containing(passages, "Prescriptions.").section());
  }

  @Test
  void taskHeadingsAreNoPassages() {
    for (Passage p : passages("P9.txt")) {
      assertFalse(p.text().contains("Book an appointment"), p.id() + ": " + p.text());
    }
  }

  @Test
  void aLineThatIsOnlyAStageDirectionIsInNoPassage() {
    for (Passage p : passages("P9.txt")) {
      assertFalse(p.text().contains("(scrolls down slowly)"), p.id());
      assertFalse(p.text().contains("(long pause)"), p.id());
      assertFalse(p.text().contains("[participant hesitates"), p.id());
    }
  }

  @Test
  void inlineStageDirectionsStayInTheSpeech() {
    Passage turn = containing(passages("P9.txt"), "last updated");
    assertEquals(PassageKind.TURN, turn.kind());
    assertTrue(turn.text().contains("(points at the date)"), turn.text());
  }

  @Test
  void anObserversNoteIsNarrativeOfNoOneInItsTask() {
    Passage note = containing(passages("P9.txt"), "squinted");
    assertEquals(PassageKind.NARRATIVE, note.kind());
    assertNull(note.participant());
    assertEquals("1.a Was the information enough?", note.section());
  }

  @Test
  void theTitleBeforeTheFirstTaskIsNarrativeOfNoOne() {
    Passage title = passages("P9.txt").get(0);
    assertEquals(PassageKind.NARRATIVE, title.kind());
    assertNull(title.participant());
    assertNull(title.section());
    assertTrue(title.text().startsWith("Think-aloud session notes"), title.text());
  }

  @Test
  void notesAreKeptAsTranscripts() {
    assertEquals(SourceKind.TRANSCRIPT, load("P9.txt").source().kind());
  }

  // --- other layouts

  @Test
  void flushLeftParticipantLinesAreTurnsToo() {
    List<Passage> passages = passages("P09_session.txt");
    Passage turn = containing(passages, "username first");
    assertEquals(PassageKind.TURN, turn.kind());
    assertEquals("P09", turn.participant());
    assertEquals("1. Sign in", turn.section());
    assertEquals(Set.of("Facilitator"), participantsOf(ofKind(passages, PassageKind.INTERVIEWER)));
  }

  @Test
  void aLineOfNumbersReadOutIsSpeechNotATaskHeading() {
    Passage turn = containing(passages("P09_session.txt"), "4 8 1 5");
    assertEquals(PassageKind.TURN, turn.kind());
    assertEquals("1. Sign in", turn.section());
  }

  @Test
  void aHeaderBlockIsNarrativeAndNoPrompt() {
    Passage header = passages("P09_session.txt").get(0);
    assertEquals(PassageKind.NARRATIVE, header.kind());
    assertTrue(header.text().contains("Facilitator: RK"), header.text());
  }

  @Test
  void frontMatterNamesTheParticipantAndMarkdownTaskHeadingsTheSections() {
    List<Passage> passages = passages("session-notes.md");
    Passage turn = containing(passages, "flu jab");
    assertEquals("P14", turn.participant());
    assertEquals("Task 1: Read the Home tab", turn.section());
    assertEquals("Task 2: Book an appointment", containing(passages, "nurse").section());
  }

  @Test
  void anObserverLabelIsStaffNotTheParticipant() {
    Passage observed = containing(passages("session-notes.md"), "hovered");
    assertEquals(PassageKind.INTERVIEWER, observed.kind());
    assertEquals("Observer", observed.participant());
  }

  @Test
  void wholeLineMarkdownEmphasisIsAStageDirection() {
    for (Passage p : passages("session-notes.md")) {
      assertFalse(p.text().contains("scrolls down"), p.id());
      assertFalse(p.text().contains("*pauses*"), p.id());
    }
  }

  @Test
  void anObserversNoteInEmphasisIsANoteNotADirection() {
    Passage note = containing(passages("session-notes.md"), "one finger");
    assertEquals(PassageKind.NARRATIVE, note.kind());
    assertEquals("Task 2: Book an appointment", note.section());
  }

  @Test
  void aWordDocumentNamedParticipant9GivesTurnsOfP9(@TempDir Path tmp) throws IOException {
    Path docx = tmp.resolve("Participant 9.docx");
    try (XWPFDocument document = new XWPFDocument();
        OutputStream out = Files.newOutputStream(docx)) {
      for (String line : Files.readAllLines(FOLDER.resolve("P9.txt"), StandardCharsets.UTF_8)) {
        XWPFParagraph paragraph = document.createParagraph();
        if (line.startsWith(" ")) {
          // Word indents with paragraph formatting, not spaces: the text reaches Quarry flush
          paragraph.setIndentationLeft(720);
        }
        paragraph.createRun().setText(line.strip());
      }
      document.write(out);
    }
    Source source = new DocumentReader().read(docx, "Participant 9.docx");
    List<Passage> passages = new SourceSegmenter().split(source).passages();
    List<Passage> turns = ofKind(passages, PassageKind.TURN);
    assertEquals(7, turns.size());
    assertEquals(Set.of("P9"), participantsOf(turns));
    assertEquals("2 Book an appointment", containing(passages, "blood test").section());
  }

  @Test
  void namedTaskHeadingsAreSectionsNotSpeakers() {
    List<Passage> passages = passages("P12_timestamps.txt");
    assertEquals(Set.of("P12"), participantsOf(ofKind(passages, PassageKind.TURN)));
    assertEquals(Set.of("MODERATOR"), participantsOf(ofKind(passages, PassageKind.INTERVIEWER)));
    assertEquals("Task 2: Register a family member", containing(passages, "NHS number").section());
  }

  @Test
  void timestampsAreNotPartOfTheTurns() {
    assertEquals(
        "ok, so home page... Contact us maybe\n"
            + "here, opening times, but it doesn't say Saturday at all",
        containing(passages("P12_timestamps.txt"), "Contact us").text());
  }

  @Test
  void aParticipantLineOfTheHeaderNamesTheParticipant() {
    List<Passage> passages = passages("usability-notes.txt");
    assertEquals(Set.of("P21"), participantsOf(ofKind(passages, PassageKind.TURN)));
    assertEquals(Set.of("Researcher"), participantsOf(ofKind(passages, PassageKind.INTERVIEWER)));
  }

  @Test
  void withNoParticipantNamedAnywhereTurnsAreTurnsOfNoOne() {
    List<Passage> turns = ofKind(passages("session-notes-unnamed.txt"), PassageKind.TURN);
    assertEquals(3, turns.size());
    turns.forEach(t -> assertNull(t.participant(), t.id()));
  }

  @Test
  void aFlushLineRightUnderAPromptContinuesItWhereTheParticipantIsIndented() {
    String text =
        "MODERATOR: Please find your last letter, and keep talking while you look for\n"
            + "it, as you did before.\n"
            + "    ok, letters, Documents maybe\n"
            + "MODERATOR: Where else could it be?\n"
            + "    Messages? there it is\n"
            + "MODERATOR: Thanks.\n"
            + "    no problem\n";
    List<Passage> passages =
        new ThinkAloudSegmenter().segment(source("P3.txt", SourceKind.TRANSCRIPT, text, Map.of()));
    assertEquals(
        "Please find your last letter, and keep talking while you look for\nit, as you did before.",
        passages.get(0).text());
    assertEquals("ok, letters, Documents maybe", passages.get(1).text());
    assertEquals("P3", passages.get(1).participant());
  }

  @Test
  void theParticipantsOwnLabelIsLeftOutOfTheirSpeech() {
    String text =
        "1 Sign in\n"
            + "MODERATOR: Please sign in.\n"
            + "P4: right, username\n"
            + "password, done\n"
            + "MODERATOR: And now?\n"
            + "it wants a code\n"
            + "2 Sign out\n"
            + "MODERATOR: Please sign out.\n"
            + "top right, done\n";
    Source source = source("P4.txt", SourceKind.PAPER, text, Map.of());
    assertTrue(ThinkAloudSegmenter.looksLikeNotes(source));
    Passage turn = new ThinkAloudSegmenter().segment(source).get(1);
    assertEquals("right, username\npassword, done", turn.text());
    assertEquals("P4", turn.participant());
  }

  // --- offsets

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "P9.txt",
        "P09_session.txt",
        "session-notes.md",
        "usability-notes.txt",
        "session-notes-unnamed.txt",
        "P12_timestamps.txt"
      })
  void theFileAtEachPassageSpanHoldsThePassageWordsInOrder(String name) throws IOException {
    String file = Files.readString(FOLDER.resolve(name), StandardCharsets.UTF_8);
    int previousEnd = 0;
    for (Passage p : passages(name)) {
      assertTrue(p.start() >= previousEnd, "passages overlap at " + p.id());
      String span = codePoints(file, p.start(), p.end());
      int at = 0;
      for (String word : p.text().split("\\s+")) {
        at = span.indexOf(word, at);
        assertTrue(at >= 0, p.id() + " lacks '" + word + "' in order: " + span);
        at += word.length();
      }
      previousEnd = p.end();
    }
  }

  // --- recognising notes

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "P9.txt",
        "P09_session.txt",
        "session-notes.md",
        "usability-notes.txt",
        "session-notes-unnamed.txt",
        "P12_timestamps.txt"
      })
  void eachNotesLayoutIsRecognisedByItsTextAlone(String name) throws IOException {
    String text = Files.readString(FOLDER.resolve(name), StandardCharsets.UTF_8);
    if (text.startsWith("---")) {
      text = text.substring(text.indexOf("\n---\n", 3) + 5);
    }
    assertTrue(ThinkAloudSegmenter.looksLikeNotes(source(name, SourceKind.PAPER, text, Map.of())));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "colon-names.txt",
        "focus-group-codes.txt",
        "otter-timestamps.txt",
        "bracket-timestamps.txt",
        "paren-timestamps.txt",
        "front-matter-participant.md"
      })
  void interviewTranscriptsAreNotNotes(String fixture) {
    assertFalse(
        ThinkAloudSegmenter.looksLikeNotes(
            source(fixture, SourceKind.TRANSCRIPT, raw(fixture), Map.of())));
  }

  @Test
  void papersAreNotNotes() throws IOException {
    List<Path> papers = new ArrayList<>();
    try (Stream<Path> seeds = Files.list(Path.of("seeds"));
        Stream<Path> fixtures = Files.list(Path.of("src/test/resources/papers"))) {
      Stream.concat(seeds, fixtures)
          .filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md"))
          .sorted()
          .forEach(papers::add);
    }
    assertTrue(papers.size() >= 5, "papers found: " + papers);
    for (Path paper : papers) {
      Source source = new PlainTextReader().read(paper, paper.getFileName().toString());
      assertFalse(ThinkAloudSegmenter.looksLikeNotes(source), paper.toString());
    }
  }

  @Test
  void aPaperWithNumberedSectionsQuotingAFewModeratorLinesIsNotNotes() {
    StringBuilder text = new StringBuilder("1 Introduction\n\n");
    for (int i = 0; i < 12; i++) {
      text.append("Patient portals are widely offered but unevenly used; paragraph ")
          .append(i)
          .append(" of the background.\n\n");
    }
    text.append("2 Methods\n\nWe ran think-aloud sessions. An excerpt:\n\n")
        .append("Moderator: What do you see?\n\nthe banner, and my name\n\n")
        .append("Moderator: Anything else?\n\nno\n\n3 Results\n\n");
    for (int i = 0; i < 12; i++) {
      text.append("Participants found the Home tab busy; finding ").append(i).append(".\n\n");
    }
    assertFalse(
        ThinkAloudSegmenter.looksLikeNotes(
            source("paper.txt", SourceKind.PAPER, text.toString(), Map.of())));
  }

  private static Set<String> participantsOf(List<Passage> passages) {
    Set<String> out = new LinkedHashSet<>();
    passages.forEach(p -> out.add(String.valueOf(p.participant())));
    return out;
  }

  private static String codePoints(String s, int start, int end) {
    return s.substring(s.offsetByCodePoints(0, start), s.offsetByCodePoints(0, end));
  }
}
