package org.quarry.model;

/**
 * A lexicon term that matched, and where: the words that earned a suggestion.
 *
 * @param term the lexicon entry that matched (as written in the codebook)
 * @param matched the words it matched
 * @param start first code point of the match in the source file as read
 * @param end one past the last code point
 * @param context null when the words are in the suggested passage itself; else the id of the
 *     passage they are in, the suggested passage's context (the narrative that introduces a quote,
 *     the question before a turn)
 */
public record Evidence(String term, String matched, int start, int end, String context) {
  /** Words of the suggested passage itself. */
  public Evidence(String term, String matched, int start, int end) {
    this(term, matched, start, end, null);
  }

  /** Whether the words are in the passage's context rather than in the passage. */
  public boolean inContext() {
    return context != null;
  }
}
