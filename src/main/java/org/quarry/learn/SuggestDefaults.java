package org.quarry.learn;

/** Defaults the learner shares with the suggesters, kept here so this package needs no other. */
public final class SuggestDefaults {
  /**
   * The lexicon's threshold when no coded passage says better (as the coding package's default).
   */
  public static final double LEXICON_THRESHOLD = 0.3;

  private SuggestDefaults() {}
}
