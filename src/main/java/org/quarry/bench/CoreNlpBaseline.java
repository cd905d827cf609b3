package org.quarry.bench;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The CoreNLP baseline of indexing with lemmas: CoreNLP's own pipeline ({@code
 * tokenize,ssplit,pos,lemma}, the same tagger model Quarry uses) over every passage's text, on the
 * given threads; what a user would run to lemmatise the text before indexing it themselves.
 */
public final class CoreNlpBaseline {
  private final StanfordCoreNLP pipeline;

  /** Builds the pipeline and loads its models (not part of any timing). */
  public CoreNlpBaseline() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,lemma");
    props.setProperty("threads", "1");
    pipeline = new StanfordCoreNLP(props);
  }

  /**
   * Annotates each line of {@code passageLines} on {@code threads} threads (the pipeline is thread
   * safe); returns the tokens CoreNLP found.
   */
  public long annotate(Path passageLines, int threads) throws IOException {
    java.util.concurrent.atomic.LongAdder tokens = new java.util.concurrent.atomic.LongAdder();
    try (Stream<String> lines = Files.lines(passageLines, StandardCharsets.UTF_8)) {
      Stream<String> s = threads > 1 ? lines.parallel() : lines;
      if (threads > 1) {
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
          pool.submit(() -> s.forEach(line -> tokens.add(annotateOne(line)))).get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        } finally {
          pool.shutdown();
        }
      } else {
        s.forEach(line -> tokens.add(annotateOne(line)));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return tokens.sum();
  }

  private long annotateOne(String text) {
    Annotation a = new Annotation(text);
    pipeline.annotate(a);
    return a.get(edu.stanford.nlp.ling.CoreAnnotations.TokensAnnotation.class).size();
  }
}
