package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;

/** Papers other than the seeds: other code styles, hard-wrapped and Markdown renderings. */
class PaperSegmenterTest {

  private static List<String> quotes(String fixture) {
    return Papers.segment(Papers.fixture(fixture)).stream()
        .filter(p -> p.kind() == PassageKind.QUOTE)
        .map(p -> p.participant() + " | " + p.section() + " | " + p.text().replaceAll("\\s+", " "))
        .toList();
  }

  @Test
  void aLongRunOfDotsInAParagraphTakesLinearTime() {
    // the bare-code check once stripped trailing dots with "[.,;]+$": 80k dots took half a minute
    String raw = "Findings\n\nSome text here.\n\n" + ".".repeat(100_000) + "x\n\n[P07]\n";
    List<Passage> passages =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> Papers.segment(Papers.source("dots.txt", raw)));
    // the bare code joins the paragraph before it, which becomes its block quote
    assertEquals(
        List.of("NARRATIVE null Some text here.", "QUOTE P07 100001"),
        passages.stream()
            .map(
                p ->
                    p.kind()
                        + " "
                        + p.participant()
                        + " "
                        + (p.text().length() > 20 ? String.valueOf(p.text().length()) : p.text()))
            .toList());
  }

  @Test
  void aLongBracketedParagraphIsNoBareCodeAndDoesNotOverflowTheStack() {
    String bracketed = "(P1" + "-1".repeat(10_000) + ")";
    List<Passage> passages =
        Papers.segment(
            Papers.source("long.txt", "Findings\n\nSome text here.\n\n" + bracketed + "\n"));
    assertEquals(
        List.of("Some text here.", bracketed), passages.stream().map(Passage::text).toList());
  }

  @Test
  void wrappedPaperQuotesAreFoundWithTheirCodesAndSections() {
    assertEquals(
        List.of(
            "P07 | Theme 1: workload and the long-term view | given us a seat at the table we never had before, but the table keeps moving",
            "FG2-P4 | Theme 1: workload and the long-term view | We have a pharmacist now who covers four practices, and none of us could have afforded one alone, so it is the first time the network has paid for itself in a way the partners can see.",
            "R3 | Theme 2: Voice in the wider system | a meeting where we listen and the decisions have been made elsewhere",
            "FG1-P2 | Theme 2: Voice in the wider system | speaks for the partners, not for the rest of us who run the practices"),
        quotes("wrapped-study.txt"));
  }

  @Test
  void markdownPaperQuotesAreFoundWithGlossesLabelsAndCodesOnTheirOwnLine() {
    assertEquals(
        List.of(
            "P12 | Theme 1: Triage by telephone | You are the one who decides who gets seen, and you have no training for it.",
            "P03 | Theme 1: Triage by telephone | ringing off the hook from eight",
            "Participant 9 | Theme 2: Being seen | Nobody thanks you when it goes right. They only remember the morning you could not help.",
            "P05 | Theme 2: Being seen | We never see the partners from one month to the next, and when we do it is about the rota."),
        quotes("markdown-study.md"));
  }

  @Test
  void aParagraphWithAnInlineQuoteKeepsItsNarrativeBeforeAndAfter() {
    List<String> passages =
        Papers.segment(Papers.fixture("markdown-study.md")).stream()
            .filter(p -> "Theme 1: Triage by telephone".equals(p.section()))
            .map(p -> p.kind().label() + " | " + p.text())
            .toList();
    assertEquals(
        List.of(
            "narrative | Receptionists described triage as the hardest part of the job.",
            "quote | You are the one who decides who gets seen, and you have no training for it.",
            "narrative | Another linked the pressure to the new appointment system, which she called 'a lottery', and said the phones were",
            "quote | ringing off the hook from eight",
            "narrative | Most agreed that the rules changed too often."),
        passages);
  }

  @Test
  void theNarrativeAroundAnInlineQuoteFramesItsParticipantButABlockQuotesNeighboursDoNot() {
    List<String> passages =
        Papers.segment(Papers.fixture("markdown-study.md")).stream()
            .filter(p -> "Theme 1: Triage by telephone".equals(p.section()))
            .map(p -> p.kind().label() + " " + p.participant() + " " + p.quoted())
            .toList();
    assertEquals(
        List.of(
            "narrative null []", // its own paragraph, before P12's block quote
            "quote P12 []",
            "narrative null [P03]", // the same paragraph as P03's inline quote
            "quote P03 []",
            "narrative null [P03]"),
        passages);
  }

  @Test
  void anExampleOfTheCodeFormatAndAPageReferenceAreNotQuotes() {
    Passage background =
        Papers.segment(Papers.fixture("wrapped-study.txt")).stream()
            .filter(p -> "Background".equals(p.section()))
            .findFirst()
            .orElseThrow();
    assertEquals(PassageKind.NARRATIVE, background.kind());
    assertTrue(
        background.text().contains("(eg, [P01])") && background.text().contains("(p4)"),
        background.text());
  }

  @Test
  void headingsAreSectionsNotPassages() {
    List<Passage> passages = Papers.segment(Papers.fixture("wrapped-study.txt"));
    assertTrue(
        passages.stream()
            .noneMatch(p -> p.text().equals("Findings") || p.text().startsWith("theme 1")));
    assertEquals(
        // the title is followed by a heading, not a paragraph, so it is no section of its own
        List.of(
            "Background",
            "Theme 1: workload and the long-term view",
            "Theme 2: Voice in the wider system"),
        passages.stream().map(Passage::section).filter(s -> s != null).distinct().toList());
  }

  @Test
  void passagesOfTheFixturesPointAtTheirTextInTheFile() {
    for (String name : List.of("wrapped-study.txt", "markdown-study.md")) {
      String raw = Papers.read(Path.of("src/test/resources/papers", name));
      Source source = Papers.fixture(name);
      for (Passage p : Papers.segment(source)) {
        assertEquals(
            Papers.modRepairs(p.text()),
            Papers.modRepairs(Papers.codePoints(raw, p.start(), p.end())),
            p.id());
      }
    }
  }

  @Test
  void aLongChainOfContinuedParagraphsIsOnePassageInLinearTime() {
    String raw =
        "It began with the partners and\n\n"
            + "then the managers and\n\n".repeat(20_000)
            + "then us.\n";
    long t0 = System.nanoTime();
    List<Passage> passages = Papers.segment(Papers.source("chain.txt", raw));
    assertEquals(1, passages.size());
    assertTrue(
        System.nanoTime() - t0 < 5_000_000_000L,
        "took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  @Test
  void aCodeOnTheLastLineOfAMarkdownBlockQuoteEndsIt() {
    assertEquals(
        List.of("QUOTE P3 We never see them, and when we do it is about the rota."),
        Papers.segment(
                Papers.source(
                    "bq.md",
                    "Findings\n\n> We never see them, and when we do\n> it is about the rota.\n> [P3]\n"))
            .stream()
            .map(p -> p.kind() + " " + p.participant() + " " + p.text().replace("\n> ", " "))
            .toList());
  }

  @Test
  void pdfSmallCapsAndLowercaseHeadingsGetOneStableName() {
    assertEquals("Introduction", PaperSegmenter.sectionName("IntrODuCtIOn"));
    assertEquals(
        "Theme 1: supporting general practice",
        PaperSegmenter.sectionName("theme 1: supporting general practice"));
    assertEquals("PCNs and McDermott", PaperSegmenter.sectionName("PCNs and McDermott"));
  }
}
