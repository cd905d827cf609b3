/**
 * The shapes of lines that every reader and segmenter must agree on, in one place: speaker labels
 * and the transcript layouts that write them ({@link org.quarry.text.TranscriptLayout}, {@link
 * org.quarry.text.SpeakerLabel}), who counts as an interviewer ({@link
 * org.quarry.text.Interviewers}), headings, list items, sentence ends and page numbers ({@link
 * org.quarry.text.LineShapes}), and Markdown block quote markers ({@link
 * org.quarry.text.BlockQuoteMarkers}).
 *
 * <p>Below both {@code ingest} (which must not join a speaker's line to the line before it) and
 * {@code segment} (which cuts turns at the same labels), so the two can never disagree. Depends on
 * nothing but the JDK.
 */
package org.quarry.text;
