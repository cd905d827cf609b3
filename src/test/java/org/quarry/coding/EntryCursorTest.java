package org.quarry.coding;

import static org.apache.lucene.search.BooleanClause.Occur.SHOULD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.Glossary;
import org.quarry.model.Code;
import org.quarry.model.Codebook;

/**
 * A cursor gives an entry's matches in a passage exactly as Lucene's Matches API gives them (the
 * same offsets, in the same order), for passages asked in document order, a passage asked twice and
 * a step back.
 */
class EntryCursorTest {
  @TempDir static Path tmp;
  static Path index;

  @BeforeAll
  static void index() throws IOException {
    index = SeedsIndex.untagged(tmp);
  }

  @Test
  void everyEntryOfTheSeedCodebooksMatchesAsTheMatchesApiSays() throws IOException {
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
            matched += agree(reader, weight(searcher, e.query()), e.term());
            entries++;
          }
        }
      }
    }
    assertTrue(entries > 20, entries + " entries");
    assertTrue(matched > 100, matched + " matches");
  }

  @Test
  void wordsPhrasesAndWildcardsAgreeOverSegmentsWithRepeatedWordsAndDeletions() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter w = new IndexWriter(dir, config)) {
        String[] texts = {
          "very very very good care", "good care is very good", "care", "very good very good",
          "no match here", "good good care care very", "very very", "care good very very good",
          "versions of care verify very", "a version", "verified good care"
        };
        for (int i = 0; i < texts.length; i++) {
          w.addDocument(doc(i, texts[i]));
          if (i % 3 == 2) {
            w.commit(); // a segment every three documents
          }
        }
        w.deleteDocuments(new Term("id", "3"));
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertTrue(reader.leaves().size() > 2, "several segments");
        IndexSearcher searcher = new IndexSearcher(reader);
        List<Query> queries =
            List.of(
                new TermQuery(new Term("text", "very")),
                new TermQuery(new Term("text", "absent")),
                new TermQuery(new Term("plain", "good")), // positions without offsets
                new PhraseQuery("text", "very", "very"),
                new PhraseQuery("text", "very", "good"),
                new PhraseQuery("text", "good", "care"),
                new PhraseQuery(0, "text", "very", "absent"),
                new PhraseQuery.Builder()
                    .add(new Term("text", "very"), 0)
                    .add(new Term("text", "good"), 2) // a gap, as a dropped word leaves
                    .build(),
                new WildcardQuery(
                    new Term("text", "ver*"),
                    Operations.DEFAULT_DETERMINIZE_WORK_LIMIT,
                    new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(64)),
                new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term("text", "care")), 2f), SHOULD)
                    .add(new TermQuery(new Term("text", "good")), SHOULD)
                    .build(),
                // words of two fields: the Matches API's field order, so the generic cursor
                new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("text", "care")), SHOULD)
                    .add(new TermQuery(new Term("other", "good")), SHOULD)
                    .build());
        int matched = 0;
        for (Query q : queries) {
          Weight w = weight(searcher, q);
          if (q instanceof TermQuery) {
            assertInstanceOf(TermCursor.class, EntryCursor.of(w));
          } else if (q instanceof PhraseQuery) {
            assertInstanceOf(PhraseCursor.class, EntryCursor.of(w));
          } else if (q.toString().contains("other:")) {
            assertInstanceOf(MatchesCursor.class, EntryCursor.of(w));
          } else {
            assertInstanceOf(DisjunctionCursor.class, EntryCursor.of(w));
          }
          matched += agree(reader, w, q.toString());
        }
        assertTrue(matched > 10, matched + " matches");
      }
    }
  }

  private static Document doc(int id, String text) {
    FieldType offsets = new FieldType(TextField.TYPE_NOT_STORED);
    offsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    Document d = new Document();
    d.add(new StringField("id", Integer.toString(id), Field.Store.NO));
    d.add(new Field("text", text, offsets));
    d.add(new TextField("plain", text, Field.Store.NO));
    d.add(new Field("other", text, offsets));
    return d;
  }

  private static Weight weight(IndexSearcher searcher, Query q) throws IOException {
    return searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
  }

  // checks the cursor of w against the Matches API on every document; returns how many matched
  private static int agree(DirectoryReader reader, Weight w, String what) throws IOException {
    EntryCursor cursor = EntryCursor.of(w);
    int matched = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        List<Integer> expected = matchesApi(w, leaf, doc);
        assertEquals(expected, offsets(cursor, leaf, doc), what + " doc " + doc);
        assertEquals(expected, offsets(cursor, leaf, doc), what + " asked again");
        matched += expected.isEmpty() ? 0 : 1;
      }
      // a step back starts the segment again
      assertEquals(matchesApi(w, leaf, 0), offsets(cursor, leaf, 0), what + " step back");
    }
    return matched;
  }

  private static List<Integer> offsets(EntryCursor cursor, LeafReaderContext leaf, int doc)
      throws IOException {
    List<Integer> out = new ArrayList<>();
    cursor.offsets(
        leaf,
        doc,
        (s, e) -> {
          out.add(s);
          out.add(e);
        });
    return out;
  }

  // the start and end offsets of every match, field by field in name order
  private static List<Integer> matchesApi(Weight w, LeafReaderContext leaf, int doc)
      throws IOException {
    List<Integer> out = new ArrayList<>();
    Matches m = w.matches(leaf, doc);
    if (m == null) {
      return out;
    }
    TreeSet<String> fields = new TreeSet<>();
    m.forEach(fields::add);
    for (String f : fields) {
      MatchesIterator it = m.getMatches(f);
      while (it != null && it.next()) {
        if (it.startOffset() >= 0) { // a field without offsets gives -1: no evidence
          out.add(it.startOffset());
          out.add(it.endOffset());
        }
      }
    }
    return out;
  }
}
