package org.quarry.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Worker shares split one corpus's sources between N workers without overlap. */
class WorkerShareTest {
  @Test
  void everySourceGoesToExactlyOneOfTheWorkers() {
    int[] taken = new int[3];
    for (int s = 0; s < 3_000; s++) {
      String id = "interviews/p" + s + ".txt";
      int owners = 0;
      for (int w = 1; w <= 3; w++) {
        if (WorkerShare.parse(w + "/3").takes(id)) {
          owners++;
          taken[w - 1]++;
        }
      }
      assertEquals(1, owners, id);
    }
    for (int t : taken) {
      assertTrue(t > 850 && t < 1150, "shares are near even: " + java.util.Arrays.toString(taken));
    }
  }

  @Test
  void oneWorkerTakesEverything() {
    assertTrue(WorkerShare.ALL.takes("anything.txt"));
    assertEquals("1/1", WorkerShare.ALL.toString());
  }

  @Test
  void aShareIsIOfN() {
    assertEquals(new WorkerShare(2, 4), WorkerShare.parse(" 2 / 4 "));
    for (String bad : new String[] {"2", "0/2", "3/2", "a/b", "/2", "1/0"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> WorkerShare.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("--worker "), e.getMessage());
    }
  }
}
