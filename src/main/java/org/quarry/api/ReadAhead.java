package org.quarry.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.analysis.TextAnnotator;
import org.quarry.coding.Workers;
import org.quarry.index.SourcePassages;
import org.quarry.model.Passage;
import org.quarry.model.Source;

/**
 * Reads, segments and annotates sources on worker threads ahead of the one thread that writes the
 * index, and hands them to it in input order, so the index is the same whatever the number of
 * threads. At most {@code ahead} inputs are taken before the writer has taken what came of them: a
 * slow writer holds the workers back, and memory holds that many sources, never the whole run.
 *
 * <p>Each worker thread annotates with its own annotator, from the supplier given. A source's
 * passages are annotated in slices of about {@value #SLICE_CHARS} characters, each a task of its
 * own, so a single long source (a survey export, a long transcript) is spread over every worker.
 * Only the sources {@code annotates} picks are annotated ahead (the rest the indexer skips as
 * unchanged), and only they get the writer's other work done ahead ({@code writerWork}: its
 * near-duplicate signature); a slice whose annotator throws leaves its source unannotated, so the
 * indexer annotates it again and reports the failure as it always has.
 *
 * <p>With one thread nothing runs ahead: the writer's thread loads each source when the writer asks
 * for it, and the indexer annotates it, as one-threaded indexing always has.
 *
 * <p>Not thread safe: one thread (the writer) iterates and closes; {@link #close} waits for the
 * workers to stop, so no task outlives the run.
 */
final class ReadAhead<T> implements Iterator<ReadAhead.Loaded>, AutoCloseable {
  /** Characters of passage text per annotation task. */
  static final int SLICE_CHARS = 4_000;

  /**
   * What loading one input gave: its passages, or the report row saying why there are none.
   *
   * @param passages the source's passages, annotated when the worker annotated them; or null
   * @param report the row of an input with nothing to write (skipped, failed); or null
   */
  record Loaded(SourcePassages passages, FileReport report) {
    Loaded {
      if ((passages == null) == (report == null)) {
        throw new IllegalArgumentException("a loaded input has passages or a report, not both");
      }
    }

    static Loaded of(SourcePassages passages) {
      return new Loaded(passages, null);
    }

    static Loaded of(FileReport report) {
      return new Loaded(null, report);
    }
  }

  // a source loaded by a worker, with the tasks annotating its slices in passage order
  private record Prepared(Loaded loaded, List<Future<Optional<List<LemmaAnnotation>>>> slices) {}

  private final Iterator<T> inputs;
  private final Function<T, Loaded> load;
  private final Predicate<Source> annotates;
  private final UnaryOperator<SourcePassages> writerWork;
  private final int ahead;
  private final ExecutorService pool;
  private final ThreadLocal<TextAnnotator> annotator;
  private final Queue<TextAnnotator> annotators = new ConcurrentLinkedQueue<>();
  private final ArrayDeque<Future<Prepared>> pending = new ArrayDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param inputs what to load, in the order the writer gets the results; taken only by the
   *     writer's thread, as it iterates
   * @param load reads and segments one input; called on worker threads, several at once, when
   *     {@code threads} is above 1
   * @param annotates which loaded sources to annotate ahead of the writer
   * @param annotators makes one annotator for each worker thread
   * @param threads worker threads; 1 loads on the writer's thread and annotates nothing
   * @param ahead most inputs taken ahead of the writer (at least 1)
   */
  ReadAhead(
      Iterator<T> inputs,
      Function<T, Loaded> load,
      Predicate<Source> annotates,
      Supplier<TextAnnotator> annotators,
      int threads,
      int ahead) {
    this(inputs, load, annotates, UnaryOperator.identity(), annotators, threads, ahead);
  }

