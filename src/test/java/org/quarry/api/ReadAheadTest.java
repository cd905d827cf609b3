package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.analysis.TextAnnotator;
import org.quarry.index.SourcePassages;
import org.quarry.index.TestCorpus;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.TextSignature;

/**
 * The workers that read and annotate ahead of the index writer: they hand sources over in input
 * order, never take more than {@code ahead} inputs before the writer has taken theirs, annotate
 * each source on their own annotators exactly as one annotator would, and stop with the run.
 */
class ReadAheadTest {
  static final TextAnnotator UNTAGGED = LemmaAnnotator.untagged();

  @Test
  void theWorkersTakeNoMoreThanAheadInputsBeforeTheWriterTakesTheirs() throws Exception {
    AtomicInteger taken = new AtomicInteger();
    AtomicInteger loaded = new AtomicInteger();
    Iterator<Integer> inputs =
        IntStream.range(0, 40).peek(i -> taken.incrementAndGet()).boxed().iterator();
    int ahead = 5;
    int mostAhead = 0;
    try (ReadAhead<Integer> workers =
        new ReadAhead<>(
            inputs,
            i -> {
              loaded.incrementAndGet();
              return ReadAhead.Loaded.of(source(i, 3));
            },
            s -> true,
            () -> UNTAGGED,
            3,
            ahead)) {
      int written = 0;
      while (workers.hasNext()) {
        workers.next();
        written++;
        Thread.sleep(2); // a writer slower than the workers
        mostAhead = Math.max(mostAhead, taken.get() - written);
        assertTrue(taken.get() <= written + ahead, taken.get() + " taken, " + written + " written");
        assertTrue(
            loaded.get() <= written + ahead, loaded.get() + " loaded, " + written + " written");
      }
    }
    assertEquals(40, taken.get());
    assertEquals(ahead, mostAhead, "the workers do run ahead, as far as allowed");
  }

  @Test
  void sourcesComeInInputOrderWhateverOrderTheWorkersFinishIn() {
    List<Integer> order = new ArrayList<>();
    try (ReadAhead<Integer> workers =
        new ReadAhead<>(
            IntStream.range(0, 30).boxed().iterator(),
            i -> {
              sleep((i * 7) % 5); // later inputs often finish first
              return ReadAhead.Loaded.of(source(i, 2));
            },
            s -> true,
            () -> UNTAGGED,
            4,
            8)) {
      workers.forEachRemaining(l -> order.add(number(l.passages())));
    }
    assertEquals(IntStream.range(0, 30).boxed().toList(), order);
  }

  @Test
  void eachWorkerThreadAnnotatesWithItsOwnAnnotatorAsOneAnnotatorWould() {
    Set<Thread> users = ConcurrentHashMap.newKeySet();
    AtomicInteger made = new AtomicInteger();
    List<List<LemmaAnnotation>> got = new ArrayList<>();
    // a long source is annotated in slices, on several workers at once
    Function<Integer, ReadAhead.Loaded> load = i -> ReadAhead.Loaded.of(source(i, 400));
    try (ReadAhead<Integer> workers =
        new ReadAhead<>(
            IntStream.range(0, 6).boxed().iterator(),
            load,
            s -> true,
            () -> {
              made.incrementAndGet();
              Thread mine = Thread.currentThread();
              return text -> {
                users.add(Thread.currentThread());
                assertSame(mine, Thread.currentThread(), "an annotator stays on its thread");
                return UNTAGGED.annotate(text);
              };
            },
            3,
            2)) {
      workers.forEachRemaining(l -> got.add(l.passages().annotations()));
    }
    assertTrue(made.get() <= 3, made.get() + " annotators for 3 threads");
    assertEquals(made.get(), users.size());
    for (int i = 0; i < 6; i++) {
      List<LemmaAnnotation> alone =
          load.apply(i).passages().passages().stream()
              .map(p -> UNTAGGED.annotate(p.text()))
              .toList();
      assertEquals(encoded(alone), encoded(got.get(i)), "source " + i);
    }
  }

  @Test
  void onlyTheSourcesPickedAreAnnotatedAhead() {
    List<SourcePassages> got = new ArrayList<>();
    try (ReadAhead<Integer> workers =
        new ReadAhead<>(
            IntStream.range(0, 4).boxed().iterator(),
            i -> ReadAhead.Loaded.of(source(i, 2)),
            s -> s.id().equals("s2"),
            () -> UNTAGGED,
            2,
            4)) {
      workers.forEachRemaining(l -> got.add(l.passages()));
    }
    assertEquals(
        List.of(false, false, true, false),
        got.stream().map(sp -> sp.annotations() != null).toList());
  }

