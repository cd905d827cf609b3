package org.quarry.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class AcronymPluralFilterTest {

  @Test
  void foldsAcronymPluralsAndKeepsOffsets() throws IOException {
    assertEquals(
        List.of(
            "ICS[0,4]",
            "STP[5,9]",
            "PCN[10,14]",
            "CCG[15,19]",
            "GPS[20,23]",
            "voices[24,30]",
            "As[31,33]",
            "Is[34,36]",
            "CD[37,40]"),
        tokens("ICSs STPs PCNs CCGs GPS voices As Is CDs"));
  }

  @Test
  void randomWordsChangeOnlyWhenTheyAreAcronymPlurals() throws IOException {
    Random random = new Random(20240611L);
    String alphabet = "ABCsSxyz1";
    for (int round = 0; round < 200; round++) {
      List<String> words = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 1 + random.nextInt(6); w++) {
        StringBuilder word = new StringBuilder();
        for (int c = 0; c < 1 + random.nextInt(5); c++) {
          word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        words.add(word.toString());
        text.append(word).append(' ');
      }
      List<String> expected = new ArrayList<>();
      int offset = 0;
      for (String w : words) {
        String folded = w.matches("\\p{Lu}{2,}s") ? w.substring(0, w.length() - 1) : w;
        expected.add(folded + "[" + offset + "," + (offset + w.length()) + "]");
        offset += w.length() + 1;
      }
      assertEquals(expected, tokens(text.toString()), "input: " + text);
    }
  }

  private static List<String> tokens(String text) throws IOException {
    WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
    tokenizer.setReader(new StringReader(text));
    List<String> out = new ArrayList<>();
    try (TokenStream ts = new AcronymPluralFilter(tokenizer)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "[" + offset.startOffset() + "," + offset.endOffset() + "]");
      }
      ts.end();
    }
    return out;
  }
}
