package org.quarry.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name a mistyped one was most likely meant to be: the same name in another case, the one
 * name it starts a word of ({@code North} for {@code North West}), else the closest by edit
 * distance when it is close enough to be a typo (at most a third of the word, and at most 3 edits).
 * For option names, fields and facet values alike.
 */
public final class DidYouMean {
  private DidYouMean() {}

  /** The closest of {@code known} to {@code typed}, ignoring case; empty when none is close. */
  public static Optional<String> closest(String typed, Collection<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    String started = null;
    int starting = 0;
    for (String k : known) {
      String lower = k.toLowerCase(Locale.ROOT);
      if (lower.equals(t)) {
        return Optional.of(k);
      }
      if (!t.isEmpty() && lower.startsWith(t + " ")) {
        started = k;
        starting++;
      }
    }
    if (starting == 1) {
      return Optional.of(started);
    }
    int allowed = Math.min(3, Math.max(1, t.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(t, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
        best = k;
        bestDistance = d;
      }
    }
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Levenshtein distance with adjacent transpositions (a common typo) counted as one edit. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
