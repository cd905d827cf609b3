package org.quarry.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.quarry.text.Interviewers;

/**
 * One line of think-aloud or observation notes, classified: blank, a stage direction, a task
 * heading, an observer's note, a prompt by the study's staff ({@code MODERATOR:}, {@code
 * Facilitator:}, {@code Observer:}), or speech (unlabelled, or behind a label that is not staff).
 *
 * @param type what the line is
 * @param start first char of the line's words in the text (after any label); for a heading, the
 *     heading's first char
 * @param end one past the last char of the line's words; {@code start == end} when it has none
 * @param indent the count of space and tab chars (a tab counting as one) before the line's first
 *     char
 * @param speaker for a prompt, the staff label as written; for speech behind a label, the label;
 *     else null
 * @param section for a heading, the section it starts; else null
 * @param lineStart first char of the line's content, label included (for speech behind a label that
 *     is not the participant's, the label is part of what they said)
 */
record NoteLine(
    Type type, int start, int end, int indent, String speaker, String section, int lineStart) {

  /** What a line of notes is. */
  enum Type {
    BLANK,
    /** A whole-line stage direction: {@code (taps on menu)}, {@code [laughs]}, {@code *pause*}. */
    DIRECTION,
    HEADING,
    /** An observer's note: {@code Note: participant squinted at the footer}. */
    NOTE,
    PROMPT,
    SPEECH
  }

  // staff roles beyond the interviewer labels Interviewers knows: people who run or watch a session
  private static final Pattern STAFF =
      Pattern.compile(
          "(?i)(?:(?:lead|assistant|co|test|ux|usability)[ -]?)?"
              + "(?:observer|moderator|facilitator|researcher|interviewer|experimenter|evaluator"
              + "|investigator|note[ -]?taker)(?:[ \\t]*#?\\d+)?");
  private static final Pattern OBSERVER_NOTE =
      Pattern.compile(
          "(?i)^(?:\\*\\*|__)?(?:notes?|nb|n\\.b\\.|obs|observations?|observer(?:'s)? notes?"
              + "|field notes?|researcher(?:'s)? notes?)(?:\\*\\*|__)?[ \\t]*[:–—-](?:\\*\\*|__)?\\s");
  // a whole line in single emphasis, as Markdown notes mark an action: *scrolls down*, _(pause)_
  private static final Pattern ITALIC_LINE =
      Pattern.compile("^(?:\\*(?!\\*)[^*]+\\*|_(?!_)[^_]+_)$");

  /** Whether {@code speaker} labels the study's staff rather than the participant. */
  static boolean isStaff(String speaker, Optional<Set<String>> named) {
    return STAFF.matcher(speaker.strip()).matches() || Interviewers.isInterviewer(speaker, named);
  }

  /** The lines of {@code text}, classified; {@code named} are interviewers the metadata names. */
  static List<NoteLine> read(String text, Optional<Set<String>> named) {
    List<TranscriptLine> transcript = TranscriptLine.read(text);
    List<int[]> bounds = TranscriptLine.lineBounds(text);
    if (bounds.size() != transcript.size()) {
      throw new IllegalStateException("line split differs from the transcript reader's");
    }
    List<NoteLine> out = new ArrayList<>(bounds.size());
    for (int i = 0; i < bounds.size(); i++) {
      out.add(classify(text, bounds.get(i)[0], bounds.get(i)[1], transcript.get(i), named));
    }
    return out;
  }

  /** Whether the line carries words to keep. */
  boolean hasWords() {
    return end > start;
  }

  private static NoteLine classify(
      String text, int lineStart, int lineEnd, TranscriptLine line, Optional<Set<String>> named) {
    int indent = 0;
    while (lineStart + indent < lineEnd && isIndentChar(text.charAt(lineStart + indent))) {
      indent++;
    }
    int contentStart = lineStart + indent;
    int contentEnd = lineEnd;
    while (contentEnd > contentStart && Character.isWhitespace(text.charAt(contentEnd - 1))) {
      contentEnd--;
    }
    String content = text.substring(contentStart, contentEnd);
    switch (line.type()) {
      case BLANK -> {
        return new NoteLine(Type.BLANK, lineStart, lineStart, indent, null, null, lineStart);
      }
      case DIRECTION -> {
        return new NoteLine(Type.DIRECTION, lineStart, lineStart, indent, null, null, contentStart);
      }
      default -> {}
    }
    if (ITALIC_LINE.matcher(content).matches()) {
      // "*Note: she gave up here*" is the observer's note; "*scrolls down*" an action
      return OBSERVER_NOTE.matcher(content.substring(1, content.length() - 1)).find()
          ? new NoteLine(Type.NOTE, contentStart, contentEnd, indent, null, null, contentStart)
          : new NoteLine(Type.DIRECTION, lineStart, lineStart, indent, null, null, contentStart);
    }
    // a heading is flush left: an indented "2 Things I liked" is the participant talking
    Optional<String> heading = indent == 0 ? TaskHeading.parse(content) : Optional.empty();
    if (heading.isPresent()) {
      return new NoteLine(
          Type.HEADING, contentStart, contentEnd, indent, null, heading.get(), contentStart);
    }
    if (OBSERVER_NOTE.matcher(content).find()) {
      return new NoteLine(Type.NOTE, contentStart, contentEnd, indent, null, null, contentStart);
    }
    if (line.type() == TranscriptLine.Type.LABEL) {
      String speaker = line.label().speaker();
      if (isStaff(speaker, named)) {
        return new NoteLine(
            Type.PROMPT, line.start(), line.end(), indent, speaker, null, contentStart);
      }
      // not staff: the participant's own label, or words before a colon ("Home tab: right")
      return new NoteLine(
          Type.SPEECH, line.start(), line.end(), indent, speaker, null, contentStart);
    }
    return new NoteLine(Type.SPEECH, line.start(), line.end(), indent, null, null, line.start());
  }

  private static boolean isIndentChar(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0';
  }
}
