package org.quarry.segment;

import java.util.List;
import org.quarry.ingest.SegmentedSource;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/**
 * The segmenter the loader uses: the participant's turns and the staff's prompts for think-aloud or
 * observation notes ({@link ThinkAloudSegmenter#looksLikeNotes}); speaker turns for a transcript
 * (by kind, front matter or its speaker labels, see {@link
 * TranscriptSegmenter#looksLikeTranscript}), one response per record for a file of headed records
 * ({@link RecordSegmenter#looksLikeRecords}), sections, paragraphs and attributed quotes for
 * everything else.
 */
public final class SourceSegmenter implements Segmenter {
  private final Segmenter papers = new PaperSegmenter();
  private final Segmenter transcripts = new TranscriptSegmenter();
  private final Segmenter notes = new ThinkAloudSegmenter();
  private final Segmenter records = new RecordSegmenter();

  @Override
  public List<Passage> segment(Source source) {
    return split(source).passages();
  }

  /**
   * The source with the kind segmentation found (a paper reader cannot tell a transcript or a file
   * of survey answers), and its passages; the transcript check runs once, and first: a transcript's
   * bare {@code Respondent 4:} label lines would pass for record headers.
   */
  public SegmentedSource split(Source source) {
    // first: notes look like a transcript too, but their task headings ("Task 1:") read as labels
    if (ThinkAloudSegmenter.looksLikeNotes(source)) {
      Source kept =
          source.kind() == SourceKind.TRANSCRIPT ? source : source.withKind(SourceKind.TRANSCRIPT);
      return new SegmentedSource(kept, notes.segment(kept));
    }
    if (TranscriptSegmenter.looksLikeTranscript(source)) {
      Source kept =
          source.kind() == SourceKind.TRANSCRIPT ? source : source.withKind(SourceKind.TRANSCRIPT);
      return new SegmentedSource(kept, transcripts.segment(kept));
    }
    if (RecordSegmenter.looksLikeRecords(source)) {
      // one answer per record, as a survey export gives one per cell
      Source kept = source.withKind(SourceKind.SURVEY);
      return new SegmentedSource(kept, records.segment(kept));
    }
    return new SegmentedSource(source, papers.segment(source));
  }
}
