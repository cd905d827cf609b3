package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quarry.ingest.PlainTextReader;
import org.quarry.ingest.SegmentedSource;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/**
 * Files of headed free-text records (comment and feedback exports): one response passage per
 * record, named by its id; papers and transcripts are not taken for them.
 */
class RecordSegmenterTest {
  private static final Path COMMENTS = Path.of("src/test/resources/records/comments.txt");

  private final SourceSegmenter segmenter = new SourceSegmenter();

  private SegmentedSource split(Path file) throws IOException {
    return segmenter.split(new PlainTextReader().read(file, file.getFileName().toString()));
  }

  private SegmentedSource split(String text) {
    return segmenter.split(Papers.source("records.txt", text));
  }

  private static List<String> described(List<Passage> passages) {
    return passages.stream()
        .map(p -> p.kind().label() + " " + p.participant() + " | " + p.text())
        .toList();
  }

  @Test
  void eachRecordIsOneResponsePassageNamedByTheIdInItsHeader() throws IOException {
    assertEquals(
        List.of(
            "narrative null | Ward 7 patient comments, exported 3 March",
            "response 1 | Temperature in theatre a little low.",
            "response 2 | 12:40 the nurse explained the drain\nand again before I went home, which helped.",
            "response 4 | Parking was impossible on both visits.",
            "response 5 | First paragraph of a longer comment: the staff were kind and quick.\n\n"
                + "Second paragraph of the same comment, about the food.",
            "response 6 | Nothing to add, thank you.",
            "response 8 | Café staff were lovely 😊 and the tea was hot.",
            "response 9 | Long wait for the appointment letter.",
            "response 11 | Reception staff: some good, some really awful.",
            "response 12 | No."),
        described(split(COMMENTS).passages()));
  }

  @Test
  void aHeaderWithNoTextBeforeTheNextHeaderIsNoPassage() {
    String text =
        "Comment 1\nGood.\n\nComment 2\n\nComment 3\nFine.\n\nComment 4\nComment 5\nSlow.\n";
    assertEquals(
        List.of("1", "3", "5"), split(text).passages().stream().map(Passage::participant).toList());
  }

  @Test
  void responsesHaveNoSectionAndTheFileBecomesASurveySource() throws IOException {
    SegmentedSource records = split(COMMENTS);
    assertEquals(SourceKind.SURVEY, records.source().kind());
    records.passages().forEach(p -> assertNull(p.section(), p.id()));
  }

  @Test
  void everyPassageIsTheFileTextBetweenItsCodePointOffsets() throws IOException {
    String raw = Files.readString(COMMENTS);
    List<Passage> passages = split(COMMENTS).passages();
    assertEquals(9, passages.stream().filter(p -> p.kind() == PassageKind.RESPONSE).count());
    for (Passage p : passages) {
      // the emoji before "and the tea" is two chars and one code point: ids count code points
      assertEquals(p.text(), Papers.codePoints(raw, p.start(), p.end()), p.id());
      assertEquals("comments.txt#" + p.start() + "-" + p.end(), p.id());
    }
  }

  static Stream<List<String>> headerStyles() {
    return Stream.of(
        List.of("Response #4", "Response #7", "Response #12", "4", "7", "12"),
        List.of("Respondent: 17", "Respondent: 18", "Respondent: 21", "17", "18", "21"),
        List.of("Record A12", "Record A13", "Record B2", "A12", "A13", "B2"),
        List.of("Comment No. 5", "Comment No. 6", "Comment No. 9", "5", "6", "9"),
        List.of("ID R-204", "ID R-205", "ID R-311", "R-204", "R-205", "R-311"),
        List.of("RESPONSE 1:", "Response 2:", "response 3:", "1", "2", "3"));
  }

  @ParameterizedTest
  @MethodSource("headerStyles")
  void headersMayWriteTheLabelAndIdInTheUsualWays(List<String> headersThenIds) {
    String text =
        headersThenIds.get(0)
            + "\nThe ward was clean.\n\n"
            + headersThenIds.get(1)
            + "\nToo long on the phone.\n\n"
            + headersThenIds.get(2)
            + "\nKind staff.\n";
    SegmentedSource records = split(text);
    assertEquals(
        headersThenIds.subList(3, 6),
        records.passages().stream().map(Passage::participant).toList());
    assertTrue(records.passages().stream().allMatch(p -> p.kind() == PassageKind.RESPONSE));
  }

