/**
 * Reports: the framework matrix and the flat coding exports (CSV, JSONL).
 *
 * <p>{@link org.quarry.report.FrameworkMatrix} crosses cases (participant, source or an attribute)
 * with codes, parents rolling up their children; {@link org.quarry.report.MatrixCsv}, {@link
 * org.quarry.report.MatrixMarkdown}, {@link org.quarry.report.MatrixHtml} and {@link
 * org.quarry.report.MatrixXlsx} render it. {@link org.quarry.report.CodingsCsv} and {@link
 * org.quarry.report.CodingsJsonl} list codings flat. REFI-QDA exchange lives in {@link
 * org.quarry.refi}.
 */
package org.quarry.report;
