package org.quarry.model;

import java.util.List;

/**
 * Suggestions measured against human coding, next to the keyword baseline.
 *
 * <p>Precision, recall and F1 are over the gold passages (passages that at least one gold item was
 * matched to): a code predicted for a gold passage that no gold item gives it is a false positive,
 * a gold code not predicted a false negative. Passages no one coded are left out, since nobody said
 * whether their codes are wrong. Micro sums counts over codes; macro averages the per-code figures
 * over the codebook's codes (0 when undefined). Top-1 accuracy is over matched gold items: the
 * passage's highest-scoring code is the item's code.
 *
 * @param threshold the score at or above which a Quarry suggestion counts as a prediction
 * @param items gold items read
 * @param outsideCodebook items whose code is not in the codebook (left out)
 * @param matched items matched to a passage
 * @param passages gold passages
 * @param codes per code, in codebook order
 * @param quarryMicro Quarry, micro-averaged
 * @param quarryMacro Quarry, macro-averaged
 * @param baselineMicro keyword baseline, micro-averaged
 * @param baselineMacro keyword baseline, macro-averaged
 * @param quarryTop1 Quarry's top-1 accuracy
 * @param baselineTop1 the baseline's top-1 accuracy
 * @param top1Correct matched items whose passage's top Quarry code is right
 * @param baselineTop1Correct matched items whose passage's top baseline code is right
 * @param unmatched gold items matched to no passage
 */
public record EvalReport(
    double threshold,
    int items,
    int outsideCodebook,
    int matched,
    int passages,
    List<CodeResult> codes,
    Scores quarryMicro,
    Scores quarryMacro,
    Scores baselineMicro,
    Scores baselineMacro,
    double quarryTop1,
    double baselineTop1,
    int top1Correct,
    int baselineTop1Correct,
    List<GoldItem> unmatched) {
  public EvalReport {
    codes = List.copyOf(codes);
    unmatched = List.copyOf(unmatched);
  }

  /**
   * One code's figures.
   *
   * @param code the code id
   * @param gold gold passages with this code
   * @param quarry Quarry's suggestions
   * @param baseline the keyword baseline
   */
  public record CodeResult(String code, int gold, Scores quarry, Scores baseline) {}

  /**
   * Counts and the figures they give (macro rows carry averaged figures and summed counts).
   *
   * @param tp true positives
   * @param fp false positives
   * @param fn false negatives
   * @param precision tp / (tp + fp), 0 when nothing was predicted
   * @param recall tp / (tp + fn), 0 when nothing was expected
   * @param f1 harmonic mean of precision and recall, 0 when both are 0
   */
  public record Scores(int tp, int fp, int fn, double precision, double recall, double f1) {
    /** Figures from counts. */
    public static Scores of(int tp, int fp, int fn) {
      double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      return new Scores(tp, fp, fn, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
  }
}
