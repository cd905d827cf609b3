package org.quarry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;

class SearchMixTest {
  @TempDir static Path tmp;
  static Path index;

  @BeforeAll
  static void indexATranscript() throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(
        corpus.resolve("t1.txt"),
        "Interviewer: What about the appointment?\n"
            + "P1: The nurse arranged my discharge, and continuity of care was good.\n");
    index = tmp.resolve("index");
    try (Quarry q = Quarry.open(index)) {
      q.index(IndexRequest.of(corpus), IndexProgress.NONE);
    }
  }

  @Test
  void aFixedWarmUpRunsExactlyThoseRoundsAndClaimsNoSettledCompiler() throws IOException {
    SearchMix.Latencies l = SearchMix.run(index, 2, 3);
    assertEquals(3, l.warmUpRounds());
    assertFalse(l.settled());
    assertEquals(2 * SearchMix.QUERIES.size(), l.quarry().length);
    assertEquals(2 * SearchMix.QUERIES.size(), l.lucene().length);
    for (long nanos : l.quarry()) {
      assertTrue(nanos > 0);
    }
  }

  @Test
  void aNegativeWarmUpOtherThanUntilSettledIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SearchMix.run(index, 2, -2));
    assertThrows(IllegalArgumentException.class, () -> SearchMix.run(index, 0, 2));
  }

  @Test
  void warmingUpUntilSettledRunsAtLeastTheMeasuredRoundsAndStopsAtTheLimit() throws IOException {
    SearchMix.Latencies l = SearchMix.run(index, 2, SearchMix.UNTIL_SETTLED);
    assertTrue(l.warmUpRounds() >= 2, "warm-up " + l.warmUpRounds());
    assertTrue(l.warmUpRounds() <= SearchMix.MAX_WARM_UP_ROUNDS, "warm-up " + l.warmUpRounds());
    // it ends either because the compiler settled or because the limit was reached
    assertTrue(
        l.settled() || l.warmUpRounds() >= SearchMix.MAX_WARM_UP_ROUNDS,
        "warm-up " + l.warmUpRounds());
  }
}
