package org.quarry.analysis;

/** Reads a passage's text into a {@link LemmaAnnotation}; the expensive step of indexing. */
public interface TextAnnotator {

  /** The annotation of {@code text}; offsets are char indices into {@code text}. */
  LemmaAnnotation annotate(String text);

  /** Nanoseconds spent inside the part-of-speech tagger so far (model loading included). */
  default long taggerNanos() {
    return 0;
  }

  /**
   * What this annotator's annotations are made with, stamped on the index it writes. The default
   * names the annotator by its class: an embedder's annotator whose output changes should override
   * this and name a new version.
   */
  default AnalysisStamp stamp() {
    return AnalysisStamp.of(getClass().getName());
  }
}
