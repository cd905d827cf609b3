package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * A lexicon entry's ceiling, and so a code's ruler, comes from the index's statistics: a word's
 * idf, a phrase's idfs added up, a wildcard's words added up (one of them as a word of a phrase);
 * the same whether the index is one segment or many, and the bound Lucene itself gives.
 */
class EntryCeilingTest {
  private static final String FIELD = "lemma";

  // 300 passages of lengths 1 to 44: "staff" in every one (1 to 4 times), "care" in every second,
  // "kind staff" in every third, "staffing" in every fifth, "nurse" in every seventh
  private static Directory corpus(boolean oneSegment) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = config();
    if (!oneSegment) {
      config.setMergePolicy(NoMergePolicy.INSTANCE);
      config.setMaxBufferedDocs(40);
    }
    try (IndexWriter w = new IndexWriter(dir, config)) {
      for (int i = 0; i < 300; i++) {
        StringBuilder text = new StringBuilder("staff ");
        text.append("staff ".repeat(i % 4));
        if (i % 3 == 0) {
          text.append("kind staff ");
        }
        if (i % 5 == 0) {
          text.append("staffing ");
        }
        if (i % 7 == 0) {
          text.append("nurse ");
        }
        if (i % 2 == 0) {
          text.append("care ");
        }
        text.append("word ".repeat(i % 37));
        Document d = new Document();
        d.add(new TextField(FIELD, text.toString(), Field.Store.NO));
        w.addDocument(d);
      }
      if (oneSegment) {
        w.forceMerge(1);
      }
    }
    return dir;
  }

  // words split on white space, scored as code queries are
  private static IndexWriterConfig config() {
    IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
    config.setSimilarity(ScoreCalibration.similarity());
    return config;
  }

  private static IndexSearcher searcher(DirectoryReader reader) {
    IndexSearcher s = new IndexSearcher(reader);
    s.setSimilarity(ScoreCalibration.similarity());
    return s;
  }

  private static final List<Query> ENTRIES =
      List.of(
          new TermQuery(new Term(FIELD, "staff")),
          new TermQuery(new Term(FIELD, "nurse")),
          new TermQuery(new Term(FIELD, "care")),
          new PhraseQuery(FIELD, "kind", "staff"),
          new WildcardQuery(
              new Term(FIELD, "staf*"),
              org.apache.lucene.util.automaton.Operations.DEFAULT_DETERMINIZE_WORK_LIMIT,
              new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(
                  CodeQueryBuilder.WILDCARD_TERMS)));

  // Lucene's bound from the postings' impacts, as the ruler was made before
  private static double impactBound(IndexSearcher s, Query q) throws IOException {
    Weight w = s.createWeight(s.rewrite(q), ScoreMode.TOP_SCORES, 1f);
    double max = 0;
    for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
      Scorer scorer = w.scorer(ctx);
      if (scorer != null) {
        scorer.advanceShallow(0);
        max = Math.max(max, scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS));
      }
    }
    return max;
  }

  @Test
  void theRulerIsTheSameForOneSegmentAndManyWhereImpactBoundsDiffer() throws IOException {
    try (Directory one = corpus(true);
        Directory many = corpus(false);
        DirectoryReader r1 = DirectoryReader.open(one);
        DirectoryReader rn = DirectoryReader.open(many)) {
      assertEquals(1, r1.leaves().size());
      assertTrue(rn.leaves().size() >= 7, rn.leaves().size() + " segments");
      IndexSearcher s1 = searcher(r1);
      IndexSearcher sn = searcher(rn);
      for (Query q : ENTRIES) {
        assertEquals(EntryCeiling.of(s1, q), EntryCeiling.of(sn, q), 1e-9, q.toString());
      }
      assertEquals(
          ScoreCalibration.reference(s1, ENTRIES), ScoreCalibration.reference(sn, ENTRIES), 1e-9);
      // every ceiling is the bound Lucene gives a scorer over the whole segment, in both
      for (Query q : ENTRIES) {
        assertEquals(impactBound(s1, q), EntryCeiling.of(s1, q), 1e-6, q.toString());
        assertEquals(impactBound(sn, q), EntryCeiling.of(sn, q), 1e-6, q.toString());
      }
    }
  }

  // "staff" in the first 50 passages, "staffing" in the last 50, "kind" in all; one segment, or
  // two with the words apart
  private static Directory apart(boolean oneSegment) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = config();
    config.setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter w = new IndexWriter(dir, config)) {
      for (int i = 0; i < 100; i++) {
        Document d = new Document();
        d.add(new TextField(FIELD, (i < 50 ? "staff" : "staffing") + " kind", Field.Store.NO));
        w.addDocument(d);
        if (i == 49 && !oneSegment) {
          w.commit();
        }
      }
    }
    return dir;
  }

  @Test
  void aWildcardWhoseWordsAreInDifferentSegmentsHasTheRulerOfOneSegment() throws IOException {
    try (Directory one = apart(true);
        Directory two = apart(false);
        DirectoryReader r1 = DirectoryReader.open(one);
        DirectoryReader r2 = DirectoryReader.open(two)) {
      assertEquals(1, r1.leaves().size());
      assertEquals(2, r2.leaves().size());
      Query wildcard = ENTRIES.get(4);
      Query phrase = new PhraseQuery(FIELD, "staff", "staffing");
      IndexSearcher s1 = searcher(r1);
      IndexSearcher s2 = searcher(r2);
      assertEquals(EntryCeiling.of(s1, wildcard), EntryCeiling.of(s2, wildcard), 1e-9);
      assertEquals(EntryCeiling.of(s1, phrase), EntryCeiling.of(s2, phrase), 1e-9);
      // Lucene's bound, the ruler before: each segment's sums only its own word of the two
      assertEquals(impactBound(s1, wildcard), 2 * impactBound(s2, wildcard), 1e-6);
    }
  }

  @Test
  void aWordsCeilingIsItsIdfAPhrasesTheSumAWildcardsOneWords() throws IOException {
    try (Directory one = corpus(true);
        DirectoryReader r = DirectoryReader.open(one)) {
      IndexSearcher s = searcher(r);
      double staff = idf(300, 300);
      double kind = idf(100, 300);
      double nurse = idf(43, 300);
      assertEquals(staff, EntryCeiling.of(s, ENTRIES.get(0)), 1e-4);
      assertEquals(nurse, EntryCeiling.of(s, ENTRIES.get(1)), 1e-4);
      assertEquals(idf(150, 300), EntryCeiling.of(s, ENTRIES.get(2)), 1e-4);
      assertEquals(kind + staff, EntryCeiling.of(s, ENTRIES.get(3)), 1e-4);
      // staf* blends "staff" and "staffing" to the larger document frequency: as a disjunction
      // their ceilings add up; as one word of a phrase it counts one of them
      assertEquals(2 * staff, EntryCeiling.of(s, ENTRIES.get(4)), 1e-4);
      assertEquals(staff, EntryCeiling.oneWord(s, ENTRIES.get(4)), 1e-4);
      BooleanQuery both =
          new BooleanQuery.Builder()
              .add(ENTRIES.get(0), BooleanClause.Occur.SHOULD)
              .add(ENTRIES.get(1), BooleanClause.Occur.SHOULD)
              .build();
      assertEquals(staff + nurse, EntryCeiling.of(s, both), 1e-4);
      assertEquals(0, EntryCeiling.of(s, new TermQuery(new Term(FIELD, "absent"))));
      assertEquals(0, EntryCeiling.of(s, new PhraseQuery(FIELD, "kind", "absent")));
      // a wildcard of no word of the index cannot match: it rewrites to a query of no documents
      assertEquals(
          0,
          EntryCeiling.of(
              s,
              new WildcardQuery(
                  new Term(FIELD, "staz*"),
                  org.apache.lucene.util.automaton.Operations.DEFAULT_DETERMINIZE_WORK_LIMIT,
                  new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(
                      CodeQueryBuilder.WILDCARD_TERMS))));
      // a constant-score query scores its boost, 1, where it matches
      assertEquals(
          1, EntryCeiling.of(s, new org.apache.lucene.search.ConstantScoreQuery(ENTRIES.get(1))));
    }
  }

  // BM25's idf, as Lucene computes it
  private static double idf(long docFreq, long docCount) {
    return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
  }
}
