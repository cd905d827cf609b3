package org.quarry.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

/**
 * Reads back every passage an index holds, as it was indexed: text, annotation, codes and near
 * duplicate mark. What another store (a SolrCloud collection) is filled from, so that the CoreNLP
 * annotation is made once, by Quarry.
 */
public final class StoredPassages {
  private static final TermQuery PASSAGES =
      new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE));

  private StoredPassages() {}

  /** What is done with each passage. */
  @FunctionalInterface
  public interface Visitor {
    /** Called with one stored passage. */
    void visit(IndexedPassage passage) throws IOException;
  }

  /** Calls {@code visitor} with each passage of the index in {@code dir}, in index order. */
  public static void forEach(Path dir, Visitor visitor) throws IOException {
    DocumentWalk.forEachStored(
        dir, PASSAGES, stored -> visitor.visit(PassageDocuments.fromStored(stored)));
  }

  /** Calls {@code visitor} with each live passage {@code reader} sees, in index order. */
  static void forEach(IndexReader reader, Visitor visitor) throws IOException {
    DocumentWalk.forEachStored(
        reader, PASSAGES, stored -> visitor.visit(PassageDocuments.fromStored(stored)));
  }
}
