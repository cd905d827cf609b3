package org.quarry.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LemmaAnnotatorTest {
  private static final String TEXT =
      "Clinical directors were representing the voices of PCNs. The ICSs listened.";
  private static LemmaAnnotator annotator;
  private static LemmaAnnotation annotation;

  @BeforeAll
  static void annotate() {
    annotator = new LemmaAnnotator();
    annotation = annotator.annotate(TEXT);
  }

  @Test
  void lemmatisesWordsByTheirTags() {
    List<String> lemmas = new ArrayList<>();
    for (int i = 0; i < annotation.size(); i++) {
      lemmas.add(annotation.lemma(i));
    }
    assertEquals(
        List.of(
            "clinical",
            "director",
            "be",
            "represent",
            "the",
            "voice",
            "of",
            "pcn",
            "the",
            "ics",
            "listen"),
        lemmas);
  }

  @Test
  void lemmaOffsetsAreTheWordOffsetsOfTheTextField() throws IOException {
    List<String> exact = new ArrayList<>();
    try (TokenStream ts = QuarryAnalyzer.forIndexing().tokenStream(QuarryAnalyzer.TEXT, TEXT)) {
      OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        exact.add(o.startOffset() + "-" + o.endOffset());
      }
      ts.end();
    }
    List<String> lemma = new ArrayList<>();
    for (int i = 0; i < annotation.size(); i++) {
      lemma.add(annotation.start(i) + "-" + annotation.end(i));
    }
    assertEquals(exact, lemma);
  }

  @Test
  void findsSentenceStarts() {
    assertArrayEquals(new int[] {0, 8}, annotation.sentenceStarts());
  }

  @Test
  void encodedFormDecodesToTheSameAnnotation() {
    assertEquals(annotation, LemmaAnnotation.decode(annotation.encode()));
  }

  @Test
  void tokenStreamStacksTheUntaggedLemmaOnTheSamePosition() throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = new LemmaTokenStream(annotation)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(t + "/" + inc.getPositionIncrement());
      }
      ts.end();
    }
    // "were" is "be" by its tag and "be" without one too; "representing" differs only when the
    // untagged form does, so check the one invariant: every stacked token has increment 0
    assertTrue(out.contains("voice/1"), out.toString());
    assertEquals(annotation.size(), out.stream().filter(s -> s.endsWith("/1")).count());
  }

  @Test
  void countsTaggerTime() {
    assertTrue(annotator.taggerNanos() > 0);
  }
}
