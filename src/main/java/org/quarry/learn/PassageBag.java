package org.quarry.learn;

import java.util.Map;

/**
 * What the learner sees of one passage: its words and noun phrases (lemmas, with counts), the words
 * of its context (the question before a turn, the narrative before a quote), its kind, and the
 * lexicon's calibrated score for each code that matched it.
 *
 * @param terms lemma and noun-phrase counts of the passage's own words
 * @param context lemma counts of its context, empty when it has none
 * @param kind the passage kind ({@code turn}, {@code quote}, …)
 * @param lexicon the lexicon method's score in [0, 1] per code id; codes that did not match are
 *     absent
 * @param sentence its {@link SentenceEncoder} vector, or null when none was asked for
 */
public record PassageBag(
    Map<String, Integer> terms,
    Map<String, Integer> context,
    String kind,
    Map<String, Double> lexicon,
    float[] sentence) {
  public PassageBag {
    terms = Map.copyOf(terms);
    context = Map.copyOf(context);
    lexicon = Map.copyOf(lexicon);
    sentence = sentence == null ? null : sentence.clone();
  }

  /** A bag without a sentence vector. */
  public PassageBag(
      Map<String, Integer> terms,
      Map<String, Integer> context,
      String kind,
      Map<String, Double> lexicon) {
    this(terms, context, kind, lexicon, null);
  }

  /** The same bag with sentence vector {@code vector}. */
  public PassageBag withSentence(float[] vector) {
    return new PassageBag(terms, context, kind, lexicon, vector);
  }

  @Override
  public float[] sentence() {
    return sentence == null ? null : sentence.clone();
  }
}
