package org.quarry.analysis;

import edu.stanford.nlp.process.Morphology;
import java.util.Objects;

/**
 * What a text analysis was made with: the annotator that wrote the stored lemma annotations, the
 * CoreNLP version behind its lemmas, and the version of Quarry's analyzer chains. Two analyses with
 * equal stamps index the same text to the same terms; an index and a model learned on it carry one,
 * so text analysed another way is never mixed with it unnoticed.
 *
 * @param annotator the annotator's name ({@value #TAGGED}, {@value #UNTAGGED}, or an embedder's)
 * @param corenlp the CoreNLP version on the class path ({@code 4.5.10}), or {@code unknown}
 * @param chain the version of Quarry's analyzer chains ({@link #CHAIN_VERSION} for this build)
 */
public record AnalysisStamp(String annotator, String corenlp, int chain) {
  /**
   * The version of Quarry's analyzer chains and stored annotation format. Bump it whenever a change
   * to {@link QuarryAnalyzer}, {@link Lemmas}, {@link AcronymPluralFilter}, {@link
   * UntaggedLemmaFilter}, {@link LemmaTokenStream} or {@link LemmaAnnotation}'s encoding would turn
   * the same text into other terms: indexes made before then must be re-annotated.
   */
  public static final int CHAIN_VERSION = 1;

  /** The name of {@link LemmaAnnotator}'s tagging annotator, the one Quarry indexes with. */
  public static final String TAGGED = "corenlp-tagged";

  /** The name of {@link LemmaAnnotator#untagged()}. */
  public static final String UNTAGGED = "corenlp-untagged";

  // read from CoreNLP's jar manifest: the lemmas of a word can change between its releases
  private static final String CORENLP_VERSION = corenlpVersion();

  public AnalysisStamp {
    if (annotator == null || annotator.isBlank()) {
      throw new IllegalArgumentException("an analysis stamp needs an annotator name");
    }
    Objects.requireNonNull(corenlp, "corenlp");
    if (chain < 1) {
      throw new IllegalArgumentException("analyzer chain version must be 1 or more, got " + chain);
    }
  }

  /** The stamp of analysing with the annotator named {@code annotator} in this build of Quarry. */
  public static AnalysisStamp of(String annotator) {
    return new AnalysisStamp(annotator, CORENLP_VERSION, CHAIN_VERSION);
  }

  /**
   * One short line, for messages and model stamps: {@code corenlp-tagged, CoreNLP 4.5.10, chain 1}.
   */
  public String describe() {
    return annotator + ", CoreNLP " + corenlp + ", chain " + chain;
  }

  @Override
  public String toString() {
    return describe();
  }

  private static String corenlpVersion() {
    String v = Morphology.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "unknown" : v;
  }
}
