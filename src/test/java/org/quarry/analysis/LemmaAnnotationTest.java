package org.quarry.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LemmaAnnotationTest {
  static final LemmaAnnotation TAGGED =
      new LemmaAnnotation(
          new int[] {0, 8, 13},
          new int[] {7, 12, 21},
          new String[] {"primary", "care", "network"},
          new String[] {null, null, null},
          new String[] {"JJ", "NN", "NNS"},
          new int[] {0});

  @Test
  void tagsSurviveTheStoredForm() {
    LemmaAnnotation back = LemmaAnnotation.decode(TAGGED.encode());
    assertEquals(TAGGED, back);
    assertTrue(back.hasTags());
    assertEquals("NNS", back.tag(2));
  }

  @Test
  void anUntaggedAnnotationComesBackWithoutTags() {
    LemmaAnnotation untagged =
        new LemmaAnnotation(
            new int[] {0},
            new int[] {5},
            new String[] {"voice"},
            new String[] {null},
            new int[] {0});
    LemmaAnnotation back = LemmaAnnotation.decode(untagged.encode());
    assertEquals(untagged, back);
    assertFalse(back.hasTags());
    assertNull(back.tag(0));
  }

  @Test
  void theFirstVersionWithoutTagFieldsIsStillRead() {
    // what indexes made before tags were kept hold
    LemmaAnnotation v1 =
        LemmaAnnotation.decode("lemma-v1\n0\t6\tvoice\tvoices 7\t9\tof\n10\t13\tics");
    assertEquals(3, v1.size());
    assertEquals("voice", v1.lemma(0));
    assertEquals("voices", v1.untagged(0));
    assertEquals("ics", v1.lemma(2));
    assertEquals(2, v1.sentenceStarts()[1]);
    assertFalse(v1.hasTags());
  }

  @Test
  void anUnknownVersionIsRefusedWithTheFix() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LemmaAnnotation.decode("lemma-v9\n0\t1\tX\ta"));
    assertTrue(e.getMessage().contains("re-index"), e.getMessage());
  }
}
