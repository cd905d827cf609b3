/**
 * The embedding surface: the {@link org.quarry.api.Quarry} facade offers everything a user can do;
 * the CLI and HTTP server are thin layers on it.
 *
 * <p>Behind the facade, package-private classes each do one job: {@code IndexJob} (index runs),
 * {@code ImportJob} (REFI-QDA imports), {@code CodingJobs} (codebooks, suggestions, evaluation, key
 * terms), {@code DecisionJob} (a researcher's accept and reject decisions) and {@code ReportJobs}
 * (known codes, framework matrix, exports). They share the index folder and the files kept in it
 * ({@code IndexFolder}, {@code KeptCodebook}) and one searcher ({@code IndexSearch}).
 */
package org.quarry.api;
