/**
 * Segmentation: sources into passages. Papers into sections, paragraphs and attributed quotes;
 * transcripts into speaker turns; near-duplicate sources detected. Knows nothing of Lucene.
 */
package org.quarry.segment;
