package org.quarry.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.stanford.nlp.process.Morphology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A remembered lemma is the lemma the lexer gives, for every word and tag, after it forgets too.
 */
class LemmaMemoTest {
  static final List<String> TAGS = List.of("NN", "NNS", "VB", "VBD", "VBG", "VBZ", "JJ", "NNP");

  @Test
  void everyWordOfASeedPaperGetsTheLexersLemmasTwice() throws IOException {
    String text =
        Files.readString(Path.of("seeds", "000_ac75c9529fd8bcf6.txt"), StandardCharsets.UTF_8);
    List<String> words = List.of(text.split("[^\\p{L}\\p{N}'-]+"));
    Morphology lexer = new Morphology();
    LemmaMemo memo = new LemmaMemo();
    for (int round = 0; round < 2; round++) { // the second round answers from the memo
      for (String w : words) {
        if (w.isEmpty()) {
          continue;
        }
        assertEquals(Lemmas.untagged(lexer, w), memo.untagged(w), w);
        String tag = TAGS.get(Math.floorMod(w.hashCode(), TAGS.size()));
        assertEquals(Lemmas.tagged(lexer, w, tag), memo.tagged(w, tag), w + "/" + tag);
      }
    }
  }

  @Test
  void theSameWordWithAnotherTagGetsItsOwnLemma() {
    LemmaMemo memo = new LemmaMemo();
    assertEquals("saw", memo.tagged("saw", "NN"));
    assertEquals("see", memo.tagged("saw", "VBD"));
    assertEquals(Lemmas.untagged(new Morphology(), "saw"), memo.untagged("saw"));
  }

  @Test
  void aFullMemoForgetsAndStillAnswersAsTheLexer() {
    Morphology lexer = new Morphology();
    LemmaMemo memo = new LemmaMemo();
    for (int i = 0; i < LemmaMemo.MAX_ENTRIES + 500; i++) {
      String w = String.format(Locale.ROOT, "walks%s", Integer.toString(i, 26).replace('0', 'z'));
      assertEquals(Lemmas.untagged(lexer, w), memo.untagged(w), w);
    }
    assertEquals("walk", memo.untagged("walks"));
    assertEquals("ICS".toLowerCase(Locale.ROOT), memo.untagged("ICS"));
  }
}
