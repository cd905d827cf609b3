/**
 * Reports: the framework matrix and the exporters and importers (CSV, JSONL, REFI-QDA).
 *
 * <p>{@link org.quarry.report.FrameworkMatrix} crosses cases (participant, source or an
 * attribute) with codes, parents rolling up their children; {@link org.quarry.report.MatrixCsv},
 * {@link org.quarry.report.MatrixMarkdown}, {@link org.quarry.report.MatrixHtml} and
 * {@link org.quarry.report.MatrixXlsx} render it. {@link org.quarry.report.CodingsCsv} and
 * {@link org.quarry.report.CodingsJsonl} list codings flat. {@link org.quarry.report.QdpxWriter},
 * {@link org.quarry.report.QdcWriter} and {@link org.quarry.report.QdpxReader} speak REFI-QDA
 * 1.0; positions there are code points of the exported or imported text, converted from and to
 * the code point offsets of the file as read that passages and codings carry.
 */
package org.quarry.report;
