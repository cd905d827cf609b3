package org.quarry.segment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task heading of think-aloud or usability-test notes, which starts a section: a numbered task
 * ({@code 1 Read the Home tab}, {@code 2. Book an appointment}), a sub-task ({@code 1.a Was the
 * information enough?}, {@code 2.1 Cancel it}), a named task ({@code Task 3: Find your results},
 * {@code Scenario B – Renew a prescription}), or any Markdown heading. The section is the heading
 * as written, without Markdown marks.
 */
final class TaskHeading {
  /** Task titles are short: a numbered line longer than this is a numbered sentence. */
  static final int MAX_WORDS = 14;

  static final int MAX_CHARS = 100;

  private static final Pattern MARKDOWN = Pattern.compile("^#{1,6}[ \\t]+(.+?)[ \\t#]*$");
  // "**1 Read the Home tab**": emphasis around the whole heading
  private static final Pattern EMPHASIS = Pattern.compile("^(\\*\\*|__)(.+)\\1$");
  // "1", "1.", "1)", "1.a", "1a", "1.a.", "2.1", "2.1.3": the number that opens a task title
  private static final String NUMBER = "\\d{1,2}(?:\\.?[a-z](?![\\p{L}])|\\.\\d{1,2})*+[.):]?";
  // the title opens with a capital or a quote mark, never lowercase prose ("2 weeks ago") or more
  // numbers ("4 8 1 5", a code read out)
  private static final Pattern NUMBERED = Pattern.compile("^" + NUMBER + "[ \\t]+[\\p{Lu}\"“‘'].*");
  private static final Pattern NAMED =
      Pattern.compile(
          "^(?i:task|scenario|activity|exercise)[ \\t]+(?:\\d{1,2}(?:\\.?[a-z]|\\.\\d{1,2})*|[A-Z])"
              + "[ \\t]*(?:$|[.):–—-][ \\t]*.*|[ \\t]\\p{Lu}.*)");

  private TaskHeading() {}

  /**
   * The section a heading line starts, or empty when {@code line} is not a task heading.
   *
   * @param line one line, without its line break; leading space is allowed (the caller decides
   *     whether an indented line can be a heading)
   */
  static Optional<String> parse(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > MAX_CHARS) {
      return Optional.empty();
    }
    Matcher md = MARKDOWN.matcher(s);
    if (md.matches()) {
      return Optional.of(withoutEmphasis(md.group(1).strip())).filter(h -> !h.isEmpty());
    }
    String plain = withoutEmphasis(s);
    if (plain.split("\\s+").length > MAX_WORDS) {
      return Optional.empty();
    }
    if (NUMBERED.matcher(plain).matches() || NAMED.matcher(plain).matches()) {
      return Optional.of(plain);
    }
    return Optional.empty();
  }

  /** Whether the line is a numbered or named task, not just any Markdown heading. */
  static boolean isNumberedTask(String line) {
    String plain = withoutEmphasis(line.strip().replaceFirst("^#{1,6}[ \\t]+", ""));
    return plain.length() <= MAX_CHARS
        && plain.split("\\s+").length <= MAX_WORDS
        && (NUMBERED.matcher(plain).matches() || NAMED.matcher(plain).matches());
  }

  private static String withoutEmphasis(String s) {
    Matcher m = EMPHASIS.matcher(s);
    return m.matches() ? m.group(2).strip() : s;
  }
}