  /**
   * As above, with {@code writerWork} done on the workers to each source they annotate: work of the
   * writer's that needs nothing from the index, so the one writer thread does less ({@link
   * org.quarry.index.Indexer#signed}); called on worker threads, several at once.
   */
  ReadAhead(
      Iterator<T> inputs,
      Function<T, Loaded> load,
      Predicate<Source> annotates,
      UnaryOperator<SourcePassages> writerWork,
      Supplier<TextAnnotator> annotators,
      int threads,
      int ahead) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
    }
    if (ahead < 1) {
      throw new IllegalArgumentException("ahead must be 1 or more, got " + ahead);
    }
    this.inputs = inputs;
    this.load = load;
    this.annotates = annotates;
    this.writerWork = writerWork;
    this.ahead = ahead;
    this.annotator =
        ThreadLocal.withInitial(
            () -> {
              TextAnnotator a = annotators.get();
              this.annotators.add(a);
              return a;
            });
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, workerThreads());
  }

  @Override
  public boolean hasNext() {
    return !pending.isEmpty() || inputs.hasNext();
  }

  @Override
  public Loaded next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (pool == null) {
      return load.apply(inputs.next());
    }
    fill();
    Prepared head = await(pending.removeFirst());
    // the next input starts loading while the writer writes this one
    fill();
    SourcePassages passages = head.loaded().passages();
    if (head.slices().isEmpty()) {
      return head.loaded();
    }
    List<LemmaAnnotation> annotations = new ArrayList<>(passages.passages().size());
    for (Future<Optional<List<LemmaAnnotation>>> slice : head.slices()) {
      Optional<List<LemmaAnnotation>> done = await(slice);
      if (done.isEmpty()) {
        return head.loaded(); // the indexer annotates it and reports what went wrong
      }
      annotations.addAll(done.get());
    }
    return Loaded.of(passages.withAnnotations(annotations));
  }

  /**
   * Nanoseconds the workers' annotators spent in the part-of-speech tagger, summed over them (so
   * more than the wall time when they ran at once).
   */
  long taggerNanos() {
    return annotators.stream().mapToLong(TextAnnotator::taggerNanos).sum();
  }

  /** Stops the workers: tasks not started do nothing, and those running are waited for. */
  @Override
  public void close() {
    closed.set(true);
    if (pool != null) {
      pool.shutdown();
      Workers.awaitTermination(pool);
    }
  }

  private void fill() {
    while (pending.size() < ahead && inputs.hasNext()) {
      T input = inputs.next();
      pending.add(pool.submit(() -> prepare(input)));
    }
  }

  // on a worker: loads the input and queues the annotation of its slices behind the loads already
  // queued; no task waits for another, so the pool cannot deadlock however few threads it has
  private Prepared prepare(T input) {
    if (closed.get()) {
      throw new CancellationException("index run over");
    }
    Loaded loaded = load.apply(input);
    SourcePassages sp = loaded.passages();
    if (sp == null || !annotates.test(sp.source())) {
      return new Prepared(loaded, List.of());
    }
    sp = writerWork.apply(sp);
    loaded = Loaded.of(sp);
    if (sp.annotations() != null) {
      return new Prepared(loaded, List.of());
    }
    List<Future<Optional<List<LemmaAnnotation>>>> slices = new ArrayList<>();
    List<Passage> passages = sp.passages();
    int from = 0;
    int chars = 0;
    for (int i = 0; i < passages.size(); i++) {
      chars += passages.get(i).text().length();
      if (chars >= SLICE_CHARS || i == passages.size() - 1) {
        List<Passage> slice = passages.subList(from, i + 1);
        slices.add(pool.submit(() -> annotate(slice)));
        from = i + 1;
        chars = 0;
      }
    }
    return new Prepared(loaded, slices);
  }

  // on a worker: empty when the annotator throws, which the indexer then meets and reports itself
  private Optional<List<LemmaAnnotation>> annotate(List<Passage> slice) {
    if (closed.get()) {
      throw new CancellationException("index run over");
    }
    TextAnnotator own = annotator.get();
    List<LemmaAnnotation> out = new ArrayList<>(slice.size());
    try {
      for (Passage p : slice) {
        out.add(own.annotate(p.text()));
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  // a worker's failure is rethrown on the writer's thread as it was thrown
  private static <V> V await(Future<V> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuarryException("indexing interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  // daemon threads, so that a pool can never keep the JVM alive; named for thread dumps
  private static java.util.concurrent.ThreadFactory workerThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "quarry-index-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
