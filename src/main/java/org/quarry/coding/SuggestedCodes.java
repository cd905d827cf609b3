package org.quarry.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.quarry.index.DocumentWalk;
import org.quarry.index.Fields;
import org.quarry.index.PassageDocuments;
import org.quarry.index.SequentialStoredFields;
import org.quarry.model.Code;
import org.quarry.model.CodeScore;
import org.quarry.model.Codebook;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.Suggestion;
import org.quarry.model.SuggestionRun;

/**
 * Works out which stored codes a suggestion run changes, for {@link
 * org.quarry.index.Indexer#setCodes}: on every passage the run covered, the codebook's earlier
 * suggested codes are replaced by this run's suggestions at or above the threshold; human codes and
 * codes of other codebooks stay as they are.
 */
public final class SuggestedCodes {
  // a passage's id and codes are all this reads; the stored annotation is by far the largest field
  private static final Set<String> CODE_FIELDS = Set.of(Fields.ID, Fields.CODE_SCORES);

  private SuggestedCodes() {}

  /**
   * The new code lists of the passages whose codes change, by passage id.
   *
   * @param selection the run's passage selection ({@link CodeSuggester#selection})
   */
  public static Map<String, List<CodeScore>> changes(
      IndexReader reader, Query selection, Codebook codebook, SuggestionRun run, double threshold)
      throws IOException {
    Set<String> ids = codeIds(codebook);
    Map<String, List<CodeScore>> fresh = fresh(run, threshold);
    IndexSearcher searcher = new IndexSearcher(reader);
    BooleanQuery.Builder anyCode = new BooleanQuery.Builder();
    for (String id : ids) {
      anyCode.add(new TermQuery(new Term(Fields.CODE, id)), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery.Builder earlier =
        new BooleanQuery.Builder()
            .add(selection, BooleanClause.Occur.FILTER)
            .add(
                new TermQuery(new Term(Fields.ORIGIN, CodeScore.SUGGESTED)),
                BooleanClause.Occur.FILTER);
    if (ids.size() <= IndexSearcher.getMaxClauseCount() / 2) {
      earlier.add(anyCode.setMinimumNumberShouldMatch(1).build(), BooleanClause.Occur.FILTER);
    }
    Set<String> touched = new HashSet<>(fresh.keySet());
    StoredFields stored = SequentialStoredFields.of(reader);
    Map<String, List<CodeScore>> old = new HashMap<>();
    DocumentWalk.forEach(
        searcher,
        earlier.build(),
        doc -> {
          Document d = stored.document(doc, CODE_FIELDS);
          old.put(d.get(Fields.ID), PassageDocuments.codes(d));
          touched.add(d.get(Fields.ID));
        });
    // the codes of the passages first suggested for now, read in document order
    List<String> first = new ArrayList<>();
    for (String id : touched) {
      if (!old.containsKey(id)) {
        first.add(id);
      }
    }
    old.putAll(stored(searcher, first));
    Map<String, List<CodeScore>> changes = new TreeMap<>();
    for (String id : touched) {
      List<CodeScore> before = old.get(id);
      if (before == null) {
        continue; // a passage this index does not hold (a run scored by a store holding more)
      }
      List<CodeScore> after = merged(before, fresh.getOrDefault(id, List.of()), ids);
      if (!new HashSet<>(after).equals(new HashSet<>(before))) {
        changes.put(id, after);
      }
    }
    return changes;
  }

  /** The ids of the codebook's codes. */
  public static Set<String> codeIds(Codebook codebook) {
    Set<String> ids = new HashSet<>();
    for (Code c : codebook.codes()) {
      ids.add(c.id());
    }
    return ids;
  }

  /** A run's suggestions at or above {@code threshold}, as suggested codes, by passage id. */
  public static Map<String, List<CodeScore>> fresh(SuggestionRun run, double threshold) {
    Map<String, List<CodeScore>> fresh = new HashMap<>();
    for (PassageSuggestions ps : run.passages()) {
      for (Suggestion s : ps.suggestions()) {
        if (s.score() >= threshold) {
          fresh
              .computeIfAbsent(ps.passage().id(), k -> new ArrayList<>())
              .add(new CodeScore(s.code(), s.score(), CodeScore.SUGGESTED));
        }
      }
    }
    return fresh;
  }

  /**
   * A passage's codes after a run: its codes {@code before} less the earlier suggestions of the
   * codebook's codes ({@code codeIds}), plus the run's {@code fresh} suggestions, except where a
   * human coding of the same code is kept (it wins over the suggestion).
   */
  public static List<CodeScore> merged(
      List<CodeScore> before, List<CodeScore> fresh, Set<String> codeIds) {
    List<CodeScore> after = new ArrayList<>();
    for (CodeScore c : before) {
      if (CodeScore.HUMAN.equals(c.origin()) || !codeIds.contains(c.code())) {
        after.add(c);
      }
    }
    Set<String> present = new HashSet<>();
    after.forEach(c -> present.add(c.code()));
    for (CodeScore c : fresh) {
      if (!present.contains(c.code())) {
        after.add(c);
      }
    }
    return after;
  }

  // the stored codes of the passages ids names (none for an id no passage has), read in document
  // order so that each compressed block is decompressed once
  private static Map<String, List<CodeScore>> stored(IndexSearcher searcher, List<String> ids)
      throws IOException {
    List<String> found = new ArrayList<>(ids.size());
    int[] docs = new int[ids.size()];
    for (String id : ids) {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (top.scoreDocs.length > 0) {
        docs[found.size()] = top.scoreDocs[0].doc;
        found.add(id);
      }
    }
    docs = java.util.Arrays.copyOf(docs, found.size());
    StoredFields stored = SequentialStoredFields.of(searcher.getIndexReader());
    Map<String, List<CodeScore>> out = new HashMap<>();
    for (int i : SequentialStoredFields.inDocumentOrder(docs)) {
      out.put(found.get(i), PassageDocuments.codes(stored.document(docs[i], CODE_FIELDS)));
    }
    return out;
  }
}
