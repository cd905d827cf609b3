/**
 * Ingest: one {@link org.quarry.ingest.SourceReader} per file format, and the text normaliser
 * (NFC, PDF de-hyphenation, line joins) that keeps an offset map back to the file as read. Knows
 * nothing of Lucene.
 */
package org.quarry.ingest;
