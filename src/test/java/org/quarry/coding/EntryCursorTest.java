package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.Glossary;
import org.quarry.model.Code;
import org.quarry.model.Codebook;

/**
 * A cursor says an entry matches a passage exactly when Lucene's Matches API finds it there: for
 * every entry (terms, phrases, wildcards, synonyms) of both seed codebooks and every document of
 * the seeds, asked in document order, with a document asked twice and a step back.
 */
class EntryCursorTest {
  @TempDir static Path tmp;
  static Path index;

  @BeforeAll
  static void index() throws IOException {
    index = SeedsIndex.untagged(tmp);
  }

  @Test
  void aCursorAgreesWithTheMatchesApiOnEveryEntryAndPassage() throws IOException {
    int entries = 0;
    int matched = 0;
    try (FSDirectory d = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (String file :
          List.of("codebook-commissioners.yaml", "codebook-policy-stakeholders.yaml")) {
        Codebook book = CodebookReader.read(Path.of("seeds", file));
        CodeQueryBuilder builder = new CodeQueryBuilder(Glossary.empty());
        for (Code c : book.codes()) {
          if (c.terms().isEmpty()) {
            continue;
          }
          for (CodeQueryBuilder.Entry e : builder.build(c).entries()) {
            Weight w =
                searcher.createWeight(
                    searcher.rewrite(e.query()), ScoreMode.COMPLETE_NO_SCORES, 1f);
            EntryCursor cursor = new EntryCursor(w);
            entries++;
            for (LeafReaderContext leaf : reader.leaves()) {
              for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                boolean expected = w.matches(leaf, doc) != null;
                assertEquals(expected, cursor.matches(leaf, doc), e.term() + " doc " + doc);
                assertEquals(expected, cursor.matches(leaf, doc), e.term() + " asked again");
                matched += expected ? 1 : 0;
              }
              // a step back reopens the segment's iterator
              assertEquals(w.matches(leaf, 0) != null, cursor.matches(leaf, 0), e.term());
            }
          }
        }
      }
    }
    assertTrue(entries > 20, entries + " entries");
    assertTrue(matched > 100, matched + " matches");
  }
}
