package org.quarry.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pretrained word vectors and the mean vector of a passage's words. */
class WordVectorsTest {
  private static final WordVectors TOY =
      new WordVectors(
          "toy",
          2,
          Map.of(
              "nurse",
              new float[] {3, 4},
              "doctor",
              new float[] {4, 3},
              "park",
              new float[] {0, -2}));

  private static double cosine(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s; // both at unit length
  }

  @Test
  void coreNlpEnglishVectorsPutRelatedWordsCloserThanUnrelatedOnes() {
    WordVectors en = WordVectors.english();
    assertEquals(50, en.dimensions());
    assertTrue(en.size() > 100_000, en.toString());
    float[] nurse = en.get("Nurse");
    assertTrue(
        cosine(nurse, en.get("doctor")) > cosine(nurse, en.get("parking")) + 0.2,
        cosine(nurse, en.get("doctor")) + " vs " + cosine(nurse, en.get("parking")));
    assertTrue(
        cosine(en.get("rude"), en.get("impolite")) > cosine(en.get("rude"), en.get("medication")));
  }

  @Test
  void vectorsAreKeptAtUnitLength() {
    assertArrayEquals(new float[] {0.6f, 0.8f}, TOY.get("nurse"), 1e-6f);
    assertNull(TOY.get("queue"));
  }

  @Test
  void theMeanWeighsWordsByCountAndWeightAndHasUnitLength() {
    double[] m = TOY.mean(Map.of("nurse", 1, "doctor", 1), w -> 1);
    assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(0.5)}, m, 1e-6);
    // "park" weighs 3 times as much as "nurse": (0.6, 0.8 - 3) scaled to unit length
    double[] tilted = TOY.mean(Map.of("nurse", 1, "park", 1), w -> w.equals("park") ? 3 : 1);
    double n = Math.hypot(0.6, 0.8 - 3);
    assertArrayEquals(new double[] {0.6 / n, (0.8 - 3) / n}, tilted, 1e-6);
  }

  @Test
  void phrasesWordPairsAndUnknownWordsAddNothing() {
    assertArrayEquals(
        TOY.mean(Map.of("nurse", 2), w -> 1),
        TOY.mean(Map.of("nurse", 2, "nurse_doctor", 5, "kind nurse", 5, "queue", 9), w -> 1),
        1e-12);
    assertArrayEquals(new double[2], TOY.mean(Map.of("queue", 1), w -> 1));
  }

  @Test
  void aVectorOfTheWrongLengthIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new WordVectors("bad", 3, Map.of("nurse", new float[] {1, 2})));
    assertTrue(e.getMessage().contains("'nurse' has 2 dimensions, not 3"), e.getMessage());
  }
}
