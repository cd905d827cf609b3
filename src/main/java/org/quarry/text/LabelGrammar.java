package org.quarry.text;

/**
 * The regular-expression pieces speaker labels are built from: a timestamp, a word, a name of up to
 * four words. Kept apart from {@link TranscriptLayout} so that its entries can use them.
 */
final class LabelGrammar {
  /** {@code 0:01}, {@code 00:01:23}, {@code 00:01:23.450}. */
  static final String TIME = "\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?";

  static final String SQUARE_TIME = "\\[" + TIME + "\\]";
  static final String PAREN_TIME = "\\(" + TIME + "\\)";

  // possessive: a word never gives back letters, so a long line of prose fails fast
  private static final String WORD = "\\p{L}[\\p{L}\\p{M}\\p{N}'’.\\-]*+";
  // a number of at most three digits ("Speaker 2", "Respondent 14"): "April 2020:" is a date
  private static final String NEXT_WORD = "(?:" + WORD + "|#?\\p{N}{1,3}+(?!\\p{N})\\p{L}?)";

  /** A name, role or code of one to four words, captured as {@code name}. */
  static final String NAME = "(?<name>" + WORD + "(?:[ \\t]" + NEXT_WORD + "){0,3})";

  /** A short note after a name ({@code P3 (GP, female):}); not part of the speaker. */
  static final String NOTE = "(?:[ \\t]*\\([\\p{L}\\p{N} ,'’/\\-]{1,30}\\))?";

  /** Where the speech starts: after spaces, or nowhere when the label fills the line. */
  static final String SPEECH = "(?:[ \\t]+|$)";

  /** An optional dash between a timestamp and a name ({@code 00:01:23 - Jane:}). */
  static final String DASH = "[ \\t]*(?:[-–][ \\t]*)?";

  private LabelGrammar() {}
}
