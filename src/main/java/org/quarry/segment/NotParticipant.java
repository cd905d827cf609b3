package org.quarry.segment;

import java.util.regex.Pattern;

/**
 * Tokens shaped like participant codes that name something else: trial and review registrations
 * ({@code NCT03898349}, {@code ISRCTN12345678}, {@code CRD42020123456}), grant and project numbers
 * (six digits or more), interview-guide question numbers ({@code Q1}), table, figure and
 * supplementary-file labels, and the names of viruses.
 *
 * <p>Participant codes number people in one study, so they have few digits; a long number is a
 * registration or a grant wherever it stands.
 */
final class NotParticipant {
  private static final Pattern REGISTRATION =
      Pattern.compile(
          "(?i)(?:NCT|ISRCTN|ACTRN|CRD|DRKS|ChiCTR|CTRI|PACTR|IRCT|UMIN|EUCTR|NTR|ANZCTR)[-/0-9].*");
  private static final Pattern QUESTION = Pattern.compile("(?i)(?:Q|SQ|RQ|IQ)[0-9]{1,2}[a-z]?");
  private static final Pattern LABEL =
      Pattern.compile(
          "(?i)(?:Table|Tab|Fig|Figure|Box|Appendix|Supplement|File|Eq|Equation|Section|Step|Phase|Wave|Round|Chapter)\\b.*");
  private static final Pattern VIRUS =
      Pattern.compile("(?i)(?:COVID|SARS|MERS|H[0-9]N[0-9]|HIV|HPV|CoV).*");
  private static final int MAX_DIGITS = 5;

  private NotParticipant() {}

  /** True when {@code code}, as printed, is something other than a participant. */
  static boolean is(String code) {
    String c = code.strip();
    long digits = c.chars().filter(Character::isDigit).count();
    return digits > MAX_DIGITS
        || REGISTRATION.matcher(c).matches()
        || QUESTION.matcher(c).matches()
        || LABEL.matcher(c).matches()
        || VIRUS.matcher(c).matches();
  }
}
