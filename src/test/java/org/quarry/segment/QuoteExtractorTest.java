package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What counts as a participant code, and which quote marks pair. */
class QuoteExtractorTest {
  private final QuoteExtractor extractor = new QuoteExtractor();

  private List<String> quotes(String paragraph) {
    return extractor.find(paragraph, 0, paragraph.length()).stream()
        .map(q -> q.participant() + " | " + paragraph.substring(q.start(), q.end()))
        .toList();
  }

  @Test
  void codesOfManyStudiesAreRecognised() {
    for (String code :
        List.of(
            "N710cg", "n210×8", "IDNS1.14", "IDNS1.2", "P07", "R3", "FG2-P4", "Participant 12")) {
      assertEquals(Optional.of(code), QuoteExtractor.participantCode(code), code);
    }
  }

  @Test
  void aCodeMayCarryAGloss() {
    assertEquals(Optional.of("P07"), QuoteExtractor.participantCode("P07, practice manager"));
    assertEquals(
        Optional.of("IDNS1.14"),
        QuoteExtractor.participantCode("IDNS1.14 [ID number survey 1, 14th person interviewed]"));
  }

  @Test
  void aCodeMayFollowARole() {
    assertEquals(Optional.of("P12"), QuoteExtractor.participantCode("Practice manager, P12"));
    assertEquals(Optional.empty(), QuoteExtractor.participantCode("NHS England, 2019"));
  }

  @Test
  void aMarkdownBlockQuoteLosesItsMarker() {
    assertEquals(List.of("P5 | We never see them."), quotes("> We never see them. [P5]"));
  }

  @Test
  void citationsPageReferencesAndAsidesAreNotCodes() {
    for (String notCode :
        List.of(
            "12",
            "p4",
            "pp12",
            "n=16",
            "eg, [N710cg]",
            "NHS England",
            "Smith 2019",
            "Smith et al., 2019a",
            "COVID-19",
            "Table 1")) {
      assertEquals(Optional.empty(), QuoteExtractor.participantCode(notCode), notCode);
    }
  }

  @Test
  void anInlineQuotePairsWithTheNearestOpeningMarkPastNestedScareQuotes() {
    assertEquals(
        List.of("R3 | it was 'joined up' on paper only"),
        quotes("She said ‘tidy’ things. Another: 'it was 'joined up' on paper only' [R3]."));
  }

  @Test
  void aPluralPossessiveInsideAQuoteDoesNotHideItsOpeningMark() {
    assertEquals(
        List.of("R1 | the PCNs’ role is unclear to us"),
        quotes("Most were unsure; one said ‘the PCNs’ role is unclear to us’ [R1]."));
  }

  @Test
  void anApostropheIsNotAnOpeningMark() {
    assertEquals(
        List.of("P2 | we don't all have to go to everything."),
        quotes("we don't all have to go to everything. '[P2]"));
  }

  @Test
  void aCodeAfterPlainWordsInsideAParagraphIsNotAQuote() {
    assertEquals(
        List.of(),
        quotes("Extracts carry a code (eg, [N710cg]) and the guidance says so (p4) in one place."));
  }

  @Test
  void aParagraphOfUnclosedBracketsAndStrayCodesTakesLinearTime() {
    String junk = "( [ (P1 ".repeat(20_000) + "“x” [P1]";
    long t0 = System.nanoTime();
    assertEquals(List.of("P1 | x"), quotes(junk));
    assertEquals(
        true,
        System.nanoTime() - t0 < 2_000_000_000L,
        "took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  @Test
  void twoInlineQuotesInOneParagraph() {
    assertEquals(
        List.of("P1 | first", "P2 | second"),
        quotes("One said “first” [P1] and another “second” (P2, nurse)."));
  }
}
