package org.quarry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene baseline of indexing: each passage's text as one document of one stored {@link
 * TextField} analysed by {@link StandardAnalyzer}, written by one {@link IndexWriter} from the
 * given threads: the least a Lucene application that shows passages does.
 */
public final class LuceneBaseline {
  private LuceneBaseline() {}

  /** Indexes each line of {@code passageLines} into a new index at {@code dir}. */
  public static void index(Path passageLines, Path dir, int threads) throws IOException {
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()));
        Stream<String> lines = Files.lines(passageLines, StandardCharsets.UTF_8)) {
      if (threads > 1) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
          pool.submit(() -> lines.parallel().forEach(line -> add(writer, line))).get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof UncheckedIOException u) {
            throw u.getCause();
          }
          throw new IllegalStateException(e.getCause());
        } finally {
          pool.shutdown();
        }
      } else {
        lines.forEach(line -> add(writer, line));
      }
      writer.commit();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void add(IndexWriter writer, String text) {
    Document doc = new Document();
    doc.add(new TextField("text", text, Field.Store.YES));
    try {
      writer.addDocument(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
