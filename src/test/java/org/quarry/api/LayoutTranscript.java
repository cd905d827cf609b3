package org.quarry.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.quarry.text.TranscriptLayout;

/**
 * A small interview (a title, then turns of an interviewer and a respondent, some of them long
 * enough to wrap, one in two paragraphs) written in one {@link TranscriptLayout} into the files
 * tools produce: text and Markdown (hard-wrapped), Word, HTML and RTF (a paragraph per turn), PDF
 * (lines wrapped as a PDF's text layer gives them), WebVTT and SubRip (a cue per sentence).
 *
 * @param interviewer the interviewer's label as written
 * @param respondent the respondent's label as written
 */
record LayoutTranscript(String interviewer, String respondent) {

  static final String TITLE = "Interview about the new appointment system, March 2024";

  /** One turn: who speaks, and their paragraphs of sentences. */
  record Turn(boolean byInterviewer, List<List<String>> paragraphs) {
    String words() {
      return String.join(" ", paragraphs.stream().map(p -> String.join(" ", p)).toList());
    }
  }

  static final List<Turn> TURNS =
      List.of(
          new Turn(
              true,
              List.of(
                  List.of(
                      "Thank you for making the time today.",
                      "How long have you worked at the practice?"))),
          new Turn(
              false,
              List.of(
                  List.of(
                      "I started as a receptionist nearly eleven years ago and moved into the practice manager role after the last restructure.",
                      "Most of my week goes on rotas, complaints and the phones, which never stop ringing before nine in the morning."))),
          new Turn(true, List.of(List.of("What changed when the online booking system arrived?"))),
          new Turn(
              false,
              List.of(
                  List.of(
                      "At first it was chaos, because patients booked the wrong clinics and the nurses spent half of every session sorting it out.",
                      "We had no training beyond a short video from the supplier."),
                  List.of(
                      "After about six months it settled down and now the older patients ring us less than they used to, which surprised everyone in the team."))),
          new Turn(true, List.of(List.of("Would you go back to the old way if you could?"))),
          new Turn(
              false,
              List.of(
                  List.of(
                      "No, not now.",
                      "But I would ask for proper training next time, and for someone to listen to the people who answer the phones."))));

  /** The speaker of {@code turn} as written. */
  String speaker(Turn turn) {
    return turn.byInterviewer() ? interviewer : respondent;
  }

  /** Where a turn's speech goes: after its label on the same line, or on the lines below. */
  enum Placement {
    INLINE,
    BELOW
  }

