package org.quarry.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.QuarryAnalyzer;
import org.quarry.index.IndexedPassage;
import org.quarry.index.PassageDocuments;
import org.quarry.index.PassageLocations;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.SuggestionRun;

/**
 * Suggests codes by the codebook's lexicons for the passages of a store that scores queries itself
 * (a SolrCloud collection, see {@link ScoringStore}), with the suggestions {@link CodeSuggester}
 * makes on a local index holding the same passages: the same codes, scores and evidence.
 *
 * <p>One query per code goes to the store ({@link StoreQueries} resolves its wildcards to the words
 * and weights a local index would use), which scores every passage it matches with the code
 * similarity over the whole store's statistics; Quarry then adds each passage's context, ranks and
 * calibrates the codes with the ruler made of the store's statistics ({@link
 * ScoreCalibration#reference(IndexStatistics, List)}), and keeps the best per passage ({@link
 * CodeScorer}). A phrase with wildcard words has no exact form in a store's query syntax: the store
 * finds the passages that hold all its parts, and Quarry scores those as the local index would (the
 * phrase weighed on the store's statistics, matched in the passages' own tokens). Evidence is found
 * in the kept passages read back with their annotations, in an index of their own made for it, and
 * mapped to the source files through the store's source texts.
 *
 * <p>It runs on one thread: the work is the store's.
 */
public final class StoreSuggester {
  // passages read back per batch for evidence, with their contexts
  private static final int BATCH = 1000;

  private final List<CodeQueryBuilder.CodeQuery> queries = new ArrayList<>();

  /**
   * A suggester for the codes of {@code codebook} that have terms or a query, with glossary
   * synonyms (the glossary of the index the store's passages were analysed with).
   *
   * @throws IllegalArgumentException naming a term or query that cannot be used
   */
  public StoreSuggester(Codebook codebook, Glossary glossary) {
    CodeQueryBuilder builder = new CodeQueryBuilder(glossary);
    for (Code c : codebook.codes()) {
      if (!c.terms().isEmpty() || (c.query() != null && !c.query().isBlank())) {
        queries.add(builder.build(c));
      }
    }
  }

  /** The codes this suggester runs, in codebook order. */
  public List<Code> codes() {
    return queries.stream().map(CodeQueryBuilder.CodeQuery::code).toList();
  }

  /**
   * Suggests codes for the passages of {@code store} that {@code options} select, sorted by source
   * and position, as {@link CodeSuggester#suggest} does on a local index.
   *
   * @throws IllegalArgumentException naming an unknown kind or filter dimension, or a wildcard
   *     phrase whose wildcard matches too many words
   * @throws UnsupportedOperationException naming a part of a code's query the store cannot score
   */
  public SuggestionRun suggest(ScoringStore store, SuggestOptions options, SuggestProgress progress)
      throws IOException {
    List<PassageSuggestions> out = new ArrayList<>();
    SuggestionRun totals = suggestEach(store, options, progress, out::add);
    return new SuggestionRun(
        out, totals.considered(), totals.codes(), totals.scoringNanos(), totals.evidenceNanos(), 0);
  }