  @Test
  void recordsNeedNoBlankLineBetweenThem() {
    SegmentedSource records = split("Comment 1\nGood.\nComment 2\nSlow.\nComment 3\nFine.\n");
    assertEquals(
        List.of("response 1 | Good.", "response 2 | Slow.", "response 3 | Fine."),
        described(records.passages()));
  }

  @Test
  void aLineWithAnotherLabelInsideARecordIsItsText() {
    SegmentedSource records =
        split("Comment 1\nGood.\n\nComment 2\nNothing 6\n\nComment 3\nFine.\n");
    assertEquals("Nothing 6", records.passages().get(1).text());
  }

  // --- what is not a record file

  @Test
  void twoHeadersAreNotEnough() {
    assertFalse(
        RecordSegmenter.looksLikeRecords(
            Papers.source("two.txt", "Comment 1\nGood.\n\nComment 2\nSlow.\n")));
  }

  @Test
  void headersStartingFewerThanFourBlocksInFiveAreNotRecords() {
    String text =
        "Comment 1\nGood.\n\nComment 2\nSlow.\n\nComment 3\nFine.\n\nA paragraph.\n\nAnother one.\n";
    assertFalse(RecordSegmenter.looksLikeRecords(Papers.source("few.txt", text)));
  }

  @Test
  void headersWithDifferentLabelsAreNotRecords() {
    String text =
        "Table 1\nStaff by role.\n\nFigure 2\nThe sampling frame.\n\nStep 3\nCoding.\n\nBox 4\nQuotes.\n";
    assertFalse(RecordSegmenter.looksLikeRecords(Papers.source("mixed.txt", text)));
  }

  @Test
  void aPaperWithShortNumberedHeadingsIsNotRecords() {
    String paper =
        "Results\n\n"
            + "Theme 1\nStaff described the new rota as a relief at first.\n\n"
            + "It later took more of their evenings than the old one did.\n\n"
            + "Theme 2\nManagers saw the change as a saving.\n\n"
            + "Few of them had worked a night under the new rota.\n\n"
            + "Theme 3\nPatients noticed fewer familiar faces.\n\n"
            + "Discussion\n\nThe rota moved work rather than removing it.\n";
    Source source = Papers.source("paper.txt", paper);
    assertFalse(RecordSegmenter.looksLikeRecords(source));
    assertEquals(SourceKind.PAPER, segmenter.split(source).source().kind());
  }

  @Test
  void aTranscriptWithBareSpeakerLabelsStaysATranscript() {
    // "Respondent 1:" alone on a line reads as a record header too: the transcript check must win
    String transcript =
        "Respondent 1:\nThe clinic was busy, but they saw me on time.\n\n"
            + "Respondent 2:\nNot me, I waited an hour.\n\n"
            + "Respondent 1:\nWhich day was that?\n\n"
            + "Respondent 3:\nMondays are always like that.\n\n"
            + "Respondent 2:\nIt was a Monday.\n";
    assertTrue(RecordSegmenter.looksLikeRecords(Papers.source("group.txt", transcript)));
    SegmentedSource split = split(transcript);
    assertEquals(SourceKind.TRANSCRIPT, split.source().kind());
    assertEquals(
        List.of("Respondent 1", "Respondent 2", "Respondent 1", "Respondent 3", "Respondent 2"),
        split.passages().stream().map(Passage::participant).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"seeds", "src/test/resources"})
  void noOtherFixtureIsARecordFile(String root) throws IOException {
    PlainTextReader reader = new PlainTextReader();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(root))) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(reader::accepts)
              .filter(f -> !f.startsWith(COMMENTS.getParent()))
              .toList();
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      assertFalse(
          RecordSegmenter.looksLikeRecords(reader.read(file, file.toString())), file.toString());
    }
  }
}