  /** The paragraphs of the transcript (title first), each a list of lines before wrapping. */
  List<List<String>> paragraphs(TranscriptLayout layout, Placement placement) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of(TITLE));
    int seconds = 5;
    for (Turn turn : TURNS) {
      String label = layout.label(speaker(turn), time(seconds));
      seconds += 37;
      for (int p = 0; p < turn.paragraphs().size(); p++) {
        String speech = String.join(" ", turn.paragraphs().get(p));
        if (p > 0) {
          out.add(List.of(speech));
        } else if (placement == Placement.INLINE) {
          out.add(List.of(label + " " + speech));
        } else {
          out.add(List.of(label, speech));
        }
      }
    }
    return out;
  }

  private static String time(int seconds) {
    return String.format(
        java.util.Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /**
   * A text file: lines wrapped at {@code width}, a blank line between paragraphs when {@code
   * spaced}.
   */
  Path writeText(Path file, TranscriptLayout layout, Placement placement, int width, boolean spaced)
      throws IOException {
    StringBuilder out = new StringBuilder();
    for (List<String> paragraph : paragraphs(layout, placement)) {
      for (String line : paragraph) {
        for (String wrapped : wrap(line, width)) {
          out.append(wrapped).append('\n');
        }
      }
      if (spaced) {
        out.append('\n');
      }
    }
    return Files.writeString(file, out);
  }

  /** A Word document: one paragraph per line of {@link #paragraphs}, as a typist writes it. */
  Path writeDocx(Path file, TranscriptLayout layout, Placement placement) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        OutputStream os = Files.newOutputStream(file)) {
      for (List<String> paragraph : paragraphs(layout, placement)) {
        for (String line : paragraph) {
          XWPFRun run = doc.createParagraph().createRun();
          run.setText(line);
        }
      }
      doc.write(os);
    }
    return file;
  }

  /** A web page: one {@code <p>} per line of {@link #paragraphs}. */
  Path writeHtml(Path file, TranscriptLayout layout, Placement placement) throws IOException {
    StringBuilder out =
        new StringBuilder(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Interview</title></head><body>\n");
    for (List<String> paragraph : paragraphs(layout, placement)) {
      for (String line : paragraph) {
        out.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
      }
    }
    return Files.writeString(file, out.append("</body></html>\n"));
  }

  /** Rich text: one {@code \\par} paragraph per line of {@link #paragraphs}. */
  Path writeRtf(Path file, TranscriptLayout layout, Placement placement) throws IOException {
    StringBuilder out =
        new StringBuilder("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Helvetica;}}\\f0\\fs22\n");
    for (List<String> paragraph : paragraphs(layout, placement)) {
      for (String line : paragraph) {
        out.append(line.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"))
            .append("\\par\n");
      }
    }
    return Files.writeString(file, out.append("}\n"));
  }

  /**
   * A PDF: each line hard-wrapped at {@code width} chars; a gap between paragraphs when {@code
   * spaced}, else every line set at the same leading, so only the labels show where turns start.
   */
  Path writePdf(Path file, TranscriptLayout layout, Placement placement, int width, boolean spaced)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (List<String> paragraph : paragraphs(layout, placement)) {
      for (String line : paragraph) {
        lines.addAll(wrap(line, width));
      }
      if (spaced) {
        lines.add("");
      }
    }
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDPageContentStream content = null;
      float y = 0;
      for (String line : lines) {
        if (content == null || y < 72) {
          if (content != null) {
            content.close();
          }
          PDPage page = new PDPage();
          doc.addPage(page);
          content = new PDPageContentStream(doc, page);
          y = 720;
        }
        if (!line.isEmpty()) {
          content.beginText();
          content.setFont(font, 10);
          content.newLineAtOffset(72, y);
          content.showText(line);
          content.endText();
        }
        y -= 14;
      }
      content.close();
      doc.save(file.toFile());
    }
    return file;
  }

  /** Captions: a cue per sentence, the speaker as a WebVTT voice tag. */
  Path writeVttVoices(Path file) throws IOException {
    StringBuilder out = new StringBuilder("WEBVTT\n\n");
    int cue = 0;
    for (Turn turn : TURNS) {
      for (List<String> paragraph : turn.paragraphs()) {
        for (String sentence : paragraph) {
          out.append(cueTime(cue++, '.'))
              .append('\n')
              .append("<v ")
              .append(speaker(turn))
              .append('>')
              .append(sentence)
              .append("</v>\n\n");
        }
      }
    }
    return Files.writeString(file, out);
  }

  /**
   * Captions: a cue per sentence, each starting {@code Speaker: }; WebVTT or SubRip by {@code srt}.
   */
  Path writeCaptionPrefixes(Path file, boolean srt) throws IOException {
    StringBuilder out = new StringBuilder(srt ? "" : "WEBVTT\n\n");
    int cue = 0;
    for (Turn turn : TURNS) {
      for (List<String> paragraph : turn.paragraphs()) {
        for (String sentence : paragraph) {
          if (srt) {
            out.append(cue + 1).append('\n');
          }
          out.append(cueTime(cue++, srt ? ',' : '.'))
              .append('\n')
              .append(speaker(turn))
              .append(": ")
              .append(sentence)
              .append("\n\n");
        }
      }
    }
    return Files.writeString(file, out);
  }

  private static String cueTime(int cue, char decimal) {
    return String.format(
        java.util.Locale.ROOT,
        "00:00:%02d%c000 --> 00:00:%02d%c500",
        cue * 2,
        decimal,
        cue * 2 + 1,
        decimal);
  }

  /**
   * {@code line} broken at spaces into lines of at most {@code width} chars (a longer word alone).
   */
  static List<String> wrap(String line, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : line.split(" ")) {
      if (current.length() > 0 && current.length() + 1 + word.length() > width) {
        out.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(word);
    }
    out.add(current.toString());
    return out;
  }
}
