package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quarry.model.PassageKind;

/**
 * Participant codes given after a dash instead of in brackets, and dashes that are only
 * punctuation.
 */
class DashAttributionTest {
  private final QuoteExtractor extractor = new QuoteExtractor();

  private List<String> quotes(String paragraph) {
    return extractor.find(paragraph, 0, paragraph.length()).stream()
        .map(q -> q.participant() + " | " + paragraph.substring(q.start(), q.end()))
        .toList();
  }

  private static List<String> passages(String raw) {
    return Papers.segment(Papers.source("dash.md", raw)).stream()
        .map(p -> p.kind().label() + " " + p.participant() + " | " + p.text())
        .toList();
  }

  @Test
  void anEmDashAfterAQuoteGivesItsCode() {
    assertEquals(List.of("P07 | We never see them."), quotes("'We never see them.' — P07"));
  }

  @Test
  void anEnDashMayGiveAParticipantLabelWithAGloss() {
    assertEquals(
        List.of("Participant 7 | It was chaos."), quotes("\"It was chaos.\" – Participant 7, GP"));
  }

  @Test
  void aDashMayComeBeforeABracketedCode() {
    assertEquals(List.of("P07 | It was chaos."), quotes("“It was chaos.” — [P07]"));
  }

  @Test
  void oneToThreeHyphensServeAsADash() {
    assertEquals(List.of("P07 | It was chaos."), quotes("'It was chaos.' - P07"));
    assertEquals(List.of("P07 | It was chaos."), quotes("'It was chaos.' -- P07."));
    assertEquals(List.of("P07 | It was chaos."), quotes("'It was chaos.' --- P07"));
  }

  @Test
  void aDashedCodeStraightAfterAQuoteMayEndASentenceInsideTheParagraph() {
    assertEquals(List.of("P07 | we cope"), quotes("One said 'we cope' — P07. Others did not."));
  }

  @Test
  void aDashedCodeWithoutQuoteMarksEndingAParagraphEndsABlockQuote() {
    assertEquals(List.of("P3 | We cope, mostly."), quotes("We cope, mostly. — P3"));
  }

  @Test
  void aDashInsideAQuoteIsPunctuation() {
    assertEquals(
        List.of("P1 | It has all come too quickly — develop new services — it is too much."),
        quotes("'It has all come too quickly — develop new services — it is too much.' (P1)"));
  }

  @Test
  void aDashInNarrativeBeforeWordsIsPunctuation() {
    assertEquals(List.of(), quotes("The practices differ — see Table 2"));
    assertEquals(List.of(), quotes("Waits of 12–18 months — P07 said so — were common."));
    assertEquals(List.of(), quotes("One called it 'chaos' — P07 and P08 agreed."));
  }

  @Test
  void aDashLineAfterABlockQuoteIsItsAttribution() {
    assertEquals(
        List.of("narrative null | One manager put it plainly:", "quote P07 | We never see them."),
        passages("Findings\n\nOne manager put it plainly:\n\n'We never see them.'\n\n— P07\n"));
  }

  @Test
  void aDashLineMayGiveALabelWithAGlossInParentheses() {
    assertEquals(
        List.of("quote Participant 7 | We never see them."),
        passages("Findings\n\n“We never see them.”\n– Participant 7 (nurse)\n"));
  }

  @Test
  void aDashLineAfterAMarkdownBlockQuoteIsItsAttributionWhateverItsLastMark() {
    assertEquals(
        List.of("quote P07 | We never see them"),
        passages("Findings\n\n> We never see them\n\n— P07\n"));
  }

  @Test
  void dashedCodesListedAfterALeadInAreNoAttribution() {
    List<String> found =
        passages("Findings\n\nWe spoke to managers in two practices.\n\n- P07\n- P08\n").stream()
            .filter(p -> p.startsWith(PassageKind.QUOTE.label()))
            .toList();
    assertEquals(List.of(), found);
  }

  @Test
  void aDashedCodeWithAGlossEndsAtItsSentenceAndTheNarrativeAfterItStays() {
    assertEquals(
        List.of(
            "quote P09 | It was hard at first, but we got there",
            "narrative null | Not everyone agreed, and some left."),
        passages(
            "Findings\n\n'It was hard at first, but we got there' — P09, GP. Not everyone agreed, and some left.\n"));
    assertEquals(
        List.of(
            "quote Participant 4 | We never see them",
            "narrative null | She later moved to another practice."),
        passages(
            "Findings\n\n'We never see them' — Participant 4, nurse. She later moved to another practice.\n"));
  }

  @Test
  void quotedWordsAfterADashedCodeAreNoGlossOfIt() {
    // the quote goes on after its attribution: no words of it are taken for a gloss and dropped
    assertEquals(
        List.of("narrative null | 'It's a lottery,' said one manager — P10 — 'every single day.'"),
        passages("Findings\n\n'It's a lottery,' said one manager — P10 — 'every single day.'\n"));
  }

  @Test
  void aCodeSetOffByADashPairLeavesTheWordsAfterItNarrative() {
    assertEquals(
        List.of(
            "narrative null | A GP said that",
            "quote P5 | it is relentless",
            "narrative null | — and others agreed."),
        passages("Findings\n\nA GP said that 'it is relentless' — P5 — and others agreed.\n"));
  }

  @Test
  void longRunsOfDashesAreScannedInLinearTime() {
    // no timing: a dash looks at most a bounded stretch ahead, and a dash after a dash starts
    // nothing
    assertEquals(List.of(), quotes("—".repeat(100_000)));
    assertEquals(List.of(), quotes("-".repeat(100_000) + " P1"));
    assertEquals(List.of(), quotes("- ".repeat(50_000)));
    assertEquals(List.of(), quotes("— a ".repeat(25_000)));
    assertEquals(List.of(), quotes("— a ".repeat(25_000) + ".".repeat(100_000)));
    assertEquals(
        100, Papers.segment(Papers.source("dashes.md", "'x.'\n\n— P1\n\n".repeat(100))).size());
  }
}
