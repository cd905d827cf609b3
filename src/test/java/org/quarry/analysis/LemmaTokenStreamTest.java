package org.quarry.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.junit.Test;

/** {@link LemmaTokenStream} against Lucene's token stream contract. */
public class LemmaTokenStreamTest extends BaseTokenStreamTestCase {

  @Test
  public void testStacksTheUntaggedLemmaOnTheTaggedOnesPositionWithTheWordsOffsets()
      throws IOException {
    // "She saw saws ." : "saw" tagged as a verb is "see", untagged it stays "saw"
    LemmaAnnotation a =
        new LemmaAnnotation(
            new int[] {0, 4, 8},
            new int[] {3, 7, 12},
            new String[] {"she", "see", "saw"},
            new String[] {null, "saw", null},
            new int[] {0});
    assertTokenStreamContents(
        new LemmaTokenStream(a, 14),
        new String[] {"she", "see", "saw", "saw"},
        new int[] {0, 4, 4, 8},
        new int[] {3, 7, 7, 12},
        new int[] {1, 1, 0, 1},
        14);
  }

  @Test
  public void testAnEmptyAnnotationHasNoTokens() throws IOException {
    LemmaAnnotation none =
        new LemmaAnnotation(new int[0], new int[0], new String[0], new String[0], new int[0]);
    assertTokenStreamContents(
        new LemmaTokenStream(none, 3), new String[0], new int[0], new int[0], new int[0], 3);
  }

  @Test
  public void testATextShorterThanItsTokensIsRefused() {
    LemmaAnnotation a =
        new LemmaAnnotation(
            new int[] {0},
            new int[] {5},
            new String[] {"voice"},
            new String[] {null},
            new int[] {0});
    IllegalArgumentException e =
        expectThrows(IllegalArgumentException.class, () -> new LemmaTokenStream(a, 4));
    assertTrue(e.getMessage(), e.getMessage().contains("4"));
  }

  @Test
  public void testRandomTextThroughTheUntaggedAnnotator() throws IOException {
    try (Analyzer a = analyzer(LemmaAnnotator.untagged())) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
      checkRandomData(random(), a, 10 * RANDOM_MULTIPLIER, 1024);
    }
  }

  @Test
  public void testRandomTextThroughTheTaggingAnnotator() throws IOException {
    // the tagger is slow to load and run: a few texts are enough to check the stacked tokens
    try (Analyzer a = analyzer(new LemmaAnnotator())) {
      checkRandomData(random(), a, 20 * RANDOM_MULTIPLIER, 64);
    }
  }

  private static Analyzer analyzer(TextAnnotator annotator) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new AnnotatingTokenizer(annotator));
      }
    };
  }
}
