/**
 * Segmentation: sources into passages. Papers into sections, paragraphs and attributed quotes
 * ({@link org.quarry.segment.PaperSegmenter}, {@link org.quarry.segment.QuoteExtractor});
 * transcripts into speaker turns; files of headed free-text records ({@code Comment 12}, then its
 * text) into one response per record ({@link org.quarry.segment.RecordSegmenter}); near-duplicate
 * sources detected by MinHash ({@link org.quarry.segment.DuplicateDetector}, which the api layer
 * adapts to the index's duplicate finder, since segmentation knows nothing of the index). Knows
 * nothing of Lucene.
 *
 * <p>Passages never overlap: a paragraph holding inline quotes yields a quote passage for each
 * quote's words and a narrative passage for each stretch of the authors' text before, between and
 * after them; quote marks and participant codes belong to no passage.
 */
package org.quarry.segment;
