package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.model.Passage;

class StoredAnnotationTest {
  private static final LemmaAnnotator TAGGER = new LemmaAnnotator();

  @Test
  void everyTaggedSeedPassageComesBackAsAnnotatedAndInAThirdOfTheTextForm() {
    long stored = 0;
    long text = 0;
    SourcePassages seed = TestCorpus.seeds().get(0);
    for (Passage p : seed.passages()) {
      LemmaAnnotation a = TAGGER.annotate(p.text());
      BytesRef bytes = StoredAnnotation.encode(a, p.text());
      assertEquals(a, StoredAnnotation.decode(bytes, p.text()), p.id());
      stored += bytes.length;
      text += a.encode().getBytes(StandardCharsets.UTF_8).length;
    }
    assertTrue(stored * 3 < text, stored + " stored bytes against " + text + " as text");
  }

  @Test
  void anUntaggedAnnotationComesBackUntagged() {
    String text = "The patients were seen by their GPs.";
    LemmaAnnotation a = LemmaAnnotator.untagged().annotate(text);
    LemmaAnnotation back = StoredAnnotation.decode(StoredAnnotation.encode(a, text), text);
    assertEquals(a, back);
    assertFalse(back.hasTags());
  }

  @Test
  void lemmasUnlikeTheirWordsOtherTagsAndOffsetsOutsideTheTextComeBack() {
    String text = "We went 😀 fast";
    LemmaAnnotation a =
        new LemmaAnnotation(
            new int[] {0, 3, 8, 11, 40},
            new int[] {2, 7, 10, 15, 44},
            new String[] {"we", "go", "😀", "fast", "ghost"},
            new String[] {null, "went", null, "faster😀", null},
            new String[] {"PRP", "VBD", "EMOJI", "RB", "NN"},
            new int[] {0, 2});
    assertEquals(a, StoredAnnotation.decode(StoredAnnotation.encode(a, text), text));
  }

  @Test
  void bytesThatAreNoStoredAnnotationAreRefused() {
    String text = "voices";
    BytesRef good =
        StoredAnnotation.encode(
            new LemmaAnnotation(
                new int[] {0},
                new int[] {6},
                new String[] {"voice"},
                new String[] {null},
                new int[] {0}),
            text);
    BytesRef cut = new BytesRef(good.bytes, good.offset, good.length - 1);
    assertThrows(IllegalArgumentException.class, () -> StoredAnnotation.decode(cut, text));
    BytesRef otherVersion = BytesRef.deepCopyOf(good);
    otherVersion.bytes[otherVersion.offset] = 9;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> StoredAnnotation.decode(otherVersion, text));
    assertTrue(e.getMessage().contains("--reindex"), e.getMessage());
  }
}
