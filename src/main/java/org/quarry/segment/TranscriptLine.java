package org.quarry.segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quarry.text.SpeakerLabel;
import org.quarry.text.TranscriptLayout;

/**
 * One line of a transcript, classified: blank, a speaker label (with any speech after it), a stage
 * direction, or speech.
 *
 * @param type what the line is
 * @param start first char of the line's speech in the text (after any label and timestamps)
 * @param end one past the last char of the line's speech; {@code start == end} when it has none
 * @param label the speaker label that starts the line, or null unless {@code type} is LABEL
 */
record TranscriptLine(Type type, int start, int end, SpeakerLabel label) {

  /** What a line of a transcript is. */
  enum Type {
    BLANK,
    LABEL,
    /** A whole-line bracketed note ({@code [laughs]}, {@code (reads the task)}) or timestamp. */
    DIRECTION,
    SPEECH
  }

  /** Labels a transcript needs before its layout is trusted enough to overrule one of them. */
  private static final int MIN_LABELS_FOR_CONSISTENCY = 4;

  // the repeated groups are possessive: each match of one is the only one, and a greedy group
  // loop recurses once a repetition, so a line of thousands of [tags] overflowed the stack
  private static final Pattern DIRECTION =
      Pattern.compile(
          "^\\s*(?:(?:\\[[^\\[\\]]*\\]|\\([^()]*\\)|\\{[^{}]*\\})\\s*)++$"
              + "|^\\s*[\\[(#]?"
              + TranscriptLayout.TIME_PATTERN
              + "(?:-\\d+)?[\\])#]?\\s*$");
  private static final Pattern LEADING_TIME =
      Pattern.compile("^(?:[\\[(]" + TranscriptLayout.TIME_PATTERN + "[\\])]\\s*)++");
  // f4 writes "#00:01:23-5#" at a paragraph's end; others a bracketed time
  private static final Pattern TIME_TAG =
      Pattern.compile(
          "#"
              + TranscriptLayout.TIME_PATTERN
              + "(?:-\\d+)?#|[\\[(]"
              + TranscriptLayout.TIME_PATTERN
              + "[\\])]");
  // what a time tag holds between its marks, and the spaces (regex \s) allowed between tags
  private static final String TAG_CHARS = "0123456789:.,-";
  private static final String TAG_SPACE = " \t\n\u000B\f\r";

  /**
   * The lines of {@code text}, classified. A transcript's own layout overrules a label-like line
   * that breaks it: when a text mostly uses timestamped labels, an untimed {@code Word:} at a line
   * start is speech ("Honestly: no"), not a new speaker; so are a header block and a one-off label
   * inside a paragraph when every other turn starts after a blank line.
   */
  static List<TranscriptLine> read(String text) {
    List<int[]> bounds = lineBounds(text);
    List<TranscriptLine> lines = new ArrayList<>(bounds.size());
    int timed = 0;
    int untimed = 0;
    for (int[] b : bounds) {
      TranscriptLine line = classify(text, b[0], b[1]);
      if (line.type == Type.LABEL) {
        if (line.label.timed()) {
          timed++;
        } else {
          untimed++;
        }
      }
      lines.add(line);
    }
    if (timed >= 2 && timed >= untimed) {
      for (int i = 0; i < lines.size(); i++) {
        TranscriptLine line = lines.get(i);
        if (line.type == Type.LABEL && !line.label.timed()) {
          lines.set(i, speech(text, bounds.get(i)[0], bounds.get(i)[1]));
        }
      }
    }
    demoteLabelsThatBreakParagraphLayout(text, bounds, lines);
    return lines;
  }

  /**
   * When turns consistently start after a blank line, two kinds of label-like line break the layout
   * and are speech: a header block of {@code Key: value} lines opening the file ({@code
   * Interviewer: Dr Lee}, {@code Participant: P12} on consecutive lines), and a one-off label
   * inside a paragraph ("Honestly: it's been hard").
   */
  private static void demoteLabelsThatBreakParagraphLayout(
      String text, List<int[]> bounds, List<TranscriptLine> lines) {
    Map<String, Integer> turnsBySpeaker = new HashMap<>();
    for (TranscriptLine line : lines) {
      if (line.type == Type.LABEL) {
        turnsBySpeaker.merge(line.label.speaker(), 1, Integer::sum);
      }
    }
    // the layout is judged on speakers who come back, not on the one-offs (or the header) it may
    // overrule
    int headerEnd = headerBlockEnd(lines);
    int recurring = 0;
    int afterBreak = 0;
    for (int i = headerEnd; i < lines.size(); i++) {
      TranscriptLine line = lines.get(i);
      if (line.type == Type.LABEL && turnsBySpeaker.get(line.label.speaker()) > 1) {
        recurring++;
        if (startsParagraph(lines, i)) {
          afterBreak++;
        }
      }
    }
    if (recurring < MIN_LABELS_FOR_CONSISTENCY || afterBreak * 10 < recurring * 9) {
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      TranscriptLine line = lines.get(i);
      if (line.type != Type.LABEL) {
        continue;
      }
      boolean oneOffInside =
          !startsParagraph(lines, i) && turnsBySpeaker.get(line.label.speaker()) == 1;
      if (i < headerEnd || oneOffInside) {
        lines.set(i, speech(text, bounds.get(i)[0], bounds.get(i)[1]));
      }
    }
  }

