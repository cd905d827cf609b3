package org.quarry.text;

import static org.quarry.text.LabelGrammar.DASH;
import static org.quarry.text.LabelGrammar.NAME;
import static org.quarry.text.LabelGrammar.NOTE;
import static org.quarry.text.LabelGrammar.PAREN_TIME;
import static org.quarry.text.LabelGrammar.SPEECH;
import static org.quarry.text.LabelGrammar.SQUARE_TIME;
import static org.quarry.text.LabelGrammar.TIME;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways transcription tools and typists write a speaker label at the start of a line: one entry
 * each, with the pattern that reads it, an example, and how to write it. A new layout is one new
 * entry; {@link SpeakerLabel#parse} tries them in order, so a more specific layout comes before one
 * it would otherwise be mistaken for (a timestamped label is never read as a bare name).
 *
 * <p>Every layout allows the speech to start on the label's line or on the lines below it, except
 * {@link #NAME_THEN_TIME_LINE} and {@link #TIME_THEN_NAME_LINE}, whose labels fill their line.
 */
public enum TranscriptLayout {
  /** {@code [00:01:23] Jane Smith: text}, also with round brackets or a dash before the name. */
  BRACKETED_TIME_THEN_NAME(
      "[00:01:23] Jane Smith: Right.",
      "^(?<time>\\[" + TIME + "\\]|\\(" + TIME + "\\))" + DASH + NAME + "[ \\t]?:" + SPEECH,
      true) {
    @Override
    public String label(String speaker, String time) {
      return "[" + time + "] " + speaker + ":";
    }
  },
  /** {@code 00:01:23 Jane Smith: text}. */
  TIME_THEN_NAME(
      "00:01:23 Jane Smith: Right.",
      "^(?<time>" + TIME + ")" + DASH + NAME + "[ \\t]?:" + SPEECH,
      true) {
    @Override
    public String label(String speaker, String time) {
      return time + " " + speaker + ":";
    }
  },
  /**
   * {@code 00:01:23 Jane Smith} alone on its line, the speech below (Microsoft Word's
   * transcription).
   */
  TIME_THEN_NAME_LINE(
      "00:01:23 Jane Smith", "^(?<time>" + TIME + ")[ \\t]+" + NAME + "[ \\t]*$", false) {
    @Override
    public String label(String speaker, String time) {
      return time + " " + speaker;
    }
  },
  /** {@code RESPONDENT [00:09]: text}, the colon optional. */
  NAME_THEN_SQUARE_TIME(
      "Jane Smith [00:01:23]: Right.",
      "^" + NAME + "[ \\t]*(?<time>" + SQUARE_TIME + ")[ \\t]*:?" + SPEECH,
      true) {
    @Override
    public String label(String speaker, String time) {
      return speaker + " [" + time + "]:";
    }
  },
  /** {@code Jane Smith (00:01:23): text}, the colon optional. */
  NAME_THEN_PAREN_TIME(
      "Jane Smith (00:01:23): Right.",
      "^" + NAME + "[ \\t]*(?<time>" + PAREN_TIME + ")[ \\t]*:?" + SPEECH,
      true) {
    @Override
    public String label(String speaker, String time) {
      return speaker + " (" + time + "):";
    }
  },
  /**
   * {@code Jane Smith 00:01:23} alone on its line, the speech below (Otter, Zoom); when a PDF
   * extraction has pulled the speech up, it follows the time, and the name is set off by two
   * spaces.
   */
  NAME_THEN_TIME_LINE(
      "Jane Smith  00:01:23",
      "^"
          + NAME
          + "(?=[ \\t]{2,}|[ \\t]+"
          + TIME
          + "[ \\t]*$)[ \\t]+(?<time>"
          + TIME
          + ")"
          + SPEECH,
      false) {
    @Override
    public String label(String speaker, String time) {
      return speaker + "  " + time;
    }
  },
  /** {@code [Jane Smith] 00:01:23 text} (Zoom). */
  BRACKETED_NAME_THEN_TIME(
      "[Jane Smith] 00:01:23 Right.",
      "^\\[" + NAME + "\\][ \\t]+(?<time>" + TIME + ")[ \\t]*:?" + SPEECH,
      true) {
    @Override
    public String label(String speaker, String time) {
      return "[" + speaker + "] " + time;
    }
  },
  /** {@code **Jane Smith:** text} or {@code **Jane Smith**: text} (Markdown emphasis). */
  EMPHASIZED_NAME(
      "**Jane Smith:** Right.",
      "^(?<em>\\*\\*|__|\\*|_)" + NAME + NOTE + "(?:\\k<em>[ \\t]?:|[ \\t]?:\\k<em>)" + SPEECH,
      true) {
    @Override
    public String label(String speaker, String time) {
      return "**" + speaker + ":**";
    }
  },
  /**
   * {@code Jane Smith: text}, {@code JANE:}, {@code I:}, {@code P01:}, {@code Participant 3:}, and
   * with a short note after the name ({@code P3 (GP, female):}).
   */
  NAME_COLON("Jane Smith: Right.", "^" + NAME + NOTE + "[ \\t]?:" + SPEECH, true) {
    @Override
    public String label(String speaker, String time) {
      return speaker + ":";
    }
  };

  /** The timestamp syntax every timed layout uses, for finding timestamps elsewhere in a line. */
  public static final String TIME_PATTERN = TIME;

  private final String example;
  private final Pattern pattern;
  private final boolean speechOnLabelLine;

  TranscriptLayout(String example, String regex, boolean speechOnLabelLine) {
    this.example = example;
    this.pattern = Pattern.compile(regex);
    this.speechOnLabelLine = speechOnLabelLine;
  }

  /**
   * The label as this layout writes it.
   *
   * @param speaker the speaker as it should read back
   * @param time a timestamp such as {@code 00:01:23}; ignored by untimed layouts
   */
  public abstract String label(String speaker, String time);

  /** A line in this layout, for documentation and tests. */
  public String example() {
    return example;
  }

  /** Whether speech may follow the label on its own line (else it starts on the next line). */
  public boolean speechOnLabelLine() {
    return speechOnLabelLine;
  }

  /** Whether the layout writes a timestamp with the label. */
  public boolean timed() {
    return pattern.namedGroups().containsKey("time");
  }

  /**
   * The label at the start of {@code rest} in this layout, if any; positions are shifted by {@code
   * indent}, the length of the whitespace {@code rest} was cut from.
   */
  Optional<SpeakerLabel> match(String rest, int indent) {
    Matcher m = pattern.matcher(rest);
    if (!m.lookingAt() || !SpeakerLabel.isSpeakerName(m.group("name"))) {
      return Optional.empty();
    }
    String time = timed() ? m.group("time").replaceAll("[\\[\\]()]", "") : null;
    return Optional.of(new SpeakerLabel(m.group("name").strip(), time, indent + m.end(), this));
  }
}
