package org.quarry.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Annotators on several threads at once, tagging with the one shared CoreNLP tagger, give every
 * paragraph of the seeds the annotation (tokens, offsets, lemmas, tags, sentences) one thread
 * gives.
 */
class LemmaAnnotatorThreadsTest {
  static final int THREADS = 4;

  @Test
  void fourThreadsAtOnceAnnotateAsOneThreadDoes() throws Exception {
    List<String> paragraphs = seedParagraphs();
    LemmaAnnotator alone = new LemmaAnnotator();
    List<String> expected = paragraphs.stream().map(p -> alone.annotate(p).encode()).toList();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t * paragraphs.size() / THREADS;
        // each thread its own annotator, starting at another paragraph, so that different
        // sentences are tagged at the same moment
        runs.add(
            pool.submit(
                () -> {
                  LemmaAnnotator own = new LemmaAnnotator();
                  String[] got = new String[paragraphs.size()];
                  for (int i = 0; i < paragraphs.size(); i++) {
                    int k = (offset + i) % paragraphs.size();
                    got[k] = own.annotate(paragraphs.get(k)).encode();
                  }
                  return List.of(got);
                }));
      }
      for (Future<List<String>> run : runs) {
        assertEquals(expected, run.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  static List<String> seedParagraphs() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("seeds"))) {
      for (Path f :
          files
              .filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt"))
              .sorted()
              .toList()) {
        for (String para : Files.readString(f).split("\\n\\s*\\n")) {
          if (!para.isBlank()) {
            out.add(para.strip());
          }
        }
      }
    }
    return out;
  }
}