  /** End of the opening paragraph when it holds two or more labels, as a header block does. */
  private static int headerBlockEnd(List<TranscriptLine> lines) {
    int i = 0;
    while (i < lines.size() && lines.get(i).type == Type.BLANK) {
      i++;
    }
    int labels = 0;
    while (i < lines.size() && lines.get(i).type != Type.BLANK) {
      if (lines.get(i).type == Type.LABEL) {
        labels++;
      }
      i++;
    }
    return labels >= 2 ? i : 0;
  }

  private static boolean startsParagraph(List<TranscriptLine> lines, int i) {
    int j = i - 1;
    while (j >= 0 && lines.get(j).type == Type.DIRECTION) {
      j--;
    }
    return j < 0 || lines.get(j).type == Type.BLANK;
  }

  /** Whether the line has speech to keep. */
  boolean hasSpeech() {
    return end > start;
  }

  private static TranscriptLine classify(String text, int start, int end) {
    String line = text.substring(start, end);
    if (line.isBlank()) {
      return new TranscriptLine(Type.BLANK, start, start, null);
    }
    if (DIRECTION.matcher(line).matches()) {
      return new TranscriptLine(Type.DIRECTION, start, start, null);
    }
    Optional<SpeakerLabel> label = SpeakerLabel.parse(line);
    if (label.isPresent()) {
      int s = start + label.get().speechStart();
      String speech = text.substring(s, end);
      if (DIRECTION.matcher(speech).matches()) {
        return new TranscriptLine(Type.LABEL, end, end, label.get());
      }
      int[] kept = trimmed(text, s, end);
      return new TranscriptLine(Type.LABEL, kept[0], kept[1], label.get());
    }
    return speech(text, start, end);
  }

  private static TranscriptLine speech(String text, int start, int end) {
    int[] kept = trimmed(text, start, end);
    return new TranscriptLine(Type.SPEECH, kept[0], kept[1], null);
  }

  /** The line's speech bounds without surrounding space and leading or trailing timestamps. */
  private static int[] trimmed(String text, int start, int end) {
    int s = skipSpace(text, start, end);
    if (s < end && (text.charAt(s) == '[' || text.charAt(s) == '(')) {
      Matcher lead = LEADING_TIME.matcher(text).region(s, end);
      if (lead.lookingAt()) {
        s = skipSpace(text, lead.end(), end);
      }
    }
    int e = end;
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    return new int[] {s, withoutTrailingTimes(text, s, e)};
  }

  /**
   * The end of {@code [s, e)} without the time tags (and the spaces before them) that end it, taken
   * off one at a time from the end: a regex for the run of tags retried it from every tag of a long
   * run that did not end the line, which was quadratic.
   */
  private static int withoutTrailingTimes(String text, int s, int e) {
    while (e > s) {
      char last = text.charAt(e - 1);
      if (last != '#' && last != ']' && last != ')') {
        break;
      }
      int open = e - 2;
      while (open >= s && TAG_CHARS.indexOf(text.charAt(open)) >= 0) {
        open--;
      }
      if (open < s || !TIME_TAG.matcher(text).region(open, e).matches()) {
        break;
      }
      e = open;
      while (e > s && TAG_SPACE.indexOf(text.charAt(e - 1)) >= 0) {
        e--;
      }
    }
    return e;
  }

  private static int skipSpace(String text, int i, int end) {
    while (i < end && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * The {@code [start, end)} of each line of {@code text}: {@code \n}, {@code \r\n} and {@code \r}
   * end a line.
   */
  static List<int[]> lineBounds(String text) {
    List<int[]> out = new ArrayList<>();
    int s = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(new int[] {s, i});
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        s = i + 1;
      }
    }
    if (s < text.length()) {
      out.add(new int[] {s, text.length()});
    }
    return out;
  }
}
