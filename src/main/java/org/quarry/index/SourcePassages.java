package org.quarry.index;

import java.util.List;
import java.util.Objects;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.model.TextSignature;

/**
 * A source and the passages segmentation made of it: the unit the indexer writes.
 *
 * @param source the source as read
 * @param passages its passages in text order
 * @param root the folder (or file) given to index that the source was found under; a later run over
 *     the same root removes the sources it no longer finds. Null when unknown.
 * @param annotations the annotation of each passage, in passage order, made ahead of the writer (on
 *     another thread) by an annotator of the same analysis as the indexer's; null when the indexer
 *     is to annotate the passages itself
 * @param signature the source's near-duplicate signature, made ahead of the writer by {@link
 *     Indexer#signed}; null when the indexer is to make it itself
 */
public record SourcePassages(
    Source source,
    List<Passage> passages,
    String root,
    List<LemmaAnnotation> annotations,
    TextSignature signature) {
  public SourcePassages {
    Objects.requireNonNull(source, "source");
    passages = List.copyOf(passages);
    if (annotations != null) {
      annotations = List.copyOf(annotations);
      if (annotations.size() != passages.size()) {
        throw new IllegalArgumentException(
            source.id()
                + ": "
                + annotations.size()
                + " annotations for "
                + passages.size()
                + " passages");
      }
    }
  }

  /** A source the indexer annotates and signs. */
  public SourcePassages(Source source, List<Passage> passages, String root) {
    this(source, passages, root, null, null);
  }

  /** A source with no known root. */
  public SourcePassages(Source source, List<Passage> passages) {
    this(source, passages, null, null, null);
  }

  /** The same source with these annotations of its passages, in passage order. */
  public SourcePassages withAnnotations(List<LemmaAnnotation> annotations) {
    return new SourcePassages(source, passages, root, annotations, signature);
  }

  /** The same source with this near-duplicate signature of its text. */
  SourcePassages withSignature(TextSignature signature) {
    return new SourcePassages(source, passages, root, annotations, signature);
  }
}