  /**
   * As {@link #suggest}, handing each passage's suggestions to {@code sink} in the store's order
   * (by source, then start, then id) instead of keeping them.
   */
  public SuggestionRun suggestEach(
      ScoringStore store,
      SuggestOptions options,
      SuggestProgress progress,
      Consumer<PassageSuggestions> sink)
      throws IOException {
    long t0 = System.nanoTime();
    CodeSuggester.checkKind(options.kind());
    List<ScoringStore.StorePassage> passages = store.passages();
    int n = passages.size();
    Map<String, Integer> ordinal = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      ordinal.put(passages.get(i).id(), i);
    }
    FixedBitSet selected = new FixedBitSet(Math.max(1, n));
    for (String id : store.selected(options)) {
      Integer g = ordinal.get(id);
      if (g != null) {
        selected.set(g);
      }
    }
    int k = Math.max(1, Math.min(options.top(), queries.size()));
    Slots slots = Slots.of(selected, n);
    PassageContexts contexts = options.contextWeight() > 0 ? PassageContexts.of(passages) : null;
    FixedBitSet scored = selected.clone();
    if (contexts != null) {
      for (int s = 0; s < slots.size(); s++) {
        int c = contexts.contextOf(slots.doc(s));
        if (c != PassageContexts.NONE) {
          scored.set(c);
        }
      }
    }
    IndexStatistics statistics = store.statistics();
    statistics.prefetch(StoreQueries.words(queries));
    StoreQueries resolver = new StoreQueries(statistics);
    List<CodeQueryBuilder.CodeQuery> resolved = new ArrayList<>(queries.size());
    for (CodeQueryBuilder.CodeQuery cq : queries) {
      resolved.add(resolver.resolve(cq));
    }
    CodeScorer scorer =
        new CodeScorer(
            null,
            n,
            resolved,
            selected,
            slots,
            scored,
            contexts,
            options.contextWeight(),
            options.minScore(),
            k);
    float[] raw = new float[Math.max(1, n)];
    int[] docs = new int[Math.max(1, n)];
    float[] scores = new float[Math.max(1, n)];
    for (int c = 0; c < resolved.size(); c++) {
      CodeQueryBuilder.CodeQuery cq = resolved.get(c);
      progress.update(c, resolved.size(), cq.code().id());
      List<Query> entryQueries = cq.entries().stream().map(CodeQueryBuilder.Entry::query).toList();
      double reference = ScoreCalibration.reference(statistics, entryQueries);
      if (reference <= 0) {
        continue; // no entry occurs in the store
      }
      // a phrase with wildcard words has no form a store can search: as an exclude, the passages
      // holding it are found in their own tokens and dropped here
      List<Query> plainExcludes = new ArrayList<>();
      List<WildcardPhraseQuery> phraseExcludes = new ArrayList<>();
      for (CodeQueryBuilder.Entry e : cq.excludes()) {
        if (e.query() instanceof WildcardPhraseQuery w) {
          phraseExcludes.add(w);
        } else {
          plainExcludes.add(e.query());
        }
      }
      FixedBitSet phraseVetoed =
          phraseExcludes.isEmpty() ? null : holding(store, phraseExcludes, ordinal, n);
      FixedBitSet dropped = phraseVetoed;
      int[] count = {0};
      ScoringStore.ScoreSink add =
          (id, s) -> {
            Integer g = ordinal.get(id);
            if (g != null && s > 0 && (dropped == null || !dropped.get(g))) {
              if (raw[g] == 0) {
                docs[count[0]++] = g;
              }
              raw[g] += s;
            }
          };
      BooleanQuery.Builder direct = new BooleanQuery.Builder();
      List<WildcardPhraseQuery> phrases = new ArrayList<>();
      for (CodeQueryBuilder.Entry e : cq.entries()) {
        if (e.query() instanceof WildcardPhraseQuery w) {
          phrases.add(w);
        } else {
          direct.add(e.query(), BooleanClause.Occur.SHOULD);
        }
      }
      plainExcludes.forEach(q -> direct.add(q, BooleanClause.Occur.MUST_NOT));
      if (phrases.size() < cq.entries().size()) {
        store.score(direct.build(), add);
      }
      for (WildcardPhraseQuery w : phrases) {
        scorePhrase(store, w, plainExcludes, add);
      }
      for (int i = 0; i < count[0]; i++) {
        scores[i] = raw[docs[i]];
        raw[docs[i]] = 0;
      }
      FixedBitSet vetoed = null;
      if (contexts != null && !cq.excludes().isEmpty()) {
        vetoed = vetoed(store, plainExcludes, ordinal, n);
        if (phraseVetoed != null) {
          vetoed.or(phraseVetoed);
        }
      }
      scorer.rankScored(
          c, docs, scores, count[0], new ScoreCalibration(reference, cq.code().weight()), vetoed);
    }
    progress.update(resolved.size(), resolved.size(), "");
    long t1 = System.nanoTime();
    gather(store, passages, resolved, slots, scorer, k, options.evidence(), contexts, sink);
    return new SuggestionRun(
        List.of(), slots.size(), resolved.size(), t1 - t0, System.nanoTime() - t1, 0);
  }

  // a wildcard phrase's score on each passage holding all its parts (and no exclude entry):
  // matched and scored in the passages' own tokens, the phrase weighed on the store
  private static void scorePhrase(
      ScoringStore store, WildcardPhraseQuery w, List<Query> excludes, ScoringStore.ScoreSink add)
      throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(StoreQueries.candidates(w), BooleanClause.Occur.MUST);
    excludes.forEach(q -> b.add(q, BooleanClause.Occur.MUST_NOT));
    List<String> candidates = new ArrayList<>();
    store.match(b.build(), candidates::add);
    matchesIn(store, candidates, w, true, (p, score) -> add.accept(p.passage().id(), score));
  }

  // the passages that hold one of the wildcard phrases, found in their own tokens
  private static FixedBitSet holding(
      ScoringStore store, List<WildcardPhraseQuery> phrases, Map<String, Integer> ordinal, int n)
      throws IOException {
    FixedBitSet bits = new FixedBitSet(Math.max(1, n));
    for (WildcardPhraseQuery w : phrases) {
      List<String> candidates = new ArrayList<>();
      store.match(StoreQueries.candidates(w), candidates::add);
      matchesIn(
          store,
          candidates,
          w,
          false,
          (p, score) -> {
            Integer g = ordinal.get(p.passage().id());
            if (g != null) {
              bits.set(g);
            }
          });
    }
    return bits;
  }

  // the passages that hold one of the exclude entries (none a wildcard phrase)
  private static FixedBitSet vetoed(
      ScoringStore store, List<Query> excludes, Map<String, Integer> ordinal, int n)
      throws IOException {
    FixedBitSet bits = new FixedBitSet(Math.max(1, n));
    for (Query q : excludes) {
      store.match(
          q,
          id -> {
            Integer g = ordinal.get(id);
            if (g != null) {
              bits.set(g);
            }
          });
    }
    return bits;
  }

  private interface MatchSink {
    void accept(IndexedPassage passage, float score);
  }

  // the candidates that q matches in their own tokens (read back in batches into an index of
  // their own), with q's score there when scored
  private static void matchesIn(
      ScoringStore store, List<String> candidates, Query q, boolean scored, MatchSink sink)
      throws IOException {
    for (int from = 0; from < candidates.size(); from += BATCH) {
      List<IndexedPassage> read =
          store.read(candidates.subList(from, Math.min(candidates.size(), from + BATCH)));
      try (OwnIndex own = new OwnIndex(read)) {
        IndexSearcher searcher = own.searcher();
        Weight weight =
            searcher.createWeight(
                searcher.rewrite(q),
                scored ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES,
                1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          Scorer s = weight.scorer(leaf);
          if (s == null) {
            continue;
          }
          DocIdSetIterator it = s.iterator();
          for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
            sink.accept(read.get(leaf.docBase + d), scored ? s.score() : 0f);
          }
        }
      }
    }
  }

  // the kept passages, read back in batches with their contexts, their evidence found in an index
  // of each batch's own, handed to the sink in the store's order
  private static void gather(
      ScoringStore store,
      List<ScoringStore.StorePassage> passages,
      List<CodeQueryBuilder.CodeQuery> resolved,
      Slots slots,
      CodeScorer scorer,
      int k,
      boolean evidence,
      PassageContexts contexts,
      Consumer<PassageSuggestions> sink)
      throws IOException {
    int[] codes = scorer.bestCodes();
    float[] best = scorer.bestScores();
    List<Integer> kept = new ArrayList<>();
    for (int s = 0; s < slots.size(); s++) {
      if (codes[s * k] >= 0) {
        kept.add(s);
      }
    }
    Map<String, PassageLocations> locations = new HashMap<>();
    for (int from = 0; from < kept.size(); from += BATCH) {
      List<Integer> batch = kept.subList(from, Math.min(kept.size(), from + BATCH));
      // the batch's passages and their contexts, in the store's order, each once
      java.util.TreeSet<Integer> wanted = new java.util.TreeSet<>();
      for (int s : batch) {
        int g = slots.doc(s);
        wanted.add(g);
        if (contexts != null && contexts.contextOf(g) != PassageContexts.NONE) {
          wanted.add(contexts.contextOf(g));
        }
      }
      List<String> ids = new ArrayList<>(wanted.size());
      wanted.forEach(g -> ids.add(passages.get(g).id()));
      Map<String, IndexedPassage> byId = new HashMap<>();
      for (IndexedPassage p : store.read(ids)) {
        byId.put(p.passage().id(), p);
      }
      List<IndexedPassage> read = new ArrayList<>(wanted.size());
      Map<Integer, Integer> docOf = new HashMap<>();
      for (int g : wanted) {
        IndexedPassage p = byId.get(passages.get(g).id());
        if (p == null) {
          throw new IOException(
              "passage " + passages.get(g).id() + " left the store during the suggestion run");
        }
        docOf.put(g, read.size());
        read.add(p);
      }
      int own = read.size();
      int[] contextOf = new int[own];
      java.util.Arrays.fill(contextOf, PassageContexts.NONE);
      FixedBitSet ownSelected = new FixedBitSet(Math.max(1, own));
      for (int s : batch) {
        int g = slots.doc(s);
        ownSelected.set(docOf.get(g));
        if (contexts != null && contexts.contextOf(g) != PassageContexts.NONE) {
          contextOf[docOf.get(g)] = docOf.get(contexts.contextOf(g));
        }
      }
      Slots ownSlots = Slots.of(ownSelected, own);
      int[] ownCodes = new int[ownSlots.size() * k];
      float[] ownScores = new float[ownSlots.size() * k];
      for (int s : batch) {
        int o = ownSlots.slotOf(docOf.get(slots.doc(s)));
        System.arraycopy(codes, s * k, ownCodes, o * k, k);
        System.arraycopy(best, s * k, ownScores, o * k, k);
      }
      try (OwnIndex index = new OwnIndex(read)) {
        SuggestionGatherer gatherer =
            new SuggestionGatherer(
                index.searcher(),
                resolved,
                ownSlots,
                ownCodes,
                ownScores,
                k,
                evidence,
                contexts == null ? null : PassageContexts.of(contextOf),
                id -> locations.computeIfAbsent(id, x -> locationsOf(store, x)));
        int[] docs = gatherer.keptDocs();
        gatherer.pass().gather(docs, 0, docs.length, sink, () -> false);
      }
      locations.clear();
    }
  }

  private static PassageLocations locationsOf(ScoringStore store, String sourceId) {
    try {
      return store.locations(sourceId);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading source " + sourceId, e);
    }
  }

  /**
   * Passages read from a store, in an index of their own in memory, one document each in the order
   * given: where a phrase with wildcard words is matched in their tokens and evidence is found.
   */
  private static final class OwnIndex implements AutoCloseable {
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;

    OwnIndex(List<IndexedPassage> passages) throws IOException {
      // no merges: documents keep the order they were added in, which maps them to passages
      IndexWriterConfig config =
          new IndexWriterConfig(QuarryAnalyzer.forIndexing())
              .setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE);
      try (IndexWriter w = new IndexWriter(directory, config)) {
        for (IndexedPassage p : passages) {
          w.addDocument(PassageDocuments.toDocument(p));
        }
      }
      reader = DirectoryReader.open(directory);
    }

    IndexSearcher searcher() {
      IndexSearcher s = new IndexSearcher(reader);
      s.setSimilarity(ScoreCalibration.similarity());
      s.setQueryCache(null);
      return s;
    }

    @Override
    public void close() throws IOException {
      reader.close();
      directory.close();
    }
  }
}
