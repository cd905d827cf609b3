package org.quarry.api;

import java.util.function.Supplier;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.analysis.TextAnnotator;

/** How indexing annotates text before analysis; searches are the same either way. */
public enum Analysis {
  /** CoreNLP's part-of-speech tagger picks each word's lemma (the default). */
  TAGGED(LemmaAnnotator::new),
  /** Every word gets its untagged lemma: faster, and loads no tagger model. */
  UNTAGGED(LemmaAnnotator::untagged);

  private final Supplier<TextAnnotator> annotators;

  Analysis(Supplier<TextAnnotator> annotators) {
    this.annotators = annotators;
  }

  Supplier<TextAnnotator> annotators() {
    return annotators;
  }
}
