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
 *
 * <p>With {@link WordVectors}, a fifth block is the mean of the vectors of the passage's own words,
 * weighted as their tf-idf (a word outside the kept terms, rarer than any of them, at the largest
 * idf), at unit length times {@link #vectorWeight()}. Unlike the terms, it covers words no training
 * passage used. The context gets no such block: a question's words then speak for every answer.
 *
 * <p>With a {@link SentenceBlock}, a sixth block is the passage's sentence vector, centred on the
 * training passages' mean (opt-in: a sentence encoder costs far more than the rest together).
 */
public final class Vocabulary {
  /** Weight of the context block against the passage's own words. */
  static final double CONTEXT_WEIGHT = 0.5;

  private final List<String> terms;
  private final double[] idf;
  private final List<String> kinds;
  private final List<String> lexiconCodes;
  private final WordVectors vectors;
  private final double vectorWeight;
  private final SentenceBlock sentences;
  private final double maxIdf;
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
    this(terms, idf, kinds, lexiconCodes, null, 0);
  }

  /**
   * A vocabulary of these terms, kinds and lexicon codes, with a block of {@code vectors} at {@code
   * vectorWeight} (no such block when {@code vectors} is null).
   *
   * @throws IllegalArgumentException when terms and idf differ in length, or the weight is not
   *     positive where there are vectors
   */
  public Vocabulary(
      List<String> terms,
      double[] idf,
      List<String> kinds,
      List<String> lexiconCodes,
      WordVectors vectors,
      double vectorWeight) {
    this(terms, idf, kinds, lexiconCodes, vectors, vectorWeight, null);
  }

  /**
   * As the constructor above, with a block of sentence vectors ({@code sentences}; none when null).
   */
  public Vocabulary(
      List<String> terms,
      double[] idf,
      List<String> kinds,
      List<String> lexiconCodes,
      WordVectors vectors,
      double vectorWeight,
      SentenceBlock sentences) {
    if (terms.size() != idf.length) {
      throw new IllegalArgumentException(terms.size() + " terms but " + idf.length + " idf values");
    }
    if (vectors != null && !(vectorWeight > 0)) {
      throw new IllegalArgumentException(
          "word vector weight must be positive, got " + vectorWeight);
    }
    this.vectors = vectors;
    this.vectorWeight = vectors == null ? 0 : vectorWeight;
    this.sentences = sentences;
    double largest = 1;
    for (double d : idf) {
      largest = Math.max(largest, d);
    }
    this.maxIdf = largest;
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
    return of(bags, minCount, null, 0);
  }

  /**
   * As {@link #of(List, int)}, with a block of {@code vectors} at {@code vectorWeight} (none when
   * {@code vectors} is null).
   */
  public static Vocabulary of(
      List<PassageBag> bags, int minCount, WordVectors vectors, double vectorWeight) {
    return of(bags, minCount, vectors, vectorWeight, null, 0);
  }

  /**
   * As {@link #of(List, int, WordVectors, double)}, with a block of the bags' sentence vectors from
   * {@code encoder} at {@code sentenceWeight}, centred on their mean (none when {@code encoder} is
   * null).
   *
   * @throws IllegalArgumentException when a bag has no sentence vector but the block is asked for
   */
  public static Vocabulary of(
      List<PassageBag> bags,
      int minCount,
      WordVectors vectors,
      double vectorWeight,
      SentenceEncoder encoder,
      double sentenceWeight) {
    SentenceBlock sentences = null;
    if (encoder != null) {
      List<float[]> all = new ArrayList<>(bags.size());
      for (PassageBag b : bags) {
        if (b.sentence() == null) {
          throw new IllegalArgumentException(
              "a passage has no sentence vector, but the model is to use " + encoder.name());
        }
        all.add(b.sentence());
      }
      sentences =
          new SentenceBlock(
              encoder.name(), sentenceWeight, SentenceBlock.mean(all, encoder.dimensions()));
    }
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
        kept,
        idf,
        new ArrayList<>(kinds.keySet()),
        new ArrayList<>(codes.keySet()),
        vectors,
        vectorWeight,
        sentences);
  }

  /** Number of features, the largest index a vector can have. */
  public int size() {
    return sentenceBase() + (sentences == null ? 0 : sentences.dimensions());
  }

  // features before the sentence-vector block
  private int sentenceBase() {
    return vectorBase() + (vectors == null ? 0 : vectors.dimensions());
  }

  // features before the word-vector block
  private int vectorBase() {
    return 2 * terms.size() + kinds.size() + lexiconCodes.size();
  }

  /** The word vectors of the fifth block, or null when there is none. */
  public WordVectors vectors() {
    return vectors;
  }

  /** The sentence-vector block, or null when there is none. */
  public SentenceBlock sentences() {
    return sentences;
  }

  /** Length of the word-vector block; 0 when there is none. */
  public double vectorWeight() {
    return vectorWeight;
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
    if (vectors != null) {
      double[] m =
          vectors.mean(
              bag.terms(),
              t -> {
                Integer i = termIndex.get(t);
                return i == null ? maxIdf : idf[i];
              });
      int base = vectorBase();
      for (int d = 0; d < m.length; d++) {
        if (m[d] != 0) {
          f.put(base + d + 1, m[d] * vectorWeight);
        }
      }
    }
    if (sentences != null) {
      sentenceBlock(bag, f);
    }
    int[] idx = new int[f.size()];
    double[] val = new double[f.size()];
    int j = 0;
    for (Map.Entry<Integer, Double> e : f.entrySet()) {
      idx[j] = e.getKey();
      val[j++] = e.getValue();
    }
    return new SparseVector(idx, val);
  }

  private void sentenceBlock(PassageBag bag, Map<Integer, Double> into) {
    float[] sentence = bag.sentence();
    if (sentence == null) {
      return;
    }
    double[] c = sentences.features(sentence);
    int base = sentenceBase();
    for (int d = 0; d < c.length; d++) {
      if (c[d] != 0) {
        into.put(base + d + 1, c[d]);
      }
    }
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
        + " codes"
        + (vectors == null ? "" : ", " + vectors + " at " + vectorWeight)
        + (sentences == null ? "" : ", " + sentences.encoder() + " at " + sentences.weight())
        + "]";
  }
}
