package org.quarry.learn;

import java.util.List;
import java.util.Objects;

/**
 * A trained model: the vocabulary, one calibrated classifier per learned code, the threshold chosen
 * on held-out folds, and the stamp of what it was trained with.
 *
 * @param vocabulary the features
 * @param classifiers the learned codes' classifiers, in codebook order
 * @param threshold the probability at or above which a learned suggestion is kept by default
 * @param lexiconThreshold the lexicon score with the best micro-F1 on the training passages, which
 *     {@link #lexiconOnModelScale} maps onto {@code threshold}
 * @param combinedThreshold the score at or above which a combined suggestion is kept by default,
 *     chosen as {@code threshold} is on the combined held-out scores
 * @param tooFew codes with too few coded passages to learn (none included), which fall back to the
 *     lexicon
 * @param uncoded codes no training passage has
 * @param lexiconBetter learned codes whose lexicon ranked their passages better than the model on
 *     the held-out folds, which combined suggestions take from the lexicon
 * @param passages training passages
 * @param learner the learning library and its settings
 * @param competition the second calibration of codes that compete for a passage, fitted when the
 *     training coding was single-label; null: none
 * @param stamp what the model was trained with, or null before it is stamped
 */
public record LearnedModel(
    Vocabulary vocabulary,
    List<CodeClassifier> classifiers,
    double threshold,
    double lexiconThreshold,
    double combinedThreshold,
    List<String> tooFew,
    List<String> uncoded,
    List<String> lexiconBetter,
    int passages,
    String learner,
    CodeCompetition competition,
    Stamp stamp) {

  /**
   * What a model was trained with; a model whose stamp differs from the current codebook or index
   * analysis is stale.
   *
   * @param codebook a digest of the codebook's codes (ids, names, descriptions, parents, lexicons)
   * @param analysis the index's analysis stamp ({@code AnalysisStamp#describe()}; for an index made
   *     before stamps, its annotation version)
   * @param format the model file's format version
   */
  public record Stamp(String codebook, String analysis, int format) {
    /**
     * The model format this Quarry writes: 4 may hold a code competition, 3 a sentence-vector
     * block, 2 a word-vector block; 1, read too, has none of them.
     */
    public static final int FORMAT = 4;
  }

  public LearnedModel {
    Objects.requireNonNull(vocabulary, "vocabulary");
    classifiers = List.copyOf(classifiers);
    tooFew = List.copyOf(tooFew);
    uncoded = List.copyOf(uncoded);
    lexiconBetter = List.copyOf(lexiconBetter);
    if (competition != null && competition.own().length != classifiers.size()) {
      throw new IllegalArgumentException(
          "a competition of "
              + competition.own().length
              + " codes for "
              + classifiers.size()
              + " classifiers");
    }
    if (!(lexiconThreshold > 0 && lexiconThreshold < 1)) {
      throw new IllegalArgumentException(
          "lexicon threshold must be in (0, 1), got " + lexiconThreshold);
    }
  }

  /**
   * A lexicon score put on the model's scale, for a code the model falls back to the lexicon for:
   * linear from 0 to the lexicon's threshold, which lands on the model's, and linear from there to
   * 1. Order within the code is kept, and one threshold then serves learned and lexicon codes.
   */
  public double lexiconOnModelScale(double score) {
    return onScale(score, lexiconThreshold, threshold);
  }

  /** {@code score} mapped linearly from [0, from] to [0, to] and from [from, 1] to [to, 1]. */
  static double onScale(double score, double from, double to) {
    if (score <= from) {
      return score * to / from;
    }
    return to + (score - from) * (1 - to) / (1 - from);
  }

  /** The same model with {@code s} as its stamp. */
  public LearnedModel stamped(Stamp s) {
    return new LearnedModel(
        vocabulary,
        classifiers,
        threshold,
        lexiconThreshold,
        combinedThreshold,
        tooFew,
        uncoded,
        lexiconBetter,
        passages,
        learner,
        competition,
        s);
  }

  /**
   * The calibrated probability of each learned code for {@code bag}, in {@link #classifiers()}
   * order.
   */
  public double[] probabilities(PassageBag bag) {
    SparseVector x = vocabulary.vector(bag);
    double[] p = new double[classifiers.size()];
    for (int c = 0; c < p.length; c++) {
      p[c] = classifiers.get(c).probability(x);
    }
    return competition == null ? p : competition.apply(p);
  }

  /**
   * The passage's own terms that speak most for {@code code}, at most {@code n}, strongest first:
   * those whose weight times idf is positive and largest (ties by term). Empty for a code the model
   * did not learn.
   */
  public List<String> reasons(String code, java.util.Set<String> terms, int n) {
    CodeClassifier c =
        classifiers.stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
    if (c == null) {
      return List.of();
    }
    double[] idf = vocabulary.idf();
    List<java.util.Map.Entry<String, Double>> strength = new java.util.ArrayList<>();
    for (String t : terms) {
      int f = vocabulary.termFeature(t);
      if (f > 0 && c.weights()[f - 1] > 0) {
        strength.add(java.util.Map.entry(t, c.weights()[f - 1] * idf[f - 1]));
      }
    }
    strength.sort(
        java.util.Map.Entry.<String, Double>comparingByValue()
            .reversed()
            .thenComparing(java.util.Map.Entry.comparingByKey()));
    return strength.stream().limit(n).map(java.util.Map.Entry::getKey).toList();
  }

  /** The ids of the learned codes, in order. */
  public List<String> codes() {
    return classifiers.stream().map(CodeClassifier::code).toList();
  }
}
