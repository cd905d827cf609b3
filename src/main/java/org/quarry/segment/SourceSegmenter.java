package org.quarry.segment;

import java.util.List;
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
    return TranscriptSegmenter.looksLikeTranscript(source)
        ? transcripts.segment(source)
        : papers.segment(source);
  }

  /** The source with the kind its segmentation found (a paper reader cannot tell a transcript). */
  public static Source classified(Source source) {
    return source.kind() != SourceKind.TRANSCRIPT && TranscriptSegmenter.looksLikeTranscript(source)
        ? source.withKind(SourceKind.TRANSCRIPT)
        : source;
  }
}
