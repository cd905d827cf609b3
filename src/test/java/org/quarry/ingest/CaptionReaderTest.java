package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/** Caption files read as transcripts. */
class CaptionReaderTest {
  @TempDir Path tmp;

  private final CaptionReader reader = new CaptionReader();

  @Test
  void cuesBecomeSpeakerTurnsOfATranscript() throws IOException {
    Source source =
        read(
            Files.writeString(
                tmp.resolve("call.vtt"),
                "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hello there.</v>\n\n"
                    + "00:00:02.000 --> 00:00:03.000\n<v Ann>How are you?</v>\n\n"
                    + "00:00:03.000 --> 00:00:04.000\n<v Bo>Fine.</v>\n"));
    assertEquals(SourceKind.TRANSCRIPT, source.kind());
    assertEquals("Ann: Hello there. How are you?\n\nBo: Fine.\n", source.text());
  }

  @Test
  void eachTurnIsAPassageOfItsVoiceConsecutiveCuesMerged() throws IOException {
    SegmentedSource read =
        readSegmented(
            Files.writeString(
                tmp.resolve("rota.vtt"),
                "WEBVTT\n\n"
                    + "00:00:01.000 --> 00:00:04.000\n<v Interviewer>How is the new rota working?</v>\n\n"
                    + "00:00:04.500 --> 00:00:08.000\n<v Tom Reid>Better than the old one.</v>\n\n"
                    + "00:00:08.000 --> 00:00:10.000\n<v Tom Reid>We swap shifts less.</v>\n"));
    assertEquals(
        List.of(
            "interviewer|Interviewer|How is the new rota working?",
            "turn|Tom Reid|Better than the old one. We swap shifts less."),
        described(read.passages()));
  }

  @Test
  void aLongVoiceNameIsKeptAsWritten() throws IOException {
    SegmentedSource read =
        readSegmented(
            Files.writeString(
                tmp.resolve("notes.vtt"),
                "WEBVTT\n\n"
                    + "00:00:01.000 --> 00:00:02.000\n<v Note Taker>Are you recording?</v>\n\n"
                    + "00:00:02.000 --> 00:00:03.000\n<v Dr Maria de la Cruz Ortega>Yes, it started.</v>\n\n"
                    + "00:00:03.000 --> 00:00:04.000\n<v Note Taker>Can you say more about that?</v>\n\n"
                    + "00:00:04.000 --> 00:00:05.000\n<v Dr Maria de la Cruz Ortega>Not much more.</v>\n"));
    assertEquals(
        List.of(
            "interviewer|Note Taker|Are you recording?",
            "turn|Dr Maria de la Cruz Ortega|Yes, it started.",
            "interviewer|Note Taker|Can you say more about that?",
            "turn|Dr Maria de la Cruz Ortega|Not much more."),
        described(read.passages()));
  }

  @Test
  void aPassageSpanHoldsItsWordsInTheKeptText() throws IOException {
    SegmentedSource read =
        readSegmented(
            Files.writeString(
                tmp.resolve("span.srt"),
                "1\n00:00:01,000 --> 00:00:02,000\nAnn: Hello 😀 there.\n\n2\n00:00:02,000 --> 00:00:03,000\nBo: Fine.\n"));
    for (Passage p : read.passages()) {
      String text = read.source().text();
      int from = text.offsetByCodePoints(0, p.start());
      int to = text.offsetByCodePoints(0, p.end());
      assertEquals(p.text(), text.substring(from, to));
    }
    assertEquals(List.of("Ann", "Bo"), read.passages().stream().map(Passage::participant).toList());
  }

  @Test
  void aCueWithoutASpeakerBeforeAnyoneIsNamedIsNarrative() throws IOException {
    SegmentedSource read =
        readSegmented(
            Files.writeString(
                tmp.resolve("intro.srt"),
                "1\n00:00:01,000 --> 00:00:02,000\nWelcome to the session.\n\n"
                    + "2\n00:00:02,000 --> 00:00:03,000\nAnn: Thanks.\n"));
    assertEquals(
        List.of("narrative|null|Welcome to the session.", "turn|Ann|Thanks."),
        described(read.passages()));
  }

  @Test
  void aWindows1252SubtitleFileKeepsItsLetters() throws IOException {
    String srt = "1\n00:00:01,000 --> 00:00:02,000\nZoë: It sounds naïve – £5.\n";
    Source source =
        read(Files.write(tmp.resolve("old.srt"), srt.getBytes(Charset.forName("windows-1252"))));
    assertEquals("Zoë: It sounds naïve – £5.\n", source.text());
  }

  @Test
  void aCaptionFileWithoutCuesIsSkippedAsNoCaptions() throws IOException {
    Path file = Files.writeString(tmp.resolve("header.vtt"), "WEBVTT\n\nNOTE nothing was said\n");
    assertEquals(
        "no captions", assertThrows(SkippedSourceException.class, () -> read(file)).reason());
  }

  @Test
  void anEmptyCaptionFileIsSkippedAsEmpty() throws IOException {
    Path file = Files.write(tmp.resolve("zero.srt"), new byte[0]);
    assertEquals("empty", assertThrows(SkippedSourceException.class, () -> read(file)).reason());
  }

  private SegmentedSource readSegmented(Path file) throws IOException {
    return reader.readSegmented(file, file.getFileName().toString());
  }

  private static List<String> described(List<Passage> passages) {
    return passages.stream()
        .map(
            p ->
                p.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + "|"
                    + p.participant()
                    + "|"
                    + p.text())
        .toList();
  }

  private Source read(Path file) throws IOException {
    return reader.read(file, file.getFileName().toString());
  }
}
