package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.Hit;
import org.quarry.model.SearchRequest;

/**
 * Indexing on several threads writes the index one thread writes: the same documents in the same
 * order with the same stored fields (passage ids, text, offsets, lemma annotations, codes, source
 * records), the same report, and byte-identical search JSON; on a first run and on an incremental
 * run that carries a researcher's decision over a changed source. The corpus is the seeds, the test
 * transcripts (several formats), interviews with a participants table, a survey export, a corrupt
 * document (failed) and a file of no known format (skipped).
 */
class ParallelIndexTest {
  static final List<String> QUERIES =
      List.of(
          "workload",
          "voice AND ICS",
          "\"integrated care system\"",
          "nurs* OR pharmacist",
          "\"seat at the table\"~3",
          "role:GP");

  @TempDir static Path tmp;

  static Run oneThread;
  static Run threeThreads;

  @BeforeAll
  static void indexTheCorpusOnOneAndOnThreeThreads() throws IOException {
    oneThread = run(1);
    threeThreads = run(3);
  }

  @Test
  void everyStoredDocumentIsTheSameInTheSameOrder() {
    assertEquals(oneThread.firstRun().stored(), threeThreads.firstRun().stored());
  }

  @Test
  void searchJsonIsByteIdentical() {
    assertEquals(oneThread.firstRun().searches(), threeThreads.firstRun().searches());
  }

  @Test
  void theReportNamesTheSameFilesWithTheSameOutcomes() {
    assertEquals(oneThread.firstRun().report(), threeThreads.firstRun().report());
  }

  @Test
  void anIncrementalRunKeepingADecisionWritesTheSameIndex() {
    assertEquals(oneThread.secondRun().report(), threeThreads.secondRun().report());
    assertEquals(oneThread.secondRun().stored(), threeThreads.secondRun().stored());
    assertEquals(oneThread.secondRun().searches(), threeThreads.secondRun().searches());
  }

  // the comparisons above mean something only if the corpus exercises what they compare
  @Test
  void theCorpusHasFailuresSkipsUnchangedSourcesAndACodeCarriedOver() {
    List<String> first = threeThreads.firstRun().report();
    assertTrue(first.stream().anyMatch(r -> r.startsWith("broken.docx FAILED")), first.toString());
    assertTrue(first.stream().anyMatch(r -> r.startsWith("notes.xyz SKIPPED")), first.toString());
    List<String> second = threeThreads.secondRun().report();
    assertTrue(second.stream().anyMatch(r -> r.contains(" UNCHANGED ")), second.toString());
    assertTrue(
        second.stream().anyMatch(r -> r.startsWith(threeThreads.changed() + " INDEXED")),
        second.toString());
    assertTrue(
        threeThreads.secondRun().stored().stream().anyMatch(d -> d.contains("workload-pressure")),
        "the accepted code is stored on the changed source's passage");
    assertTrue(
        threeThreads.firstRun().stored().stream().anyMatch(d -> d.contains("attributes=role\tGP")),
        "participant attributes are stored");
  }

  /** What one index run left: its report rows, every stored document, the queries' JSON. */
  record Snapshot(List<String> report, List<String> stored, List<String> searches) {}

  /** A first run, and a second after a decision and a change to the decided passage's source. */
  record Run(Snapshot firstRun, Snapshot secondRun, String changed) {}

  static Run run(int threads) throws IOException {
    // one corpus path for both runs, so the paths stored with the sources are the same
    Path corpus = tmp.resolve("corpus");
    org.apache.lucene.util.IOUtils.rm(corpus); // a folder and all under it; nothing if absent
    makeCorpus(corpus);
    Path index = tmp.resolve("index-" + threads);
    Path participants = Path.of("src/test/resources/participants/participants.csv");
    IndexRequest request =
        new IndexRequest(List.of(corpus), participants, Path.of("seeds/nhs-glossary.txt"), null, 0)
            .withThreads(threads);
    try (Quarry quarry = Quarry.open(index)) {
      IndexReport first = quarry.index(request, IndexProgress.NONE);
      Snapshot firstRun = snapshot(quarry, index, first);

      Hit decided = quarry.search(SearchRequest.builder("workload").limit(1).build()).hits().get(0);
      quarry.accept(decided.passage().id(), "workload-pressure");
      // words added before the decided passage move it: the decision has to follow its words
      Path changed = corpus.resolve(decided.passage().source());
      Files.writeString(
          changed,
          "A paragraph added at the top, before every other.\n\n" + Files.readString(changed));
      IndexReport second = quarry.index(request, IndexProgress.NONE);
      return new Run(firstRun, snapshot(quarry, index, second), decided.passage().source());
    }
  }

  static Snapshot snapshot(Quarry quarry, Path index, IndexReport report) throws IOException {
    List<String> rows =
        report.files().stream()
            .map(f -> f.source() + " " + f.status() + " " + f.passages() + " " + f.reason())
            .toList();
    List<String> searches = new ArrayList<>();
    for (String q : QUERIES) {
      searches.add(
          SearchJson.write(
              quarry.search(
                  SearchRequest.builder(q)
                      .facets("participant", "source", "kind", "section", "code", "role")
                      .limit(100)
                      .build())));
    }
    return new Snapshot(rows, storedDocuments(index), searches);
  }

  // every live document in document order, each as its stored fields in order
  static List<String> storedDocuments(Path index) throws IOException {
    List<String> docs = new ArrayList<>();
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Bits live = MultiBits.getLiveDocs(reader);
      StoredFields stored = reader.storedFields();
      for (int d = 0; d < reader.maxDoc(); d++) {
        if (live != null && !live.get(d)) {
          continue;
        }
        Document doc = stored.document(d);
        StringBuilder sb = new StringBuilder();
        for (IndexableField f : doc.getFields()) {
          sb.append(f.name()).append('=');
          if (f.binaryValue() != null) {
            sb.append(Base64.getEncoder().encodeToString(f.binaryValue().bytes));
          } else if (f.numericValue() != null) {
            sb.append(f.numericValue());
          } else {
            sb.append(f.stringValue());
          }
          sb.append('\n');
        }
        docs.add(sb.toString());
      }
    }
    return docs;
  }

  static void makeCorpus(Path corpus) throws IOException {
    copyTree(Path.of("seeds"), corpus.resolve("seeds"), p -> p.toString().endsWith(".txt"));
    copyTree(Path.of("src/test/resources/transcripts"), corpus.resolve("transcripts"), p -> true);
    copyTree(
        Path.of("src/test/resources/participants/transcripts"),
        corpus.resolve("interviews"),
        p -> true);
    Files.copy(Path.of("src/test/resources/survey/survey.csv"), corpus.resolve("survey.csv"));
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Files.write(corpus.resolve("broken.docx"), junk);
    Files.writeString(
        corpus.resolve("notes.xyz"), "not a format Quarry reads", StandardCharsets.UTF_8);
  }

  static void copyTree(Path from, Path to, java.util.function.Predicate<Path> keep)
      throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).filter(keep).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
  }
}
