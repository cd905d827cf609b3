package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.quarry.model.Span;

/**
 * Inline HTML in Markdown and plain-text renderings: removed through the offset map, text left
 * alone.
 */
class InlineTagsTest {

  private static String norm(String raw) {
    return TextNormalizer.normalize(raw).text();
  }

  @Test
  void aSupCitationMarkerGoesWithItsTags() {
    assertEquals(
        "the system. Commissioners said", norm("the system.<sup>12</sup> Commissioners said"));
  }

  @Test
  void aCitationMarkerWithCommasDashesAndSpacesGoesToo() {
    assertEquals(
        "providers, and more.", norm("providers<sup>20, 21–23</sup>, and more.<sub>4-6</sub>"));
  }

  @Test
  void emphasisTagsGoAndTheirWordsStay() {
    assertEquals(
        "it was very hard, she said",
        norm("it was <em>very</em> <B>hard</B>, <span class=\"x\">she</span> said"));
  }

  @Test
  void aSupHoldingWordsKeepsThem() {
    assertEquals("the 1st time", norm("the 1<sup>st</sup> time"));
  }

  @Test
  void aDigitThatIsPartOfASymbolIsNoCitation() {
    assertEquals("50 m2 of CO2", norm("50 m<sup>2</sup> of CO<sub>2</sub>"));
  }

  @Test
  void aSupDigitAfterAWordThatIsNoUnitIsACitation() {
    assertEquals(
        "in the UK and as Smith et al found in 2019",
        norm("in the UK<sup>3</sup> and as Smith et al<sup>4</sup> found in<sup>5</sup> 2019"));
  }

  @Test
  void aLineBreakTagBetweenWordsBecomesASpace() {
    assertEquals("one two, three", norm("one<br>two,<br/> three"));
  }

  @Test
  void aLinkKeepsItsTextAndLosesItsTags() {
    assertEquals(
        "see the guidance here",
        norm("see <a href=\"https://example.org/g?a=1&b=2\">the guidance</a> here"));
  }

  @Test
  void textThatIsNoWellFormedTagIsLeftAlone() {
    for (String text :
        new String[] {
          "children <5 years",
          "a < b > c",
          "x <b and y",
          "<bold>not known</bold>",
          "<sup>12 unclosed",
          "a </em> alone",
          "<i>start\n\nend</i> in two paragraphs",
          "<a\nhref=x>y</a>"
        }) {
      assertEquals(text, norm(text), text);
    }
  }

  @Test
  void keptWordsMapToTheirPlaceInTheFile() {
    String raw = "We said<sup>3</sup> it <em>twice</em> here";
    TextNormalizer.Normalized n = TextNormalizer.normalize(raw);
    assertEquals("We said it twice here", n.text());
    int twice = n.text().indexOf("twice");
    assertEquals(
        new Span(raw.indexOf("twice"), raw.indexOf("twice") + 5),
        n.offsets().toOriginal(twice, twice + 5));
    int it = n.text().indexOf(" it");
    assertEquals(raw.indexOf(" it"), n.offsets().toOriginal(it));
  }

  @Test
  void longHostileRunsOfAngleBracketsAndTagsAreScannedOnce() {
    // no timing: each '<' looks at most a bounded stretch ahead, and unpaired tags are kept
    String brackets = "<".repeat(100_000);
    assertTrue(norm(brackets).equals(brackets), "a run of '<' is text");
    String opens = "<b".repeat(50_000) + "<a " + "x".repeat(100_000);
    assertTrue(norm(opens).equals(opens), "unclosed tag starts are text");
    String unpaired = "<em>".repeat(50_000);
    assertTrue(norm(unpaired).equals(unpaired), "start tags without end tags are text");
    assertTrue(norm("<i>x</i>".repeat(50_000)).equals("x".repeat(50_000)), "paired tags go");
  }

  @Test
  void theSeedRenderingKeepsNoCitationTagsAndItsWordsMapIntoTheFile() throws java.io.IOException {
    String raw =
        java.nio.file.Files.readString(java.nio.file.Path.of("seeds/002_089efb293f434282.txt"));
    TextNormalizer.Normalized n = TextNormalizer.normalize(raw);
    assertEquals(-1, n.text().indexOf("<sup>"));
    int at = n.text().indexOf("shape the system. Commissioners");
    Span span = n.offsets().toOriginal(at, at + "shape the system. Commissioners".length());
    assertEquals(
        "shape the system.<sup>12</sup> Commissioners", raw.substring(span.start(), span.end()));
  }
}
