package org.quarry.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-process sentence encoder the learned suggester can weigh. */
class SentenceEncoderTest {
  private static final SentenceEncoder BGE = SentenceEncoder.bgeSmall();

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  @Test
  void aParaphraseWithNoWordInCommonIsCloserThanATextOnAnotherTheme() {
    List<float[]> v =
        BGE.encode(
            List.of(
                "We waited four hours in A&E before anyone saw us.",
                "The delay before the doctor came was far too long.",
                "The car park charges are a scandal."));
    assertTrue(cosine(v.get(0), v.get(1)) > cosine(v.get(0), v.get(2)) + 0.1);
  }

  @Test
  void everyVectorHasTheEncodersLengthAndUnitNorm() {
    for (float[] v : BGE.encode(List.of("Kind nurses.", "", "   "))) {
      assertEquals(BGE.dimensions(), v.length);
      assertEquals(1, cosine(v, v), 1e-4);
    }
  }

  @Test
  void theSameTextGivesTheSameVectorInAnyBatch() {
    List<float[]> a = BGE.encode(List.of("The staff listened to me.", "Parking was hard."));
    List<float[]> b = BGE.encode(List.of("Parking was hard.", "Parking was hard."));
    assertArrayEquals(a.get(1), b.get(0), 1e-5f);
    assertArrayEquals(b.get(0), b.get(1));
  }

  @Test
  void aModelFileNamesItsEncoderAndAnUnknownNameIsRefused() {
    assertEquals(BGE, SentenceEncoder.named(SentenceEncoder.BGE_SMALL));
    assertThrows(IllegalArgumentException.class, () -> SentenceEncoder.named("word2vec"));
  }
}
