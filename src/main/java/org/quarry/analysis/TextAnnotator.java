package org.quarry.analysis;

/** Reads a passage's text into a {@link LemmaAnnotation}; the expensive step of indexing. */
public interface TextAnnotator {

  /** The annotation of {@code text}; offsets are char indices into {@code text}. */
  LemmaAnnotation annotate(String text);

  /** Nanoseconds spent inside the part-of-speech tagger so far (model loading included). */
  default long taggerNanos() {
    return 0;
  }
}
