package org.quarry.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.quarry.model.Case;
import org.quarry.model.CodeScore;
import org.quarry.model.Coding;
import org.quarry.model.Decision;
import org.quarry.model.Passage;

/**
 * The changes to an index that need no annotator: passages' codes, researchers' decisions, kept
 * codings and cases, each rewritten from the stored fields of the documents they change. Every
 * public change of {@link Indexer} but the update run comes here; each commits.
 */
final class StoredFieldRewriter {
  private final IndexWriter writer;

  StoredFieldRewriter(IndexWriter writer) {
    this.writer = writer;
  }

  /** As {@link Indexer#setCodes}. */
  int setCodes(Map<String, List<CodeScore>> codesByPassage) throws IOException {
    List<IndexedPassage> updated = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<Map.Entry<String, List<CodeScore>>> entries =
          new ArrayList<>(new TreeMap<>(codesByPassage).entrySet());
      int[] docs = new int[entries.size()];
      for (int i = 0; i < docs.length; i++) {
        String id = entries.get(i).getKey();
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
          throw new IllegalArgumentException(
              "no passage '" + id + "' in the index; re-run the suggestions after indexing");
        }
        docs[i] = top.scoreDocs[0].doc;
      }
      // read in document order, each compressed block once; only the passages whose codes change
      // are kept, and they are rewritten in id order as before
      IndexedPassage[] changed = new IndexedPassage[docs.length];
      StoredFields stored = SequentialStoredFields.of(reader);
      StoredFields any = reader.storedFields();
      Map<String, KeptCodings> kept = new java.util.HashMap<>();
      for (int i : SequentialStoredFields.inDocumentOrder(docs)) {
        IndexedPassage old = PassageDocuments.fromStored(stored.document(docs[i]));
        String source = old.passage().source();
        if (!kept.containsKey(source)) {
          kept.put(source, kept(searcher, any, source));
        }
        IndexedPassage now =
            old.withCodes(
                DecidedCodes.apply(old.passage(), entries.get(i).getValue(), kept.get(source)));
        if (!new java.util.HashSet<>(now.codes()).equals(new java.util.HashSet<>(old.codes()))) {
          changed[i] = now;
        }
      }
      for (IndexedPassage p : changed) {
        if (p != null) {
          updated.add(p);
        }
      }
    }
    for (IndexedPassage p : updated) {
      writer.updateDocument(new Term(Fields.ID, p.passage().id()), PassageDocuments.toDocument(p));
    }
    DeletedCopies.expunge(writer);
    writer.commit();
    return updated.size();
  }

  /** As {@link Indexer#replaceCodes}. */
  int replaceCodes(Map<String, List<CodeScore>> codesByPassage, String origin) throws IOException {
    Map<String, List<CodeScore>> merged = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      for (Map.Entry<String, List<CodeScore>> e : new TreeMap<>(codesByPassage).entrySet()) {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, e.getKey())), 1);
        if (top.scoreDocs.length == 0) {
          throw new IllegalArgumentException("no passage '" + e.getKey() + "' in the index");
        }
        List<CodeScore> codes = new ArrayList<>();
        for (CodeScore c : PassageDocuments.codes(stored.document(top.scoreDocs[0].doc))) {
          if (!c.origin().equals(origin)) {
            codes.add(c);
          }
        }
        for (CodeScore c : e.getValue()) {
          if (!c.origin().equals(origin)) {
            throw new IllegalArgumentException(
                "code "
                    + c.code()
                    + " on "
                    + e.getKey()
                    + " has origin "
                    + c.origin()
                    + ", not "
                    + origin);
          }
          codes.add(c);
        }
        merged.put(e.getKey(), codes);
      }
    }
    return setCodes(merged);
  }

  /** As {@link Indexer#keepCodings}. */
  void keepCodings(String source, List<Coding> codings) throws IOException {
    KeptCodings kept;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      kept = kept(new IndexSearcher(reader), reader.storedFields(), source).withImported(codings);
    }
    replaceKept(new Term(Fields.CODINGS_OF, source), kept.isEmpty() ? null : kept.toDocument());
  }

  /** As {@link Indexer#decide}. */
  Decided decide(String passageId, String code, boolean accepted) throws IOException {
    IndexedPassage old;
    KeptCodings kept;
    boolean known;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, passageId)), 1);
      if (top.scoreDocs.length == 0) {
        throw new IllegalArgumentException("no passage '" + passageId + "' in the index");
      }
      old = PassageDocuments.fromStored(stored.document(top.scoreDocs[0].doc));
      kept = kept(searcher, stored, old.passage().source());
      known = searcher.count(new TermQuery(new Term(Fields.CODE, code))) > 0;
    }
    Passage p = old.passage();
    Decision decision = Decision.on(p, code, accepted);
    Decision previous = kept.decisionOn(p, code);
    KeptCodings now = kept.withDecision(decision);
    List<CodeScore> codes = DecidedCodes.apply(p, old.codes(), now);
    if (!decision.equals(previous)) {
      writer.updateDocument(
          new Term(Fields.ID, p.id()), PassageDocuments.toDocument(old.withCodes(codes)));
      // one passage: not worth rewriting its segment to expunge the old copy (see Indexer)
      writer.updateDocument(new Term(Fields.CODINGS_OF, p.source()), now.toDocument());
      writer.commit();
    }
    boolean stays = !accepted && codes.stream().anyMatch(c -> c.code().equals(code));
    return new Decided(decision, previous, stays, known);
  }

  /** As {@link Indexer#keepCases}. */
  void keepCases(String root, List<Case> cases) throws IOException {
    replaceKept(
        new Term(Fields.CASES_OF, root),
        cases.isEmpty() ? null : KeptCases.toDocument(root, cases));
  }

  // replaces the kept document under `key` with `doc`, or removes it when null; commits
  private void replaceKept(Term key, Document doc) throws IOException {
    if (doc == null) {
      writer.deleteDocuments(key);
    } else {
      writer.updateDocument(key, doc);
    }
    writer.commit();
  }

  /** As {@link Indexer#rewritePassages}. */
  int rewritePassages(java.util.function.UnaryOperator<IndexedPassage> change) throws IOException {
    List<IndexedPassage> changed = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      StoredPassages.forEach(
          reader,
          old -> {
            IndexedPassage now = change.apply(old);
            if (!now.passage().equals(old.passage()) || !now.codes().equals(old.codes())) {
              changed.add(now);
            }
          });
    }
    for (IndexedPassage p : changed) {
      writer.updateDocument(new Term(Fields.ID, p.passage().id()), PassageDocuments.toDocument(p));
    }
    DeletedCopies.expunge(writer);
    writer.commit();
    return changed.size();
  }

  // what is kept for one source, or nothing
  private static KeptCodings kept(IndexSearcher searcher, StoredFields stored, String source)
      throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.CODINGS_OF, source)), 1);
    return top.scoreDocs.length == 0
        ? KeptCodings.none(source)
        : KeptCodings.fromStored(stored.document(top.scoreDocs[0].doc));
  }

  // the stored fields the decisions of a kept document need (imported codings are not parsed)
  private static final Set<String> DECISION_FIELDS = Set.of(Fields.SOURCE, Fields.DECISIONS);

  // the decisions kept for each source that has some, without its imported codings: few, and
  // small next to the passages
  Map<String, KeptCodings> keptDecisions() throws IOException {
    Map<String, KeptCodings> out = new java.util.HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = SequentialStoredFields.of(reader);
      DocumentWalk.forEach(
          searcher,
          new TermQuery(new Term(Fields.TYPE, Fields.TYPE_CODINGS)),
          doc -> {
            KeptCodings k = KeptCodings.fromStored(stored.document(doc, DECISION_FIELDS));
            if (!k.decisions().isEmpty()) {
              out.put(k.source(), k);
            }
          });
    }
    return out;
  }
}
