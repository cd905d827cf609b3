package org.quarry.segment;

import java.util.List;
import org.quarry.ingest.SegmentedSource;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/**
 * The segmenter the loader uses: speaker turns for a transcript (by kind, front matter or its
 * speaker labels, see {@link TranscriptSegmenter#looksLikeTranscript}), sections, paragraphs and
 * attributed quotes for everything else.
 */
public final class SourceSegmenter implements Segmenter {
  private final Segmenter papers = new PaperSegmenter();
  private final Segmenter transcripts = new TranscriptSegmenter();

  @Override
  public List<Passage> segment(Source source) {
    return split(source).passages();
  }

  /**
   * The source with the kind segmentation found (a paper reader cannot tell a transcript), and its
   * passages; the transcript check runs once.
   */
  public SegmentedSource split(Source source) {
    boolean transcript = TranscriptSegmenter.looksLikeTranscript(source);
    Source kept =
        transcript && source.kind() != SourceKind.TRANSCRIPT ? source.withKind(SourceKind.TRANSCRIPT) : source;
    return new SegmentedSource(kept, transcript ? transcripts.segment(kept) : papers.segment(kept));
  }
}
