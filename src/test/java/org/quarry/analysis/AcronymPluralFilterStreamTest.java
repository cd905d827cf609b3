package org.quarry.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;
import org.junit.Test;

/** {@link AcronymPluralFilter} against Lucene's token stream contract. */
public class AcronymPluralFilterStreamTest extends BaseTokenStreamTestCase {

  @Test
  public void testFoldsAcronymPluralsKeepingOffsets() throws IOException {
    TokenStream ts =
        new AcronymPluralFilter(whitespaceMockTokenizer("PCNs and ICSs GPS voices As"));
    assertTokenStreamContents(
        ts,
        new String[] {"PCN", "and", "ICS", "GPS", "voices", "As"},
        new int[] {0, 5, 9, 14, 18, 25},
        new int[] {4, 8, 13, 17, 24, 27},
        27);
  }

  @Test
  public void testLeavesKeywordsAlone() throws IOException {
    CharArraySet keep = new CharArraySet(java.util.List.of("CCGs"), false);
    TokenStream ts =
        new AcronymPluralFilter(
            new SetKeywordMarkerFilter(whitespaceMockTokenizer("CCGs PCNs"), keep));
    assertTokenStreamContents(ts, new String[] {"CCGs", "PCN"});
  }

  @Test
  public void testRandomText() throws IOException {
    try (Analyzer a = analyzer()) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
      checkRandomData(random(), a, 10 * RANDOM_MULTIPLIER, 1024);
    }
  }

  @Test
  public void testEmptyTerm() throws IOException {
    try (Analyzer a =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new org.apache.lucene.analysis.core.KeywordTokenizer();
            return new TokenStreamComponents(source, new AcronymPluralFilter(source));
          }
        }) {
      checkOneTerm(a, "", "");
    }
  }

  private static Analyzer analyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new MockTokenizer(MockTokenizer.WHITESPACE, false);
        return new TokenStreamComponents(source, new AcronymPluralFilter(source));
      }
    };
  }
}
