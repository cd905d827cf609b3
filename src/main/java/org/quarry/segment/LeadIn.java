package org.quarry.segment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authors' words that introduce an extract without quote marks when the PDF rendering ran them
 * into one paragraph: {@code …rather than on a 1-day relapse: I think just consistency…}.
 *
 * <p>A lead-in ends with a colon before a capitalised word and reads as narrative about the
 * participants (it names them, or a reporting verb, or gives an example); a colon inside speech
 * ({@code I told her: Don't}) is left alone.
 */
final class LeadIn {
  private static final Pattern COLON = Pattern.compile(":\\s+(?=[\\p{Lu}\"“‘'])");
  private static final Pattern NARRATIVE =
      Pattern.compile(
          "(?i)\\b(?:participants?|respondents?|interviewees?|informants?|users|patients|they|he|she|his|her|their"
              + "|said|says|stated|explained|described|noted|commented|reported|mentioned|shared|expressed"
              + "|for instance|for example|e\\.g\\.|as follows|such as|illustrat\\w*|exemplif\\w*)\\b");

  /** A lead-in is a clause, not a word or two of speech before a colon. */
  private static final int MIN_WORDS = 4;

  private LeadIn() {}

  /** Where the extract in {@code text[start, end)} begins: after a lead-in, or {@code start}. */
  static int end(String text, int start, int end) {
    Matcher m = COLON.matcher(text).region(start, end);
    int after = -1;
    int colon = -1;
    while (m.find()) {
      colon = m.start();
      after = m.end();
    }
    if (after < 0) {
      return start;
    }
    String lead = text.substring(start, colon);
    // the lead-in is the last sentence before the colon: first person there is speech, not
    // narrative
    int sentence =
        Math.max(Math.max(lead.lastIndexOf(". "), lead.lastIndexOf("? ")), lead.lastIndexOf("! "));
    String clause = sentence >= 0 ? lead.substring(sentence + 2) : lead;
    boolean firstPerson = clause.matches("(?s).*\\b(?:I|I'm|I've|me|my|we|our|us)\\b.*");
    if (clause.split("\\s+").length < MIN_WORDS
        || firstPerson
        || !NARRATIVE.matcher(clause).find()) {
      return start;
    }
    return after;
  }
}
