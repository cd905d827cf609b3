package org.quarry.segment;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quarry.model.Source;
import org.quarry.segment.NoteLine.Type;
import org.quarry.text.Interviewers;

/**
 * The layout of a source read as think-aloud or observation notes, and whether it is such notes.
 *
 * <p>Notes of a think-aloud or usability session label only the staff ({@code MODERATOR:}, {@code
 * Facilitator:}, {@code Observer:}); everything unlabelled is the participant thinking aloud. They
 * are told apart from a paper that quotes a few labelled lines, and from an interview where both
 * sides are labelled, by: at least {@value #MIN_PROMPTS} staff prompts, no other speaker labelled
 * twice (the participant's own code aside), prompts frequent enough (one per {@value
 * #MAX_LINES_PER_PROMPT} lines of speech and one per {@value #MAX_PARAGRAPHS_PER_PROMPT} paragraphs
 * at least), and one sign of notes: two numbered task headings, participant lines indented under
 * the prompts, prompts answered on the very next line, or front matter that says so ({@code type:
 * think-aloud}).
 *
 * @param lines the source's lines, classified
 * @param headerEnd index of the first line after an opening header block ({@code Date: …}, {@code
 *     Participant: P9}); 0 without one
 * @param promptIndent the indentation of the staff's prompts
 * @param indentedSpeech whether the participant's lines are indented deeper than the prompts, so
 *     that a flush line right after a prompt continues the prompt
 * @param paragraphPrompts whether a prompt runs to the end of its paragraph (prompts are followed
 *     by a blank line), not just its line
 */
