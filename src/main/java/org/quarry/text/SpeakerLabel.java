package org.quarry.text;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A speaker label at the start of a transcript line, in one of the {@link TranscriptLayout}s.
 * Whether the words of a label are a speaker at all is decided here, once for every layout: a name,
 * role or code of at most {@value #MAX_WORDS} capitalised words, never a heading word that takes a
 * colon in papers and topic guides ({@code Note:}, {@code Table 2:}, {@code Date:}).
 *
 * @param speaker the label as written, trimmed ({@code P01}, {@code R}, {@code Dr Jane Smith})
 * @param timestamp the timestamp written with the label, or null
 * @param speechStart index in the line where the turn's speech begins; the line's length when the
 *     label fills the line
 * @param layout the layout the label is written in
 */
public record SpeakerLabel(
    String speaker, String timestamp, int speechStart, TranscriptLayout layout) {

  /** Labels are short: a name, a role or a code, never a clause. */
  public static final int MAX_WORDS = 4;

  static final int MAX_CHARS = 40;

  /** Where a label's first colon can be at the latest: a timestamp, a name and a short note. */
  private static final int MAX_PREFIX = 100;

  /**
   * First words of headings and metadata lines that take a colon in papers, topic guides and
   * transcript headers ({@code Note:}, {@code Theme 1:}, {@code Box 1:}, {@code Date:}); a speaker
   * is never called this.
   */
  private static final Set<String> NOT_SPEAKERS =
      Set.of(
          ("note notes nb ps theme subtheme sub-theme box table figure fig appendix source "
                  + "sources step section chapter part example abstract objective objectives aim "
                  + "aims design setting method methods result results conclusion conclusions "
                  + "background keywords key email e-mail tel telephone phone fax url web website "
                  + "doi date time title language location duration transcript transcribed "
                  + "transcriber transcription recording recorded file project study subject re to "
                  + "from cc bcc warning tip summary reference references funding contributors "
                  + "correspondence category type status version page interview participants "
                  + "attendees present apologies agenda action actions minutes item prompt prompts "
                  + "probe probes topic topics session site venue length word words copyright "
                  + "licence license available accessed retrieved published submitted received "
                  + "accepted http https www")
              .split(" "));

  /** Lowercase name particles allowed inside a capitalised name ({@code Ludwig van Beethoven}). */
  private static final Set<String> PARTICLES =
      Set.of(
          ("de van von der den da del della di du la le al el bin ibn ten ter dos das").split(" "));

  /**
   * The label that starts {@code line}, if it has one.
   *
   * @param line one line of a transcript, without its line break
   */
  public static Optional<SpeakerLabel> parse(String line) {
    int indent = 0;
    while (indent < line.length() && Character.isWhitespace(line.charAt(indent))) {
      indent++;
    }
    // every layout has a colon (after the name, or in the timestamp) near the line's start
    int colon = line.indexOf(':', indent);
    if (colon < 0 || colon - indent > MAX_PREFIX) {
      return Optional.empty();
    }
    String rest = line.substring(indent);
    for (TranscriptLayout layout : TranscriptLayout.values()) {
      Optional<SpeakerLabel> label = layout.match(rest, indent);
      if (label.isPresent()) {
        return label;
      }
    }
    return Optional.empty();
  }

  /** Whether this label carries a timestamp, the surest sign of a transcription tool's output. */
  public boolean timed() {
    return timestamp != null;
  }

  /** Whether the label fills its line, so the turn's speech starts on the next line. */
  public boolean fills(String line) {
    return line.substring(Math.min(speechStart, line.length())).isBlank();
  }

  /** Whether {@code name} can be a speaker: a short capitalised name, a known role, or a code. */
  static boolean isSpeakerName(String name) {
    if (name.length() > MAX_CHARS) {
      return false;
    }
    String[] words = name.strip().split("[ \\t]+");
    if (words.length > MAX_WORDS) {
      return false;
    }
    String first = words[0].toLowerCase(Locale.ROOT);
    if (first.endsWith(".")) {
      first = first.substring(0, first.length() - 1);
    }
    if (NOT_SPEAKERS.contains(first)) {
      return false;
    }
    // prose that happens to end a short clause with a colon ("He said:") has lowercase words;
    // names and codes are capitalised, and lowercase role labels ("interviewer:") are known
    if (!Character.isUpperCase(words[0].charAt(0)) && !SpeakerRoles.isRole(name)) {
      return false;
    }
    for (int i = 1; i < words.length; i++) {
      char c = words[i].charAt(0);
      if (!Character.isUpperCase(c)
          && !Character.isDigit(c)
          && c != '#'
          && !PARTICLES.contains(words[i])) {
        return false;
      }
    }
    return true;
  }
}
