package org.quarry.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * {@link DimensionCounts} through {@link RequestedDrillSideways} counts exactly what Lucene's own
 * drill-sideways counts, on an index of several segments with deleted documents, and orders values
 * as the search contract does.
 */
class DimensionCountsTest {
  private static final String[] DIMS = {"colour", "participant", "kind", "tag"};

  // values outside the Basic Multilingual Plane sort differently as UTF-8 bytes (the ordinals)
  // and as Java strings (the contract), so ties must not be broken by ordinal
  private static final String[] COLOURS = {"red", "blue", "\uFB01ne", "\uD83D\uDE00smile", "green"};

  private static FacetsConfig config() {
    FacetsConfig c = new FacetsConfig();
    c.setMultiValued("tag", true);
    return c;
  }

  // 600 documents in 6 segments, a tenth of them deleted
  private static Directory index() throws IOException {
    Directory dir = new ByteBuffersDirectory();
    FacetsConfig config = config();
    Random r = new Random(7);
    try (IndexWriter w =
        new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < 600; i++) {
        Document d = new Document();
        d.add(new StringField("id", "d" + i, Field.Store.NO));
        d.add(new StringField("word", r.nextBoolean() ? "voice" : "system", Field.Store.NO));
        d.add(new SortedSetDocValuesFacetField("colour", COLOURS[r.nextInt(COLOURS.length)]));
        d.add(new SortedSetDocValuesFacetField("participant", "P" + r.nextInt(40)));
        if (r.nextInt(3) > 0) {
          d.add(new SortedSetDocValuesFacetField("kind", r.nextBoolean() ? "turn" : "quote"));
        }
        for (int t = r.nextInt(3); t > 0; t--) {
          d.add(new SortedSetDocValuesFacetField("tag", "t" + r.nextInt(8)));
        }
        w.addDocument(config.build(d));
        if (i % 100 == 99) {
          w.commit();
        }
        if (i % 10 == 3) {
          w.deleteDocuments(new Term("id", "d" + (i - 2)));
        }
      }
    }
    return dir;
  }

  private static List<String> lucene(Facets f, String dim) throws IOException {
    FacetResult r = f.getAllChildren(dim);
    if (r == null) {
      return List.of();
    }
    List<LabelAndValue> values = new ArrayList<>(Arrays.asList(r.labelValues));
    values.sort(
        Comparator.comparingInt((LabelAndValue lv) -> lv.value.intValue())
            .reversed()
            .thenComparing(lv -> lv.label));
    return values.stream().map(lv -> lv.label + "=" + lv.value).toList();
  }

  private static List<String> ours(Facets f, String dim) throws IOException {
    FacetResult r = f.getAllChildren(dim);
    return r == null
        ? List.of()
        : Arrays.stream(r.labelValues).map(lv -> lv.label + "=" + lv.value).toList();
  }

  private static void sameCounts(Query q, String[][] filters) throws IOException {
    try (Directory dir = index();
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertTrue(reader.leaves().size() > 1, "several segments");
      assertTrue(reader.hasDeletions(), "deleted documents");
      IndexSearcher searcher = new IndexSearcher(reader);
      FacetsConfig config = config();
      DefaultSortedSetDocValuesReaderState state =
          new DefaultSortedSetDocValuesReaderState(reader, config);
      DrillDownQuery dd = new DrillDownQuery(config, q);
      for (String[] f : filters) {
        dd.add(f[0], f[1]);
      }
      Facets expected = new DrillSideways(searcher, config, state).search(dd, 10).facets;
      Facets actual =
          new RequestedDrillSideways(searcher, config, new FacetLabels(state), Arrays.asList(DIMS))
              .search(dd, 10)
              .facets;
      // the same counted in parts on two threads: every set of hits is large enough here
      ExecutorService threads = Executors.newFixedThreadPool(2);
      Facets inParts;
      try {
        inParts =
            new RequestedDrillSideways(
                    searcher, config, new FacetLabels(state), Arrays.asList(DIMS), threads, 1)
                .search(dd, 10)
                .facets;
      } finally {
        threads.shutdown();
      }
      for (String dim : DIMS) {
        List<String> want = lucene(expected, dim);
        assertTrue(!want.isEmpty(), dim + " has values");
        assertEquals(want, ours(actual, dim), dim);
        assertEquals(want, ours(inParts, dim), dim + ", counted in parts");
      }
    }
  }

  // the counts of dims over every document of reader
  private static Facets requested(DirectoryReader reader, List<String> dims) throws IOException {
    FacetsConfig config = config();
    FacetLabels labels = new FacetLabels(new DefaultSortedSetDocValuesReaderState(reader, config));
    return new RequestedDrillSideways(new IndexSearcher(reader), config, labels, dims)
        .search(new DrillDownQuery(config, new MatchAllDocsQuery()), 10)
        .facets;
  }

  @Test
  void countsAsLuceneDoesWithoutFilters() throws IOException {
    sameCounts(new TermQuery(new Term("word", "voice")), new String[0][]);
  }

  @Test
  void countsDrilledDimensionsSideways() throws IOException {
    sameCounts(new MatchAllDocsQuery(), new String[][] {{"kind", "turn"}, {"participant", "P3"}});
  }

  @Test
  void countsAMultiValuedDimensionDrilledDown() throws IOException {
    sameCounts(new TermQuery(new Term("word", "system")), new String[][] {{"tag", "t2"}});
  }

  @Test
  void leavesDimensionsNotAskedForUncounted() throws IOException {
    try (Directory dir = index();
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Facets f = requested(reader, List.of("kind"));
      assertNull(f.getAllChildren("colour"));
      assertEquals(2, f.getAllChildren("kind").childCount);
    }
  }

  @Test
  void breaksTiesByValueAsStringsCompare() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      FacetsConfig config = config();
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        for (String c : COLOURS) {
          Document d = new Document();
          d.add(new SortedSetDocValuesFacetField("colour", c));
          w.addDocument(config.build(d));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        FacetLabels labels =
            new FacetLabels(new DefaultSortedSetDocValuesReaderState(reader, config));
        Facets f =
            new RequestedDrillSideways(new IndexSearcher(reader), config, labels, List.of("colour"))
                .search(new DrillDownQuery(config, new MatchAllDocsQuery()), 10)
                .facets;
        String[] sorted = COLOURS.clone();
        Arrays.sort(sorted);
        assertArrayEquals(
            sorted,
            Arrays.stream(f.getAllChildren("colour").labelValues)
                .map(lv -> lv.label)
                .toArray(String[]::new));
      }
    }
  }
}
