package org.quarry.segment;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A speaker label at the start of a transcript line, in one of the layouts transcription tools and
 * typists write: {@code Jane Smith: text}, {@code P01: text}, {@code Jane Smith 00:13} (Otter,
 * speech on the next lines), {@code [00:01:23] Speaker: text}, {@code 00:01:23 Speaker: text},
 * {@code Speaker (00:01:23): text}, {@code Speaker [00:01:23]} and {@code [Speaker] 00:01:23}
 * (Zoom). Markdown emphasis around a label ({@code **Interviewer:**}) and a short note after the
 * name ({@code P3 (GP, female):}) are allowed; the note is not part of the speaker.
 *
 * @param speaker the label as written, trimmed ({@code P01}, {@code R}, {@code Dr Jane Smith})
 * @param timestamp the timestamp written with the label, or null
 * @param speechStart index in the line where the turn's speech begins; the line's length when the
 *     label fills the line
 */
public record SpeakerLabel(String speaker, String timestamp, int speechStart) {

  /** Labels are short: a name, a role or a code, never a clause. */
  static final int MAX_WORDS = 4;

  static final int MAX_CHARS = 40;

  /** Where a label's first colon can be at the latest: a timestamp, a name and a short note. */
  private static final int MAX_PREFIX = 100;

  static final String TIME = "\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?";
  private static final String BRACKETED_TIME = "[\\[(]" + TIME + "[\\])]";
  // possessive: a word never gives back letters, so a long line of prose fails fast
  private static final String WORD = "\\p{L}[\\p{L}\\p{M}\\p{N}'’.\\-]*+";
  private static final String NEXT_WORD = "(?:" + WORD + "|#?\\p{N}++\\p{L}?)";
  private static final String NAME = "(?<name>" + WORD + "(?:[ \\t]" + NEXT_WORD + "){0,3})";
  private static final String SPEECH = "(?:[ \\t]+|$)";
  private static final String EMPHASIS = "(?:\\*\\*|__|\\*|_)?";

  // most specific first: a timestamped label must not be read as a bare name label
  private static final Pattern TIME_THEN_NAME =
      Pattern.compile(
          "^(?<time>"
              + BRACKETED_TIME
              + "|"
              + TIME
              + ")[ \\t]*(?:[-–][ \\t]*)?"
              + NAME
              + "[ \\t]?:"
              + SPEECH);
  private static final Pattern NAME_THEN_BRACKETED_TIME =
      Pattern.compile("^" + NAME + "[ \\t]*(?<time>" + BRACKETED_TIME + ")[ \\t]*:?" + SPEECH);
  private static final Pattern NAME_THEN_TIME_LINE =
      Pattern.compile("^" + NAME + "[ \\t]+(?<time>" + TIME + ")[ \\t]*$");
  private static final Pattern BRACKETED_NAME_THEN_TIME =
      Pattern.compile("^\\[" + NAME + "\\][ \\t]+(?<time>" + TIME + ")[ \\t]*:?" + SPEECH);
  private static final Pattern NAME_COLON =
      Pattern.compile(
          "^"
              + EMPHASIS
              + NAME
              + "(?:[ \\t]*\\([\\p{L}\\p{N} ,'’/\\-]{1,30}\\))?"
              + EMPHASIS
              + "[ \\t]?:"
              + EMPHASIS
              + SPEECH);

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

  private static final Pattern ROLE =
      Pattern.compile(
          "(?i)(interviewer|interviewee|respondent|participant|moderator|facilitator|researcher"
              + "|speaker|int|mod|fac|i|r|p|q|a)(?:[ \\t]*#?\\d+)?");

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
    for (Pattern p :
        new Pattern[] {
          TIME_THEN_NAME,
          NAME_THEN_BRACKETED_TIME,
          NAME_THEN_TIME_LINE,
          BRACKETED_NAME_THEN_TIME,
          NAME_COLON
        }) {
      Matcher m = p.matcher(rest);
      if (m.lookingAt() && isSpeakerName(m.group("name"))) {
        String time = p == NAME_COLON ? null : stripBrackets(m.group("time"));
        return Optional.of(new SpeakerLabel(m.group("name").strip(), time, indent + m.end()));
      }
    }
    return Optional.empty();
  }

  /** Whether this label carries a timestamp, the surest sign of a transcription tool's output. */
  public boolean timed() {
    return timestamp != null;
  }

  /**
   * Whether {@code speaker} is a generic role or code label ({@code I}, {@code R3}, {@code
   * Interviewer}, {@code Speaker 2}) rather than a person's name.
   */
  static boolean isRole(String speaker) {
    return ROLE.matcher(speaker.strip()).matches();
  }

  private static boolean isSpeakerName(String name) {
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
    if (!Character.isUpperCase(words[0].charAt(0)) && !isRole(name)) {
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

  private static String stripBrackets(String time) {
    return time.replaceAll("[\\[\\]()]", "");
  }
}
