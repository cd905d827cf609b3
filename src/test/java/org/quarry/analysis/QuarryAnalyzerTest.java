package org.quarry.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class QuarryAnalyzerTest {

  @Test
  void exactFieldLowerCasesAndFoldsAcronymPlurals() throws IOException {
    assertEquals(
        List.of("the", "ics", "stp", "voices"),
        terms(QuarryAnalyzer.forIndexing(), QuarryAnalyzer.TEXT, "The ICSs/STPs voices"));
  }

  @Test
  void stemFieldDropsPossessivesAndStems() throws IOException {
    assertEquals(
        List.of("practic", "pcn", "commiss"),
        terms(
            QuarryAnalyzer.forIndexing(),
            QuarryAnalyzer.TEXT_STEM,
            "practice's PCNs commissioning"));
  }

  @Test
  void queryLemmasNeedNoModelAndKeepAcronyms() throws IOException {
    assertEquals(
        List.of("voice", "ics", "pcn", "director", "idns1.24"),
        terms(
            QuarryAnalyzer.forIndexing(),
            QuarryAnalyzer.TEXT_LEMMA,
            "voices ICS PCNs directors IDNS1.24"));
  }

  @Test
  void glossarySynonymsExpandAcronymsToLemmaPhrases() throws IOException {
    Glossary glossary = Glossary.parse("ICS, integrated care system\n", "test");
    Analyzer query = QuarryAnalyzer.forQuerying(glossary);
    List<String> out = terms(query, QuarryAnalyzer.TEXT_LEMMA, "ICSs");
    assertTrue(out.containsAll(List.of("integrate", "care", "system", "ics")), out.toString());
    List<String> back = terms(query, QuarryAnalyzer.TEXT_LEMMA, "integrated care systems");
    assertTrue(back.contains("ics"), back.toString());
  }

  @Test
  void badGlossaryRuleNamesTheFileAndLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Glossary.parse("ICS, integrated care system\nfoo => \n", "nhs.txt"));
    assertTrue(e.getMessage().startsWith("nhs.txt:"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void shippedGlossaryParses() throws IOException {
    Glossary g = Glossary.load(java.nio.file.Path.of("seeds/nhs-glossary.txt"));
    assertTrue(!g.isEmpty());
    assertTrue(
        terms(QuarryAnalyzer.forQuerying(g), QuarryAnalyzer.TEXT_LEMMA, "PCN").contains("network"));
  }

  static List<String> terms(Analyzer analyzer, String field, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(t.toString());
      }
      ts.end();
    }
    return out;
  }
}