  @Test
  void aSourceItsAnnotatorFailsOnIsLeftForTheIndexerToAnnotateAndReport() {
    List<SourcePassages> got = new ArrayList<>();
    TextAnnotator failsOnTwo =
        text -> {
          if (text.startsWith("source 2 ")) {
            throw new IllegalStateException("cannot tag " + text);
          }
          return UNTAGGED.annotate(text);
        };
    try (ReadAhead<Integer> workers =
        new ReadAhead<>(
            IntStream.range(0, 4).boxed().iterator(),
            i -> ReadAhead.Loaded.of(source(i, 2)),
            s -> true,
            () -> failsOnTwo,
            2,
            4)) {
      workers.forEachRemaining(l -> got.add(l.passages()));
    }
    assertNull(got.get(2).annotations());
    assertEquals(2, got.get(3).annotations().size());
  }

  @Test
  void aWorkersErrorReachesTheWriterAsThrownAndNoWorkerOutlivesTheRun()
      throws InterruptedException {
    Set<Thread> workerThreads = ConcurrentHashMap.newKeySet();
    StackOverflowError thrown = new StackOverflowError("deep");
    ReadAhead<Integer> workers =
        new ReadAhead<>(
            IntStream.range(0, 20).boxed().iterator(),
            i -> {
              workerThreads.add(Thread.currentThread());
              if (i == 3) {
                throw thrown;
              }
              return ReadAhead.Loaded.of(source(i, 1));
            },
            s -> true,
            () -> UNTAGGED,
            2,
            4);
    try (workers) {
      for (int i = 0; i < 3; i++) {
        workers.next();
      }
      assertSame(thrown, assertThrows(StackOverflowError.class, workers::next));
    }
    assertFalse(workerThreads.isEmpty());
    // the pool counts as terminated once its workers leave their loop, a moment before each
    // thread ends: a stopped worker ends within the wait, a live one would not
    for (Thread t : workerThreads) {
      t.join(5_000);
    }
    assertTrue(workerThreads.stream().noneMatch(Thread::isAlive), "workers stopped by close");
  }

  @Test
  void oneThreadLoadsOnTheWritersThreadWhenAskedAndLeavesAnnotatingToTheIndexer() {
    AtomicInteger taken = new AtomicInteger();
    List<Thread> loadedOn = new ArrayList<>();
    try (ReadAhead<Integer> workers =
        new ReadAhead<>(
            IntStream.range(0, 3).peek(i -> taken.incrementAndGet()).boxed().iterator(),
            i -> {
              loadedOn.add(Thread.currentThread());
              return ReadAhead.Loaded.of(source(i, 1));
            },
            s -> true,
            () -> UNTAGGED,
            1,
            4)) {
      assertNull(workers.next().passages().annotations());
      assertEquals(1, taken.get());
    }
    assertEquals(List.of(Thread.currentThread()), loadedOn);
  }

  @Test
  void theWritersOtherWorkIsDoneOnTheWorkersForThePickedSourcesOnly() {
    List<SourcePassages> got = new ArrayList<>();
    Set<String> workThreads = ConcurrentHashMap.newKeySet();
    try (ReadAhead<Integer> workers =
        new ReadAhead<>(
            IntStream.range(0, 4).boxed().iterator(),
            i -> ReadAhead.Loaded.of(source(i, 2)),
            s -> !s.id().equals("s2"),
            sp -> {
              workThreads.add(Thread.currentThread().getName());
              return new SourcePassages(
                  sp.source(),
                  sp.passages(),
                  sp.root(),
                  sp.annotations(),
                  new TextSignature(new int[] {number(sp)}));
            },
            () -> UNTAGGED,
            2,
            4)) {
      workers.forEachRemaining(l -> got.add(l.passages()));
    }
    assertEquals(
        java.util.Arrays.asList(0, 1, null, 3),
        got.stream()
            .map(sp -> sp.signature() == null ? null : sp.signature().values()[0])
            .toList());
    assertEquals(
        List.of(true, true, false, true),
        got.stream().map(sp -> sp.annotations() != null).toList(),
        "a source is annotated as well");
    assertTrue(
        workThreads.stream().allMatch(t -> t.startsWith("quarry-index-")),
        "done on the workers: " + workThreads);
  }

  // a source "s<i>" of `passages` passages whose text starts with "source <i> "
  static SourcePassages source(int i, int passages) {
    String id = "s" + i;
    StringBuilder text = new StringBuilder();
    List<Passage> list = new ArrayList<>();
    for (int p = 0; p < passages; p++) {
      String para =
          "source " + i + " passage " + p + ": the nurses were seeing more patients than ever.";
      int start = text.length();
      text.append(para).append("\n\n");
      list.add(
          Passage.of(id, PassageKind.NARRATIVE, null, null, start, start + para.length(), para));
    }
    return new SourcePassages(TestCorpus.source(id, text.toString()), list);
  }

  static int number(SourcePassages sp) {
    return Integer.parseInt(sp.source().id().substring(1));
  }

  static List<String> encoded(List<LemmaAnnotation> annotations) {
    return annotations.stream().map(LemmaAnnotation::encode).toList();
  }

  static void sleep(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
