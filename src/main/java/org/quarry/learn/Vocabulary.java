package org.quarry.learn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns {@link PassageBag}s into {@link SparseVector}s, with the terms, kinds and lexicon codes
 * seen in training.
 *
 * <p>The layout is four blocks: the passage's terms as sublinear tf-idf ({@code 1 + ln tf}, times
 * idf), scaled to unit length so a long turn and a short comment weigh alike; the context's terms
 * the same way at half that length, as the lexicon counts a mention in the context as half of one
 * in the passage; one indicator per passage kind; and the lexicon's score per code. A term is kept
 * when at least {@code minCount} training passages hold it, so a word seen once cannot be learned
 * from and the model stays small.
 */
public final class Vocabulary {
  /** Weight of the context block against the passage's own words. */
  static final double CONTEXT_WEIGHT = 0.5;

  private final List<String> terms;
  private final double[] idf;
  private final List<String> kinds;
  private final List<String> lexiconCodes;
  private final Map<String, Integer> termIndex = new HashMap<>();
  private final Map<String, Integer> kindIndex = new HashMap<>();
  private final Map<String, Integer> lexiconIndex = new HashMap<>();

  /**
   * A vocabulary of these terms (their idf alike), kinds and lexicon codes.
   *
   * @throws IllegalArgumentException when terms and idf differ in length
   */
  public Vocabulary(
      List<String> terms, double[] idf, List<String> kinds, List<String> lexiconCodes) {
    if (terms.size() != idf.length) {
      throw new IllegalArgumentException(terms.size() + " terms but " + idf.length + " idf values");
    }
    this.terms = List.copyOf(terms);
    this.idf = idf.clone();
    this.kinds = List.copyOf(kinds);
    this.lexiconCodes = List.copyOf(lexiconCodes);
    for (int i = 0; i < this.terms.size(); i++) {
      termIndex.put(this.terms.get(i), i);
    }
    for (int i = 0; i < this.kinds.size(); i++) {
      kindIndex.put(this.kinds.get(i), i);
    }
    for (int i = 0; i < this.lexiconCodes.size(); i++) {
      lexiconIndex.put(this.lexiconCodes.get(i), i);
    }
  }

  /**
   * The vocabulary of {@code bags}: terms that {@code minCount} or more of them hold (sorted, so
   * the same bags give the same numbering), every kind and every lexicon code seen.
   */
  public static Vocabulary of(List<PassageBag> bags, int minCount) {
    Map<String, Integer> df = new HashMap<>();
    TreeMap<String, Boolean> kinds = new TreeMap<>();
    TreeMap<String, Boolean> codes = new TreeMap<>();
    for (PassageBag b : bags) {
      for (String t : b.terms().keySet()) {
        df.merge(t, 1, Integer::sum);
      }
      for (String t : b.context().keySet()) {
        if (!b.terms().containsKey(t)) {
          df.merge(t, 1, Integer::sum);
        }
      }
      kinds.put(b.kind(), true);
      b.lexicon().keySet().forEach(c -> codes.put(c, true));
    }
    List<String> kept = new ArrayList<>();
    df.forEach(
        (t, n) -> {
          if (n >= minCount) {
            kept.add(t);
          }
        });
    kept.sort(null);
    double n = bags.size();
    double[] idf = new double[kept.size()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = Math.log((n + 1) / (df.get(kept.get(i)) + 1)) + 1;
    }
    return new Vocabulary(
        kept, idf, new ArrayList<>(kinds.keySet()), new ArrayList<>(codes.keySet()));
  }

  /** Number of features, the largest index a vector can have. */
  public int size() {
    return 2 * terms.size() + kinds.size() + lexiconCodes.size();
  }

  /** The terms, in feature order. */
  public List<String> terms() {
    return terms;
  }

  /** The idf of each term. */
  public double[] idf() {
    return idf.clone();
  }

  /** The passage kinds, in feature order. */
  public List<String> kinds() {
    return kinds;
  }

  /** The codes whose lexicon score is a feature, in feature order. */
  public List<String> lexiconCodes() {
    return lexiconCodes;
  }

  /** The index of the feature that is term {@code t} in the passage's own words, or -1. */
  public int termFeature(String t) {
    Integer i = termIndex.get(t);
    return i == null ? -1 : i + 1;
  }

  /** The vector of {@code bag}. */
  public SparseVector vector(PassageBag bag) {
    TreeMap<Integer, Double> f = new TreeMap<>();
    block(bag.terms(), 0, 1.0, f);
    block(bag.context(), terms.size(), CONTEXT_WEIGHT, f);
    Integer k = kindIndex.get(bag.kind());
    if (k != null) {
      f.put(2 * terms.size() + k + 1, 1.0);
    }
    int lexBase = 2 * terms.size() + kinds.size();
    bag.lexicon()
        .forEach(
            (code, score) -> {
              Integer i = lexiconIndex.get(code);
              if (i != null && score > 0) {
                f.put(lexBase + i + 1, score);
              }
            });
    int[] idx = new int[f.size()];
    double[] val = new double[f.size()];
    int j = 0;
    for (Map.Entry<Integer, Double> e : f.entrySet()) {
      idx[j] = e.getKey();
      val[j++] = e.getValue();
    }
    return new SparseVector(idx, val);
  }

  // sublinear tf-idf of the known terms, scaled to length {@code length}
  private void block(
      Map<String, Integer> counts, int base, double length, Map<Integer, Double> into) {
    int[] idx = new int[counts.size()];
    double[] val = new double[counts.size()];
    int n = 0;
    double norm = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      Integer i = termIndex.get(e.getKey());
      if (i == null || e.getValue() <= 0) {
        continue;
      }
      double v = (1 + Math.log(e.getValue())) * idf[i];
      idx[n] = base + i + 1;
      val[n++] = v;
      norm += v * v;
    }
    if (n == 0) {
      return;
    }
    double scale = length / Math.sqrt(norm);
    for (int j = 0; j < n; j++) {
      into.put(idx[j], val[j] * scale);
    }
  }

  @Override
  public String toString() {
    return "Vocabulary["
        + terms.size()
        + " terms, kinds "
        + kinds
        + ", lexicon "
        + lexiconCodes.size()
        + " codes]";
  }
}
