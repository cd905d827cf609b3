package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quarry.model.Passage;
import org.quarry.model.Source;

/**
 * Quotes that run over several paragraphs, and the narrative around them that must stay narrative.
 */
class MultiParagraphQuoteTest {

  private static List<String> passages(String raw) {
    return Papers.segment(Papers.source("multi.md", raw)).stream()
        .map(p -> p.kind().label() + " " + p.participant() + " " + p.quoted() + " | " + p.text())
        .toList();
  }

  @Test
  void aQuoteOpenedInOneParagraphAndClosedWithItsCodeInTheNextIsOneQuote() {
    assertEquals(
        List.of(
            "narrative null [] | One manager described the change:",
            "quote P3 [] | We started in March with three practices.\n\nBy the summer there were seven."),
        passages(
            "Findings\n\nOne manager described the change:\n\n'We started in March with three practices.\n\n"
                + "By the summer there were seven.' (P3)\n"));
  }

  @Test
  void eachParagraphMayReopenTheQuote() {
    assertEquals(
        List.of("quote P3 [] | We started in March.\n\n‘By the summer there were seven."),
        passages("Findings\n\n‘We started in March.\n\n‘By the summer there were seven.’ [P3]\n"));
  }

  @Test
  void aParagraphClosingItsOwnMarksMayStillOpenTheQuote() {
    assertEquals(
        List.of("quote P3 [] | We started in March.'\n\n'By the summer there were seven."),
        passages("Findings\n\n'We started in March.'\n\n'By the summer there were seven.' (P3)\n"));
  }

  @Test
  void middleParagraphsNeedNoMarksWhenOnlyTheFirstIsOpened() {
    assertEquals(
        List.of("quote P3 [] | One.\n\nTwo, as it were.\n\nThree."),
        passages("Findings\n\n\"One.\n\nTwo, as it were.\n\nThree.\" (P3)\n"));
  }

  @Test
  void aLeadInBeforeTheOpeningMarkStaysNarrativeFramingTheQuote() {
    assertEquals(
        List.of(
            "narrative null [P3] | She explained:",
            "quote P3 [] | We started in March.\n\nIt grew."),
        passages("Findings\n\nShe explained: “We started in March.\n\nIt grew.” [P3]\n"));
  }

  @Test
  void aMarkdownBlockQuoteOverParagraphsIsOneQuoteWithItsCodeOnTheLastLine() {
    assertEquals(
        List.of("quote P3 [] | We started in March.\n>\n> It grew over the summer."),
        passages("Findings\n\n> We started in March.\n>\n> It grew over the summer.\n> [P3]\n"));
  }

  @Test
  void aMarkdownBlockQuoteMayHaveItsCodeAfterIt() {
    assertEquals(
        List.of("quote P3 [] | We started in March.\n>\n> It grew over the summer."),
        passages("Findings\n\n> We started in March.\n>\n> It grew over the summer.\n\n[P3]\n"));
  }

  @Test
  void separateMarkdownBlockQuotesAreSeparateQuotes() {
    assertEquals(
        List.of(
            "narrative null [] | > A motto of the network.",
            "quote P3 [] | It grew over the summer."),
        passages("Findings\n\n> A motto of the network.\n\n> It grew over the summer. [P3]\n"));
  }

  @Test
  void indentedParagraphsBeforeACodeAreOneExtract() {
    assertEquals(
        List.of(
            "narrative null [] | One manager said:",
            "quote P3 [] | We started in March.\n\n    It grew over the summer."),
        passages(
            "Findings\n\nOne manager said:\n\n    We started in March.\n\n    It grew over the summer.\n\n[P3]\n"));
  }

  @Test
  void indentationIsNoSignWhenNothingLessIndentedComesBefore() {
    assertEquals(
        List.of(
            "narrative null [] | We met six managers.", "quote P3 [] | It grew over the summer."),
        passages("Findings\n\n  We met six managers.\n\n  It grew over the summer. [P3]\n"));
  }

  @Test
  void aNarrativeParagraphBeforeAQuoteStaysNarrative() {
    assertEquals(
        List.of(
            "narrative null [] | Most agreed the rules changed too often.",
            "quote P3 [] | We never see them."),
        passages(
            "Findings\n\nMost agreed the rules changed too often.\n\n'We never see them.' (P3)\n"));
  }

  @Test
  void aNarrativeParagraphThatClosesItsOwnQuoteIsNoOpening() {
    assertEquals(
        List.of(
            "narrative null [] | 'Nirvana' was the word most used.",
            "quote P3 [] | Nobody could say what it meant."),
        passages(
            "Findings\n\n'Nirvana' was the word most used.\n\nNobody could say what it meant.' (P3)\n"));
  }

