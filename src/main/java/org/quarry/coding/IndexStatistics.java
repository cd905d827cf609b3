package org.quarry.coding;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;

/**
 * The statistics a code's scores are calibrated with, from a store that scores queries itself (a
 * SolrCloud collection) rather than from a local index: a field's, a word's, and the words a
 * wildcard matches. They must be counted as Lucene counts them (document frequencies including
 * deleted documents not yet merged away), over the whole store, so that a ruler made from them is
 * the ruler a local index holding the same passages makes.
 */
public interface IndexStatistics {
  /** The statistics of {@code field}, or null when no passage has it. */
  CollectionStatistics field(String field) throws IOException;

  /** The statistics of {@code term}, or null when no passage holds it. */
  TermStatistics term(Term term) throws IOException;

  /**
   * Says which words {@link #term} will be asked for, so that a remote store can count them in a
   * few requests rather than one each. This default does nothing.
   */
  default void prefetch(java.util.Collection<Term> terms) throws IOException {}

  /**
   * The words of {@code field} that {@code pattern} matches (Lucene's wildcard syntax, {@code *}
   * and {@code ?}, no leading wildcard), in the index's order (by their UTF-8 bytes), each with its
   * statistics; at most {@code limit} of them, the first in that order.
   */
  List<TermStatistics> words(String field, String pattern, int limit) throws IOException;
}
