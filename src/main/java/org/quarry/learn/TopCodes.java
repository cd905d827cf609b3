package org.quarry.learn;

/** Which codes are among a passage's {@code top} highest-scoring (ties: the earlier code). */
public final class TopCodes {
  private TopCodes() {}

  /**
   * {@code mark[c][i]}: whether code c is among passage i's {@code top} best by {@code
   * scores[c][i]}.
   */
  public static boolean[][] mark(double[][] scores, int top) {
    int codes = scores.length;
    int n = codes == 0 ? 0 : scores[0].length;
    boolean[][] mark = new boolean[codes][n];
    int[] best = new int[Math.min(top, codes)];
    for (int i = 0; i < n; i++) {
      int kept = 0;
      for (int c = 0; c < codes; c++) {
        // insertion into the passage's best codes, kept in order
        int pos = kept;
        while (pos > 0 && scores[c][i] > scores[best[pos - 1]][i]) {
          pos--;
        }
        if (pos >= best.length) {
          continue;
        }
        for (int j = Math.min(kept, best.length - 1); j > pos; j--) {
          best[j] = best[j - 1];
        }
        best[pos] = c;
        kept = Math.min(kept + 1, best.length);
      }
      for (int j = 0; j < kept; j++) {
        mark[best[j]][i] = true;
      }
    }
    return mark;
  }
}
