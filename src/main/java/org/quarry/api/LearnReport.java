package org.quarry.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code learn} trained.
 *
 * @param model the model file written
 * @param passages training passages (every selected passage of the coded sources)
 * @param coded those with at least one code
 * @param learned codes with a classifier
 * @param tooFew codes with too few coded passages, left to their lexicon
 * @param threshold the default threshold chosen on held-out folds
 * @param learner the learning library and settings
 * @param millis training time
 */
public record LearnReport(
    Path model,
    int passages,
    int coded,
    List<String> learned,
    List<String> tooFew,
    double threshold,
    String learner,
    long millis) {
  public LearnReport {
    learned = List.copyOf(learned);
    tooFew = List.copyOf(tooFew);
  }
}
