package org.quarry.segment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The participant code a file name implies, for transcripts where only the interviewer is labelled:
 * a code-like token ({@code P7}, {@code P12}, {@code R3}, {@code ID-04}) in the name, or a spelled
 * out {@code Participant 9} (as {@code P9}); else the name without folders and extension.
 */
final class FileParticipant {
  // a short letter prefix and a number, standing alone between separators: "interview_P12_final"
  private static final Pattern CODE =
      Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L}{1,3}[-_]?\\d{1,4})(?![\\p{L}\\p{N}])");
  private static final Pattern SPELLED =
      Pattern.compile("(?i)(?<![\\p{L}\\p{N}])participant[ _-]*(\\d{1,4})(?![\\p{L}\\p{N}])");

  private FileParticipant() {}

  /** The participant code for the file {@code id} ({@code dir/P7.txt} → {@code P7}). */
  static String of(String id) {
    return code(id).orElseGet(() -> base(id));
  }

  /**
   * The participant code in the name of the file {@code id}, if it holds one: {@code P09} in {@code
   * P09_session.txt}, {@code P9} in {@code Participant 9.docx}; empty for {@code
   * session-notes.txt}.
   */
  static Optional<String> code(String id) {
    String base = base(id);
    Matcher spelled = SPELLED.matcher(base);
    if (spelled.find()) {
      return Optional.of("P" + spelled.group(1));
    }
    Matcher m = CODE.matcher(base);
    String first = null;
    while (m.find()) {
      String token = m.group(1);
      // "v2" or "pt3" is likelier a version or part than the capitalised code researchers use
      if (Character.isUpperCase(token.charAt(0))) {
        return Optional.of(token);
      }
      if (first == null) {
        first = token;
      }
    }
    return Optional.ofNullable(first);
  }

  private static String base(String id) {
    String name = id.substring(Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
