package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.quarry.model.OffsetMap;

class OffsetRunsTest {
  private static int[] entries(OffsetMap map) {
    int[] o = new int[map.length() + 1];
    for (int i = 0; i < o.length; i++) {
      o[i] = map.toOriginal(i);
    }
    return o;
  }

  @Test
  void aSeedReadAsItIsTakesAFewBytes() throws Exception {
    String text = Files.readString(Path.of("seeds/000_ac75c9529fd8bcf6.txt"));
    OffsetMap map = OffsetMap.identity(text);
    BytesRef runs = OffsetRuns.encode(map);
    assertTrue(runs.length < 16, runs.length + " bytes for " + text.length() + " chars");
    assertArrayEquals(entries(map), OffsetRuns.decode(runs));
  }

  @Test
  void surrogatePairsAndAShiftComeBack() {
    OffsetMap map = OffsetMap.identity("one 😀 two 😀😀 three").shifted(42);
    assertArrayEquals(entries(map), OffsetRuns.decode(OffsetRuns.encode(map)));
  }

  @Test
  void anyNonDecreasingMapComesBack() {
    Random random = new Random(13);
    for (int round = 0; round < 200; round++) {
      int[] origin = new int[1 + random.nextInt(300)];
      origin[0] = random.nextInt(1000);
      for (int i = 1; i < origin.length; i++) {
        // mostly one step on, as normalised text is, with gaps and repeats between
        int r = random.nextInt(10);
        origin[i] = origin[i - 1] + (r < 7 ? 1 : r == 7 ? 0 : random.nextInt(100_000));
      }
      assertArrayEquals(origin, OffsetRuns.decode(OffsetRuns.encode(origin)), "round " + round);
    }
  }

  @Test
  void theOldFormOfOneIntPerEntryIsRead() {
    java.nio.ByteBuffer ints = java.nio.ByteBuffer.allocate(3 * Integer.BYTES);
    ints.putInt(0).putInt(2).putInt(3);
    assertArrayEquals(new int[] {0, 2, 3}, OffsetRuns.decodeInts(new BytesRef(ints.array())));
  }

  @Test
  void runsBreakingPastTheEndAreRefused() {
    // 3 entries, first offset 0, then a break 5 entries on
    BytesRef bad = new BytesRef(new byte[] {3, 0, 5, 2});
    assertThrows(IllegalArgumentException.class, () -> OffsetRuns.decode(bad));
  }
}
