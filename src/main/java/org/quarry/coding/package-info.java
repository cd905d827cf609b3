/**
 * Coding: codebooks, bulk code suggestion through the index, lexicon help and evaluation.
 *
 * <ul>
 *   <li>{@link org.quarry.coding.CodebookReader} reads Quarry's YAML codebooks (streaming, so every
 *       error names its line) and REFI-QDA {@code .qdc} codebooks.
 *   <li>{@link org.quarry.coding.CodeQueryBuilder} turns a code's lexicon into one Lucene query;
 *       {@link org.quarry.coding.CodeSuggester} runs each once over the index (on several threads),
 *       adds each quote's or turn's context (its introduction or question), calibrates scores with
 *       {@link org.quarry.coding.ScoreCalibration} and finds evidence with Lucene's Matches API;
 *       {@link org.quarry.coding.SuggestedCodes} works out what to store; {@link
 *       org.quarry.coding.IndexCoding} runs it all on an index folder or on one text in memory.
 *   <li>{@link org.quarry.coding.TermKeyness} ranks over-represented lemmas and phrases by G².
 *   <li>{@link org.quarry.coding.GoldSet}, {@link org.quarry.coding.Evaluator} and {@link
 *       org.quarry.coding.KeywordBaseline} measure suggestions against human coding.
 * </ul>
 */
package org.quarry.coding;