  @Test
  void aParagraphWithAQuoteOfItsOwnEndsTheSearch() {
    assertEquals(
        List.of("quote P1 [] | First.", "quote P2 [] | Second.\n\nThird."),
        passages("Findings\n\n'First.' [P1]\n\n'Second.\n\nThird.' [P2]\n"));
  }

  @Test
  void aShortLastParagraphWithTheCodeIsNoHeading() {
    assertEquals(
        List.of(
            "narrative null [] | Staff reported that morale improved slightly.",
            "narrative null [P2] | She recalled:",
            "quote P2 [] | The first week was awful.\n\nThere was no IT, no phones.\n\nThen it settled.",
            "narrative null [] | The end of the merger came in May."),
        passages(
            "Findings\n\nStaff reported that morale improved slightly.\n\nShe recalled: \"The first week was awful.\n\n"
                + "There was no IT, no phones.\n\nThen it settled.\" [P2]\n\nThe end of the merger came in May.\n"));
    assertEquals(
        List.of(
            "quote P3 [] | We started in March.\n\nIt grew.",
            "narrative null [] | Others were less sure of it."),
        passages(
            "Findings\n\n'We started in March.\n\nIt grew.' (P3)\n\nOthers were less sure of it.\n"));
  }

  @Test
  void aHardWrappedMarkdownBlockQuoteKeepsItsMarkersOutOfItsWords() {
    // Pandoc wraps Markdown at 72 columns: the wrapped lines of a block quote are joined without
    // their '>' markers, and a line of '>' alone still parts its paragraphs
    String raw =
        "## Results\n\n"
            + "Participants described the pace of change in general practice and the\n"
            + "effect it had on staff morale, recruitment and the continuity of care\n"
            + "that patients had come to expect over many years of stable provision.\n\n"
            + "> We just get on with it, because there is no choice, and the patients\n"
            + "> keep coming whatever happens to the rota or the building.\n"
            + ">\n"
            + "> Some weeks I do not see the same colleague twice, and that is hard.\n"
            + "> [P7]\n\n"
            + "Others were more positive about the new roles, describing pharmacists\n"
            + "and physiotherapists as a welcome addition to the practice team that\n"
            + "took some of the pressure off the doctors and nurses in the surgery.\n";
    assertEquals(
        List.of(
            "narrative null [] | Participants described the pace of change in general practice and the effect it had on"
                + " staff morale, recruitment and the continuity of care that patients had come to expect over many"
                + " years of stable provision.",
            "quote P7 [] | We just get on with it, because there is no choice, and the patients keep coming whatever"
                + " happens to the rota or the building.\n>\n> Some weeks I do not see the same colleague twice, and"
                + " that is hard.",
            "narrative null [] | Others were more positive about the new roles, describing pharmacists and"
                + " physiotherapists as a welcome addition to the practice team that took some of the pressure off the"
                + " doctors and nurses in the surgery."),
        passages(raw));
    Passage quote = Papers.segment(Papers.source("wrapped.md", raw)).get(1);
    assertEquals(
        "We just get on with it, because there is no choice, and the patients\n> keep coming whatever happens to the"
            + " rota or the building.\n>\n> Some weeks I do not see the same colleague twice, and that is hard.",
        Papers.codePoints(raw, quote.start(), quote.end()));
  }

  @Test
  void aMultiParagraphQuotePointsAtItsWordsInTheFile() {
    String raw = "Findings\n\nShe said: 'We started in March.\r\n\r\nIt grew.' (P3)\n";
    Source source = Papers.source("multi.txt", raw);
    Passage quote = Papers.segment(source).get(1);
    assertEquals(
        "We started in March.\r\n\r\nIt grew.", Papers.codePoints(raw, quote.start(), quote.end()));
  }

  @Test
  void longRunsOfMarksAndParagraphsAreReadInLinearTime() {
    // no timing: a quote looks back over a bounded number of paragraphs, each read once per look
    assertEquals(
        1,
        Papers.segment(Papers.source("marks.md", "'".repeat(100_000) + "\n\nIt grew.' (P3)\n"))
            .size());
    assertEquals(
        1,
        Papers.segment(Papers.source("gt.md", ">\n".repeat(50_000) + "> It grew. [P3]\n")).size());
    // more opened paragraphs than a quote may run to: no guess at where it began
    assertEquals(
        50_001,
        Papers.segment(Papers.source("open.md", "'A\n\n".repeat(50_000) + "B.' (P3)\n")).size());
  }
}
