package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quarry.api.LayoutTranscript.Placement;
import org.quarry.ingest.SegmentedSource;
import org.quarry.ingest.SourceFile;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.SurveyOptions;
import org.quarry.text.TranscriptLayout;

/**
 * Every transcript layout of the grammar's table ({@link TranscriptLayout}), with the speech on the
 * label's line and below it, for several kinds of speaker label, written into every format it
 * applies to and read through the loader (reader, normaliser, segmenter): the turns come back
 * exactly, each with its speaker as written and its kind, and the title is nobody's turn. Captions
 * carry no label layout; they are read with voice tags and with {@code Speaker:} cue prefixes.
 */
class TranscriptLayoutFormatsTest {
  @TempDir Path tmp;

  /** Interviewer and respondent as typists and tools label them. */
  static final List<LayoutTranscript> CASTS =
      List.of(
          new LayoutTranscript("Interviewer", "Jane Smith"),
          new LayoutTranscript("INTERVIEWER", "RESPONDENT"),
          new LayoutTranscript("I", "P1"),
          // no role label: the interviewer is the one who asks
          new LayoutTranscript("Ana de la Cruz", "Participant 3"));

  enum Format {
    TXT,
    /** Hard-wrapped, no blank line between turns. */
    TXT_UNSPACED,
    MD,
    DOCX,
    HTML,
    RTF,
    PDF,
    /** Hard-wrapped with no space between paragraphs: only the labels part the turns. */
    PDF_UNSPACED
  }

  // hard wraps as a PDF's text layer or a fixed-width export gives them
  private static final int WRAP = 76;

  static Stream<Arguments> layoutsInFormats() {
    List<Arguments> out = new ArrayList<>();
    for (TranscriptLayout layout : TranscriptLayout.values()) {
      for (Placement placement : Placement.values()) {
        if (placement == Placement.INLINE && !layout.speechOnLabelLine()) {
          continue;
        }
        for (Format format : Format.values()) {
          // Markdown emphasis is written only where Markdown is
          if (layout == TranscriptLayout.EMPHASIZED_NAME
              && !EnumSet.of(Format.TXT, Format.TXT_UNSPACED, Format.MD).contains(format)) {
            continue;
          }
          for (LayoutTranscript cast : CASTS) {
            out.add(Arguments.of(layout, placement, format, cast));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @MethodSource("layoutsInFormats")
  void everyLayoutInEveryFormatReadsBackIntoItsTurns(
      TranscriptLayout layout, Placement placement, Format format, LayoutTranscript cast)
      throws IOException {
    Path file =
        tmp.resolve("interview." + format.name().toLowerCase(Locale.ROOT).replace("_unspaced", ""));
    switch (format) {
      case TXT, MD -> cast.writeText(file, layout, placement, WRAP, true);
      case TXT_UNSPACED -> cast.writeText(file, layout, placement, WRAP, false);
      case DOCX -> cast.writeDocx(file, layout, placement);
      case HTML -> cast.writeHtml(file, layout, placement);
      case RTF -> cast.writeRtf(file, layout, placement);
      case PDF -> cast.writePdf(file, layout, placement, WRAP, true);
      case PDF_UNSPACED -> cast.writePdf(file, layout, placement, WRAP, false);
    }
    assertTurns(cast, load(file), true);
  }

  static Stream<Arguments> captionCasts() {
    return Stream.concat(
            CASTS.stream(),
            Stream.of(new LayoutTranscript("Note Taker", "Dr Maria de la Cruz Ortega")))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captionCasts")
  void aVttWithVoiceTagsReadsBackIntoItsTurns(LayoutTranscript cast) throws IOException {
    assertTurns(cast, load(cast.writeVttVoices(tmp.resolve("call.vtt"))), false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layoutCasts")
  void captionsWithSpeakerPrefixesReadBackIntoTheirTurns(LayoutTranscript cast) throws IOException {
    assertTurns(cast, load(cast.writeCaptionPrefixes(tmp.resolve("call.vtt"), false)), false);
    assertTurns(cast, load(cast.writeCaptionPrefixes(tmp.resolve("call.srt"), true)), false);
  }

  static Stream<LayoutTranscript> layoutCasts() {
    return CASTS.stream();
  }

  @Test
  void aPdfWithNameAndParenthesisedTimeLabelsKeepsItsSpeakers() throws IOException {
    LayoutTranscript cast = new LayoutTranscript("Interviewer", "Jane Smith");
    Path pdf =
        cast.writePdf(
            tmp.resolve("paren.pdf"),
            TranscriptLayout.NAME_THEN_PAREN_TIME,
            Placement.INLINE,
            WRAP,
            false);
    SegmentedSource read = load(pdf);
    assertEquals(
        List.of(
            "Interviewer", "Jane Smith", "Interviewer", "Jane Smith", "Interviewer", "Jane Smith"),
        read.passages().stream()
            .filter(p -> p.kind() != PassageKind.NARRATIVE)
            .map(Passage::participant)
            .toList());
  }

  @Test
  void aVttWithAFiveWordVoiceNameKeepsTheWholeName() throws IOException {
    LayoutTranscript cast = new LayoutTranscript("Note Taker", "Dr Maria de la Cruz Ortega");
    SegmentedSource read = load(cast.writeVttVoices(tmp.resolve("long.vtt")));
    assertEquals(
        List.of("Note Taker", "Dr Maria de la Cruz Ortega"),
        read.passages().stream().map(Passage::participant).distinct().toList());
  }

  private SegmentedSource load(Path file) throws IOException {
    return new SourceLoader(SurveyOptions.defaults(), 50)
        .load(new SourceFile(file, file.getFileName().toString(), file));
  }

  /** The turns, in order, as {@code kind|speaker|words}; the title, when written, as narrative. */
  private static void assertTurns(LayoutTranscript cast, SegmentedSource read, boolean titled) {
    List<String> expected = new ArrayList<>();
    if (titled) {
      expected.add("narrative|null|" + LayoutTranscript.TITLE);
    }
    for (LayoutTranscript.Turn turn : LayoutTranscript.TURNS) {
      String kind = turn.byInterviewer() ? "interviewer" : "turn";
      expected.add(kind + "|" + cast.speaker(turn) + "|" + turn.words());
    }
    List<String> actual =
        read.passages().stream()
            .map(
                p ->
                    p.kind().name().toLowerCase(Locale.ROOT)
                        + "|"
                        + p.participant()
                        + "|"
                        + p.text().replaceAll("\\s+", " ").strip())
            .toList();
    assertEquals(
        String.join("\n", expected),
        String.join("\n", actual),
        () -> "text read:\n" + read.source().text());
  }
}