record ThinkAloudNotes(
    List<NoteLine> lines,
    int headerEnd,
    int promptIndent,
    boolean indentedSpeech,
    boolean paragraphPrompts) {

  static final int MIN_PROMPTS = 2;
  static final int MAX_LINES_PER_PROMPT = 15;
  static final int MAX_PARAGRAPHS_PER_PROMPT = 4;

  private static final Set<String> NOTES_TYPES =
      Set.of(
          "think-aloud",
          "think aloud",
          "thinkaloud",
          "usability test",
          "usability-test",
          "observation",
          "observation notes",
          "session notes");
  // "Date: 14 March", "Participant: P9": a header line's key and a short value
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "^(?:\\*\\*|__)?(\\p{L}[\\p{L}\\p{N} ./'’#-]{0,30}?)(?:\\*\\*|__)?[ \\t]*:"
              + "(?:\\*\\*|__)?[ \\t]+(\\S.*)$");
  private static final Pattern PARTICIPANT_KEY =
      Pattern.compile("(?i)participant(?:[ \\t]*(?:id|code|no\\.?|number|#))?");
  private static final int MAX_HEADER_VALUE_WORDS = 8;

  /** The source's lines and layout. */
  static ThinkAloudNotes read(Source source) {
    List<NoteLine> lines = NoteLine.read(source.text(), Interviewers.named(source.metadata()));
    int headerEnd = headerEnd(source.text(), lines);
    int promptIndent = Integer.MAX_VALUE;
    int prompts = 0;
    int answeredOnNextLine = 0;
    int blankAfter = 0;
    for (int i = headerEnd; i < lines.size(); i++) {
      NoteLine line = lines.get(i);
      if (line.type() != Type.PROMPT) {
        continue;
      }
      prompts++;
      promptIndent = Math.min(promptIndent, line.indent());
      int j = i + 1;
      while (j < lines.size() && lines.get(j).type() == Type.DIRECTION) {
        j++;
      }
      if (j < lines.size() && lines.get(j).type() == Type.SPEECH) {
        answeredOnNextLine++;
      } else if (j < lines.size() && lines.get(j).type() == Type.BLANK) {
        blankAfter++;
      }
    }
    promptIndent = prompts == 0 ? 0 : promptIndent;
    int speech = 0;
    int deeper = 0;
    for (int i = headerEnd; i < lines.size(); i++) {
      NoteLine line = lines.get(i);
      if (line.type() == Type.SPEECH) {
        speech++;
        if (line.indent() > promptIndent) {
          deeper++;
        }
      }
    }
    boolean indented = deeper >= 2 && deeper * 5 >= speech * 3;
    boolean paragraphs = !indented && blankAfter > answeredOnNextLine;
    return new ThinkAloudNotes(lines, headerEnd, promptIndent, indented, paragraphs);
  }

  /**
   * Whether {@code source} is think-aloud or observation notes (see the class comment).
   *
   * @param participant the session's participant code, if known: their own label is no sign of an
   *     interview
   */
  boolean looksLikeNotes(Source source, Optional<String> participant) {
    boolean declared = declaredNotes(source);
    int prompts = 0;
    int speech = 0;
    int paragraphs = 0;
    int numberedTasks = 0;
    int answered = 0;
    Map<String, Integer> otherLabels = new HashMap<>();
    boolean inParagraph = false;
    for (int i = headerEnd; i < lines.size(); i++) {
      NoteLine line = lines.get(i);
      switch (line.type()) {
        case PROMPT -> {
          prompts++;
          inParagraph = false;
          if (nextIsSpeech(i)) {
            answered++;
          }
        }
        case HEADING -> {
          inParagraph = false;
          if (TaskHeading.isNumberedTask(headingText(source.text(), line))) {
            numberedTasks++;
          }
        }
        case NOTE, BLANK -> inParagraph = false;
        case DIRECTION -> {}
        case SPEECH -> {
          speech++;
          if (!inParagraph) {
            paragraphs++;
          }
          inParagraph = true;
          if (line.speaker() != null && !isParticipantLabel(line.speaker(), participant)) {
            otherLabels.merge(Interviewers.key(line.speaker()), 1, Integer::sum);
          }
        }
      }
    }
    if (prompts < (declared ? 1 : MIN_PROMPTS) || speech == 0) {
      return false;
    }
    // a second labelled speaker who comes back: an interview or focus group, labelled both ways
    boolean otherSpeakerRecurs = otherLabels.values().stream().anyMatch(n -> n >= 2);
    int others = otherLabels.values().stream().mapToInt(Integer::intValue).sum();
    if (otherSpeakerRecurs || others * 3 > prompts) {
      return false;
    }
    if (declared) {
      return true;
    }
    boolean frequentPrompts =
        prompts * MAX_LINES_PER_PROMPT >= speech
            && prompts * MAX_PARAGRAPHS_PER_PROMPT >= paragraphs;
    boolean notesSign = numberedTasks >= 2 || indentedSpeech || answered * 2 >= prompts;
    return frequentPrompts && notesSign;
  }

  /**
   * The participant of the session: the {@code participant} metadata (front matter), else a {@code
   * Participant: P9} line of the header block, else a code in the file name ({@link
   * FileParticipant#code}); empty when none names one.
   */
  Optional<String> participant(Source source) {
    String meta = source.metadata().get(TranscriptSegmenter.PARTICIPANT_KEY);
    if (meta != null && !meta.isBlank()) {
      return Optional.of(meta.strip());
    }
    return headerParticipant(source.text()).or(() -> FileParticipant.code(source.id()));
  }

  /** Whether a speech line's label is the participant's own ({@code P9:}, {@code Participant:}). */
  static boolean isParticipantLabel(String speaker, Optional<String> participant) {
    String key = Interviewers.key(speaker);
    return participant.map(p -> Interviewers.key(p).equals(key)).orElse(false)
        || key.equals("participant")
        || key.equals("p");
  }

  private boolean nextIsSpeech(int i) {
    int j = i + 1;
    while (j < lines.size() && lines.get(j).type() == Type.DIRECTION) {
      j++;
    }
    return j < lines.size() && lines.get(j).type() == Type.SPEECH;
  }

  private Optional<String> headerParticipant(String text) {
    for (int i = 0; i < headerEnd; i++) {
      NoteLine line = lines.get(i);
      if (line.type() == Type.BLANK) {
        continue;
      }
      Matcher kv = KEY_VALUE.matcher(lineText(text, line));
      if (kv.matches() && PARTICIPANT_KEY.matcher(kv.group(1).strip()).matches()) {
        // "P9 (female, 34)": the code, without the description after it
        String value = kv.group(2).split("[(,;]", 2)[0].strip();
        if (!value.isEmpty()) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean declaredNotes(Source source) {
    for (String key : List.of("kind", "type")) {
      String value = source.metadata().get(key);
      if (value != null && NOTES_TYPES.contains(value.strip().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * End of the opening paragraph when it is a header block: two or more {@code Key: value} lines
   * with short values (a date, a name, a code), perhaps under a title line, and nothing else.
   */
  private static int headerEnd(String text, List<NoteLine> lines) {
    int i = 0;
    while (i < lines.size() && lines.get(i).type() == Type.BLANK) {
      i++;
    }
    int first = i;
    int keyValues = 0;
    for (; i < lines.size() && lines.get(i).type() != Type.BLANK; i++) {
      NoteLine line = lines.get(i);
      if (line.type() == Type.DIRECTION) {
        continue;
      }
      Matcher kv = KEY_VALUE.matcher(lineText(text, line));
      boolean shortValue =
          kv.matches()
              && kv.group(2).strip().split("\\s+").length <= MAX_HEADER_VALUE_WORDS
              && !kv.group(2).strip().endsWith("?");
      if (shortValue) {
        keyValues++;
      } else if (i != first || line.type() == Type.HEADING) {
        return 0;
      }
    }
    return keyValues >= 2 && i < lines.size() ? i : 0;
  }

  private static String lineText(String text, NoteLine line) {
    return text.substring(line.lineStart(), Math.max(line.end(), line.lineStart())).strip();
  }

  private static String headingText(String text, NoteLine line) {
    return text.substring(line.start(), line.end());
  }
}
