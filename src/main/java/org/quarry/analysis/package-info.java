/**
 * Analysis: the per-field Lucene analyzers (exact words, English stems, CoreNLP lemmas) and the
 * glossary of synonyms applied at query time. Knows nothing of files or the CLI.
 */
package org.quarry.analysis;
