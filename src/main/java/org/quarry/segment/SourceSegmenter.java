package org.quarry.segment;

import java.util.List;
import org.quarry.model.Passage;
import org.quarry.model.Source;

/**
 * The segmenter the loader uses: picks the segmenter for a source. For now every source is read as
 * a paper; transcripts get their own segmenter when it lands.
 */
public final class SourceSegmenter implements Segmenter {
  private final Segmenter papers = new PaperSegmenter();

  @Override
  public List<Passage> segment(Source source) {
    return papers.segment(source);
  }
}
