/**
 * Ingest: one {@link org.quarry.ingest.SourceReader} per file format (plain text and Markdown,
 * HTML, office documents and PDF, captions, survey exports; {@link
 * org.quarry.ingest.SourceReaders#standard()} lists them), and the text normaliser (NFC, PDF
 * de-hyphenation, line joins) that every reader runs on the decoded or extracted text, keeping an
 * offset map back to it. Text files' charsets are detected ({@link org.quarry.ingest.TextDecoder})
 * and their front matter read as metadata ({@link org.quarry.ingest.FrontMatter}). A reader whose
 * format carries the passages (a caption file's turns, a survey's answers) hands them over with the
 * source, so no segmenter guesses them again from the text. Knows nothing of Lucene.
 */
package org.quarry.ingest;
