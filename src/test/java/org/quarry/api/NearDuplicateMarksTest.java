package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quarry.bench.NearDuplicateCorpus;
import org.quarry.index.DuplicateMarks;
import org.quarry.index.Fields;
import org.quarry.model.TextSignature;
import org.quarry.segment.DuplicateDetector;

/**
 * Near duplicates found through MinHash banding are the ones testing every pair finds: on the seeds
 * as the indexer marks them, and on generated sets with planted near duplicates on both sides of
 * the threshold.
 */
class NearDuplicateMarksTest {
  private final NearDuplicateFinder finder = new NearDuplicateFinder();

  @TempDir Path tmp;

  private record Stored(String id, TextSignature signature, String duplicateOf) {}

  // the index's source records, in id order, as the indexer left them
  private static List<Stored> sourceRecords(Path index) throws IOException {
    Map<String, Stored> records = new TreeMap<>();
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      TermQuery sources = new TermQuery(new Term(Fields.TYPE, Fields.TYPE_SOURCE));
      for (ScoreDoc hit : searcher.search(sources, Integer.MAX_VALUE).scoreDocs) {
        Document doc = stored.document(hit.doc);
        BytesRef bytes = doc.getBinaryValue(Fields.SIGNATURE);
        int[] values = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).asIntBuffer().get(values);
        String id = doc.get(Fields.SOURCE);
        records.put(id, new Stored(id, new TextSignature(values), doc.get(Fields.DUPLICATE_OF)));
      }
    }
    return new ArrayList<>(records.values());
  }

  @Test
  void theIndexerMarksTheSeedsAsTestingEveryPairDoes() throws IOException {
    Path index = tmp.resolve("index");
    try (Quarry quarry = Quarry.open(index, Analysis.UNTAGGED)) {
      quarry.index(IndexRequest.of(Path.of("seeds")), IndexProgress.NONE);
    }
    List<Stored> records = sourceRecords(index);
    int[] exhaustive =
        DuplicateMarks.exhaustive(records.stream().map(Stored::signature).toList(), finder);
    List<String> expected = new ArrayList<>();
    List<String> marked = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      String of = exhaustive[i] == DuplicateMarks.NONE ? null : records.get(exhaustive[i]).id();
      expected.add(records.get(i).id() + " -> " + of);
      marked.add(records.get(i).id() + " -> " + records.get(i).duplicateOf());
    }
    System.out.println("seed duplicate marks: " + marked);
    assertTrue(
        IntStream.of(exhaustive).anyMatch(m -> m != DuplicateMarks.NONE),
        "the seeds hold a near-duplicate pair (one article as web page and PDF text)");
    assertEquals(expected, marked);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void bandingFindsTheExhaustivePairsOnAGeneratedSet(long seed) {
    NearDuplicateCorpus corpus = new NearDuplicateCorpus(seed);
    List<TextSignature> signatures =
        IntStream.range(0, 2000)
            .parallel()
            .mapToObj(i -> finder.signature(corpus.text(i)))
            .toList();

    int[] exhaustive = DuplicateMarks.exhaustive(signatures, finder);
    int[] banded = DuplicateMarks.of(signatures, finder);

    // the set must test something: many planted pairs close to the threshold, on both sides
    DuplicateDetector detector = new DuplicateDetector();
    int below = 0;
    int above = 0;
    for (int i = 0; i < signatures.size(); i++) {
      int of = corpus.plantedOf(i);
      if (of >= 0) {
        double s = detector.similarity(signatures.get(of).values(), signatures.get(i).values());
        if (s >= 0.4 && s < DuplicateDetector.THRESHOLD) {
          below++;
        } else if (s >= DuplicateDetector.THRESHOLD && s < 0.6) {
          above++;
        }
      }
    }
    long marked = IntStream.of(exhaustive).filter(m -> m != DuplicateMarks.NONE).count();
    System.out.printf(
        java.util.Locale.ROOT,
        "seed %d: %d marked; planted pairs with similarity in [0.4, 0.5): %d, [0.5, 0.6): %d%n",
        seed,
        marked,
        below,
        above);
    assertTrue(marked >= 100, "marked " + marked);
    assertTrue(below >= 20 && above >= 20, below + " below, " + above + " above");
    assertArrayEquals(exhaustive, banded);
  }
}
