package org.quarry.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;
import org.junit.Test;

/** {@link UntaggedLemmaFilter} against Lucene's token stream contract. */
public class UntaggedLemmaFilterStreamTest extends BaseTokenStreamTestCase {

  @Test
  public void testLemmatisesWordsLowerCaseAndKeepsAcronymsAndCodes() throws IOException {
    TokenStream ts =
        new UntaggedLemmaFilter(whitespaceMockTokenizer("Voices ICS systems GP2 went"));
    assertTokenStreamContents(
        ts,
        new String[] {"voice", "ics", "system", "gp2", "go"},
        new int[] {0, 7, 11, 19, 23},
        new int[] {6, 10, 18, 22, 27},
        27);
  }

  @Test
  public void testLeavesKeywordsAlone() throws IOException {
    CharArraySet keep = new CharArraySet(java.util.List.of("Voices"), false);
    TokenStream ts =
        new UntaggedLemmaFilter(
            new SetKeywordMarkerFilter(whitespaceMockTokenizer("Voices voices"), keep));
    assertTokenStreamContents(ts, new String[] {"Voices", "voice"});
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
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new UntaggedLemmaFilter(source));
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
        return new TokenStreamComponents(source, new UntaggedLemmaFilter(source));
      }
    };
  }
}
