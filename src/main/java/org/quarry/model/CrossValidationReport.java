package org.quarry.model;

import java.util.List;
import java.util.Map;

/**
 * A cross-validation's report: the suggestion methods measured against human coding, with groups of
 * passages dealt to folds so that no group is trained and tested on.
 *
 * @param folds K
 * @param groupBy what the folds keep together
 * @param passages passages evaluated
 * @param groupCount groups
 * @param codesWithGold codes with at least one coded passage
 * @param codesInMap codes counted in MAP
 * @param learner the learning library and settings
 * @param methods figures per method, in the order asked
 * @param learningCurve the learning curve (empty without a learning method)
 * @param predictions the first method's out-of-fold suggestions, per passage that has any
 */
public record CrossValidationReport(
    int folds,
    String groupBy,
    int passages,
    int groupCount,
    int codesWithGold,
    int codesInMap,
    String learner,
    Map<String, MethodResult> methods,
    List<CurvePoint> learningCurve,
    List<PassageSuggestions> predictions) {
  /**
   * One method's figures.
   *
   * @param threshold the threshold its predictions used (for a learned model the mean over folds of
   *     each fold's threshold, chosen on that fold's training passages alone)
   * @param micro micro-averaged figures
   * @param macro macro-averaged figures
   * @param map mean average precision
   * @param bestThreshold the threshold that would have given the best micro-F1 (chosen on the test
   *     folds themselves, so an upper bound, reported to show how far the threshold is from it)
   * @param bestF1 that best micro-F1
   */
  public record MethodResult(
      double threshold,
      EvalReport.Scores micro,
      EvalReport.Scores macro,
      double map,
      double bestThreshold,
      double bestF1) {}

  /**
   * A point of the learning curve.
   *
   * @param groups training groups per fold (the mean over folds, rounded)
   * @param f1 micro-F1 of the first learning method listed
   */
  public record CurvePoint(int groups, double f1) {}
}
