package org.quarry.model;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How a cross-validation of the suggestion methods runs.
 *
 * @param folds K, at least 2
 * @param methods methods to measure, from {@link #METHODS}, in the order given
 * @param lexiconThreshold the lexicon's threshold, or empty to choose it on each fold's training
 *     passages (the lexicon score with the best micro-F1 there)
 * @param top most codes kept per passage
 * @param seed seeds the dealing of groups to folds, the learning curve's samples and the learner
 * @param learner the learning library the learned methods fit with, one of {@link #LEARNERS}
 * @param learningCurve whether to train on growing subsets of the training groups too
 * @param sentenceVectors whether the learned methods also weigh each passage's sentence vector
 */
public record CrossValidationOptions(
    int folds,
    List<String> methods,
    OptionalDouble lexiconThreshold,
    int top,
    long seed,
    String learner,
    boolean learningCurve,
    boolean sentenceVectors) {
  /** The methods, in the order they are reported. */
  public static final List<String> METHODS = List.of("baseline", "lexicon", "learned", "combined");

  /** The learning libraries, the default first. */
  public static final List<String> LEARNERS = List.of("liblinear", "tribuo");

  /**
   * Checks the options.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public CrossValidationOptions {
    if (!LEARNERS.contains(learner)) {
      throw new IllegalArgumentException(
          "unknown learner " + learner + "; expected one of " + LEARNERS);
    }
    if (folds < 2) {
      throw new IllegalArgumentException("--cross-validate needs at least 2 folds, got " + folds);
    }
    methods = List.copyOf(methods);
    for (String m : methods) {
      if (!METHODS.contains(m)) {
        throw new IllegalArgumentException(
            "unknown method '" + m + "': use " + String.join(", ", METHODS));
      }
    }
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("--method names no method");
    }
  }
}
