package org.quarry.coding;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.search.Query;
import org.quarry.index.IndexedPassage;
import org.quarry.index.PassageLocations;
import org.quarry.model.CodeScore;
import org.quarry.model.PassageKind;
import org.quarry.model.SuggestOptions;

/**
 * A store of passages that searches and scores queries itself (a SolrCloud collection), for {@link
 * StoreSuggester}: the suggester sends it one query per code and ranks, calibrates and explains
 * what comes back as {@link CodeSuggester} does on a local index.
 *
 * <p>Queries arrive as Lucene queries on Quarry's fields, analysed by Quarry (lemmas, glossary
 * synonyms), with no wildcard left to expand where scores are asked for ({@link #score}); the store
 * writes them in its own syntax and refuses, with an {@link UnsupportedOperationException} naming
 * the part, what it cannot search exactly.
 */
public interface ScoringStore {
  /**
   * A passage as the suggester needs it before any is read whole.
   *
   * @param id the passage id
   * @param kind its kind, or null for a kind this Quarry does not know
   * @param section its section heading, or null
   * @param codes its stored codes
   */
  record StorePassage(String id, PassageKind kind, String section, List<CodeScore> codes) {
    public StorePassage {
      codes = List.copyOf(codes);
    }
  }

  /** Every passage of the store, by source, then start, then id. */
  List<StorePassage> passages() throws IOException;

  /**
   * The ids of the passages {@code options} select, as {@link CodeSuggester#selection} selects them
   * in a local index (near duplicates, kind, passage ids, filters).
   *
   * @throws IllegalArgumentException naming an unknown filter dimension
   */
  Set<String> selected(SuggestOptions options) throws IOException;

  /** The store's statistics, as Lucene counts them over the whole store. */
  IndexStatistics statistics();

  /** Receives a passage's score. */
  interface ScoreSink {
    /** Passage {@code id} scored {@code score}. */
    void accept(String id, float score);
  }

  /**
   * Hands every passage {@code query} matches to {@code sink} with its score by the code similarity
   * ({@link ScoreCalibration#similarity()}: BM25 with k1 1.2, b 0.3) and the store's statistics
   * over the whole store; {@code query} holds no wildcard left to expand.
   */
  void score(Query query, ScoreSink sink) throws IOException;

  /** Hands the id of every passage {@code query} matches to {@code sink}, unscored. */
  void match(Query query, Consumer<String> sink) throws IOException;

  /** The passages {@code ids} names, with their annotations; an id the store lacks is left out. */
  List<IndexedPassage> read(Collection<String> ids) throws IOException;

  /**
   * Where the passages of source {@code sourceId} sit in its text, to map evidence to the file;
   * {@link PassageLocations#NONE} when the store keeps no text for it.
   */
  PassageLocations locations(String sourceId) throws IOException;
}
