package org.quarry.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.junit.Test;

/**
 * Each field chain of {@link QuarryAnalyzer}, for indexing and for querying with a glossary's
 * synonyms, against Lucene's token stream contract.
 */
public class QuarryAnalyzerStreamTest extends BaseTokenStreamTestCase {
  private static final String GLOSSARY = "ICS, integrated care system\nPCN, primary care network\n";

  @Test
  public void testExactWords() throws IOException {
    try (Analyzer a = QuarryAnalyzer.forIndexing()) {
      assertTokenStreamContents(
          a.tokenStream(QuarryAnalyzer.TEXT, "The ICSs' voices"),
          new String[] {"the", "ics", "voices"},
          new int[] {0, 4, 10},
          new int[] {3, 8, 16},
          new int[] {1, 1, 1},
          16);
    }
  }

  @Test
  public void testStems() throws IOException {
    try (Analyzer a = QuarryAnalyzer.forIndexing()) {
      assertTokenStreamContents(
          a.tokenStream(QuarryAnalyzer.TEXT_STEM, "practice's PCNs"),
          new String[] {"practic", "pcn"},
          new int[] {0, 11},
          new int[] {10, 15},
          new int[] {1, 1},
          15);
    }
  }

  @Test
  public void testQueryLemmas() throws IOException {
    try (Analyzer a = QuarryAnalyzer.forIndexing()) {
      assertTokenStreamContents(
          a.tokenStream(QuarryAnalyzer.TEXT_LEMMA, "voices PCNs"),
          new String[] {"voice", "pcn"},
          new int[] {0, 7},
          new int[] {6, 11},
          new int[] {1, 1},
          11);
    }
  }

  @Test
  public void testAnyOtherFieldIsOneKeyword() throws IOException {
    try (Analyzer a = QuarryAnalyzer.forIndexing()) {
      assertTokenStreamContents(
          a.tokenStream("participant", "IDNS1.24 GP"), new String[] {"IDNS1.24 GP"});
    }
  }

  @Test
  public void testRandomTextOnEachIndexedField() throws IOException {
    try (Analyzer quarry = QuarryAnalyzer.forIndexing()) {
      for (String field :
          new String[] {QuarryAnalyzer.TEXT, QuarryAnalyzer.TEXT_STEM, QuarryAnalyzer.TEXT_LEMMA}) {
        try (Analyzer a = onField(quarry, field)) {
          // the field's own chain runs, not the keyword one of other fields
          assertAnalyzesTo(a, "PCNs", new String[] {"pcn"});
          checkRandomData(random(), a, 100 * RANDOM_MULTIPLIER);
          checkRandomData(random(), a, 5 * RANDOM_MULTIPLIER, 1024);
        }
      }
    }
  }

  @Test
  public void testRandomTextThroughTheGlossarysSynonyms() throws IOException {
    try (Analyzer quarry = QuarryAnalyzer.forQuerying(Glossary.parse(GLOSSARY, "test"))) {
      for (String field : new String[] {QuarryAnalyzer.TEXT, QuarryAnalyzer.TEXT_LEMMA}) {
        try (Analyzer a = onField(quarry, field)) {
          java.util.Set<String> paths = getGraphStrings(a, "ICSs");
          assertTrue(paths.toString(), paths.contains("ics"));
          assertTrue(paths.toString(), paths.stream().anyMatch(p -> p.endsWith(" care system")));
          checkRandomData(random(), a, 100 * RANDOM_MULTIPLIER);
        }
      }
    }
  }

  @Test
  public void testRandomTextThroughEachGlossaryChain() throws IOException {
    for (QuarryAnalyzer.Chain chain : QuarryAnalyzer.Chain.values()) {
      try (Analyzer a = QuarryAnalyzer.chain(chain)) {
        checkRandomData(random(), a, 100 * RANDOM_MULTIPLIER);
      }
    }
  }

  // the random-data checks analyse a field of their own name; this runs `field`'s chain of
  // `quarry` whatever field is asked for. An analyzer hands a thread the same stream for a field
  // every time, so the stream fetched here is the one each new reader is set on.
  private static Analyzer onField(Analyzer quarry, String field) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String ignored) {
        TokenStream stream = quarry.tokenStream(field, "");
        try {
          stream.close();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return new TokenStreamComponents(
            (Reader reader) -> quarry.tokenStream(field, reader), stream);
      }
    };
  }
}
