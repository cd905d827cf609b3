package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.Analysis;
import org.quarry.api.Quarry;
import org.quarry.model.Codebook;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SearchRequest;
import org.quarry.model.SuggestMethod;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.SuggestionRun;

/**
 * A run handed to a sink passage by passage ({@code suggestEach}) is the run {@code suggest} keeps:
 * the same passages, suggestions and evidence, in index order on any number of threads, one call at
 * a time; and it stores nothing.
 */
class StreamingSuggestionTest {
  @TempDir static Path tmp;
  static Path seedsIndex;
  static final Codebook BOOK = CodebookReader.read(Path.of("seeds", "codebook-commissioners.yaml"));

  @BeforeAll
  static void index() throws IOException {
    seedsIndex = SeedsIndex.untagged(tmp);
  }

  // what a sink was handed, checking that no two calls overlap
  private static List<PassageSuggestions> streamed(SuggestOptions options) {
    List<PassageSuggestions> got = new ArrayList<>();
    AtomicInteger inSink = new AtomicInteger();
    AtomicBoolean overlapped = new AtomicBoolean();
    try (Quarry q = Quarry.open(seedsIndex, Analysis.UNTAGGED)) {
      SuggestionRun totals =
          q.suggestEach(
              q.suggester(BOOK, SuggestMethod.LEXICON),
              options,
              SuggestProgress.NONE,
              ps -> {
                if (inSink.incrementAndGet() > 1) {
                  overlapped.set(true);
                }
                got.add(ps);
                inSink.decrementAndGet();
              });
      assertEquals(List.of(), totals.passages(), "the totals keep no passages");
      assertTrue(totals.considered() > 0);
    }
    assertFalse(overlapped.get(), "the sink was called on two threads at once");
    return got;
  }

  @Test
  void theSinkIsHandedWhatSuggestKeeps() {
    SuggestOptions options = SuggestOptions.defaults().with(0, 3).withThreads(1);
    SuggestionRun kept;
    try (Quarry q = Quarry.open(seedsIndex, Analysis.UNTAGGED)) {
      kept = q.suggest(BOOK, options, java.util.OptionalDouble.empty(), SuggestProgress.NONE);
    }
    List<PassageSuggestions> got = new ArrayList<>(streamed(options));
    assertTrue(got.size() > 50, got.size() + " passages");
    assertTrue(got.stream().anyMatch(ps -> !ps.suggestions().get(0).evidence().isEmpty()));
    got.sort(
        Comparator.comparing((PassageSuggestions s) -> s.passage().source())
            .thenComparingInt(s -> s.passage().start())
            .thenComparing(s -> s.passage().id()));
    assertEquals(kept.passages(), got);
  }

  @Test
  void theSinkSeesTheSameOrderOnOneTwoAndFourThreads() {
    SuggestOptions options = SuggestOptions.defaults().with(0, 2);
    List<PassageSuggestions> one = streamed(options.withThreads(1));
    for (int threads : new int[] {2, 4}) {
      // four threads split the seeds' kept passages into 16 runs, more than may wait at once
      assertEquals(one, streamed(options.withThreads(threads)), threads + " threads");
    }
  }

  @Test
  void aStreamedRunStoresNothing() {
    streamed(SuggestOptions.defaults().withThreads(2));
    try (Quarry q = Quarry.open(seedsIndex, Analysis.UNTAGGED)) {
      for (org.quarry.model.Code c : BOOK.codes()) {
        assertEquals(0, q.search(SearchRequest.of("code:" + c.id())).total(), c.id());
      }
    }
  }

  @Test
  void runsReachTheSinkInRunOrderWhateverOrderTheyEnd() {
    List<String> sunk = new ArrayList<>();
    RunsInOrder inOrder = new RunsInOrder(ps -> sunk.add(ps.passage().source()), 4, () -> false);
    inOrder.complete(2, List.of(passage("c")));
    inOrder.complete(1, List.of(passage("b")));
    assertEquals(List.of(), sunk, "run 0 is not done: nothing may pass it");
    inOrder.complete(0, List.of(passage("a1"), passage("a2")));
    assertEquals(List.of("a1", "a2", "b", "c"), sunk);
  }

  @Test
  void aRunTooFarAheadWaitsForTheRunTheSinkNeeds() throws Exception {
    RunsInOrder inOrder = new RunsInOrder(ps -> {}, 2, () -> false);
    assertTrue(inOrder.awaitTurn(0));
    assertTrue(inOrder.awaitTurn(1));
    CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> inOrder.awaitTurn(2));
    inOrder.complete(1, List.of());
    assertFalse(third.isDone() && third.getNow(false), "run 2 started before run 0 was handed on");
    inOrder.complete(0, List.of());
    assertTrue(third.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aWaitingRunGivesUpWhenTheWorkStops() throws Exception {
    AtomicBoolean stopped = new AtomicBoolean();
    RunsInOrder inOrder = new RunsInOrder(ps -> {}, 1, stopped::get);
    CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> inOrder.awaitTurn(1));
    stopped.set(true);
    assertFalse(second.get(10, TimeUnit.SECONDS));
  }

  private static PassageSuggestions passage(String id) {
    return new PassageSuggestions(
        org.quarry.model.Passage.of(
            id, org.quarry.model.PassageKind.NARRATIVE, null, null, 0, 1, "x"),
        List.of());
  }
}
