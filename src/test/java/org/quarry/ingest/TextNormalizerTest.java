package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quarry.model.OffsetMap;
import org.quarry.model.Span;

/** The normaliser's repairs, each on a small exact case, and its offset map on every seed. */
class TextNormalizerTest {

  /** A hard-wrapped paragraph as PDF extraction gives it, around the lines under test. */
  private static String wrapped(String lines) {
    return String.join(
        "\n",
        "Primary care in the UK is in crisis. Young doctors are",
        "not entering, or remaining in, the specialty in enough",
        "numbers to cope with demand, and many older doctors",
        "are increasingly dissatisfied with general practice",
        lines,
        "due to various intrinsic and extrinsic factors and are",
        "choosing to retire early. The problem is complex and",
        "arises from demographic change and rising population",
        "expectations of what services should deliver today.");
  }

  private static String norm(String raw) {
    return TextNormalizer.normalize(raw).text();
  }

  @Test
  void crlfAndCrBecomeLf() {
    TextNormalizer.Normalized n = TextNormalizer.normalize("a\r\nb\rc");
    assertEquals("a\nb\nc", n.text());
    assertEquals(new Span(2, 3), n.offsets().toOriginal(1, 2)); // LF of the CRLF; the CR is gone
    assertEquals(new Span(3, 4), n.offsets().toOriginal(2, 3));
    assertEquals(new Span(4, 5), n.offsets().toOriginal(3, 4)); // the LF that replaced a CR
  }

  @Test
  void decomposedAccentsAreComposed() {
    TextNormalizer.Normalized n = TextNormalizer.normalize("cafe\u0301 ok");
    assertEquals("café ok", n.text());
    assertEquals(5, n.offsets().toOriginal(4)); // the space after the composed é
  }

  @Test
  void ligaturesBecomeTheirLettersMappedToTheLigature() {
    TextNormalizer.Normalized n = TextNormalizer.normalize("a signi\uFB01cant e\uFB00ect");
    assertEquals("a significant effect", n.text());
    assertEquals(new Span(7, 8), n.offsets().toOriginal(7, 9));
  }

  @Test
  void aPageNumberLineInsideAParagraphIsDroppedAndTheParagraphGoesOn() {
    String n = norm(wrapped("and with intrinsic\n12\nand extrinsic"));
    assertEquals(true, n.contains("and with intrinsic and extrinsic"), n);
    assertEquals(false, n.contains("12"), n);
  }

  @Test
  void aPageNumberLineAfterAParagraphStaysALineOfItsOwn() {
    String n = norm(wrapped("and with intrinsic factors.\n12\nThe next paragraph"));
    assertEquals(true, n.contains("factors.\n12\nThe next paragraph"), n);
  }

  @Test
  void offsetsCountCodePointsNotChars() {
    TextNormalizer.Normalized n = TextNormalizer.normalize("\uD83D\uDE00 ok");
    assertEquals(new Span(2, 4), n.offsets().toOriginal(3, 5));
  }

  @Test
  void webTextKeepsItsLines() {
    String web =
        "Findings\n\nTheme 1: supporting general practice\n\nWithin this theme, PCNs represent a vehicle.\n";
    assertEquals(web, norm(web));
  }

  @Test
  void wrappedLinesOfAParagraphAreJoinedWithOneSpace() {
    String n = norm(wrapped("and with intrinsic"));
    assertEquals(1, n.lines().count());
    assertEquals(true, n.contains("Young doctors are not entering"));
  }

  @Test
  void theJoiningSpaceMapsToTheLineBreakItReplaces() {
    String raw = wrapped("and with intrinsic");
    TextNormalizer.Normalized n = TextNormalizer.normalize(raw);
    int space = n.text().indexOf("are not") + 3;
    assertEquals(raw.indexOf("are\nnot") + 3, n.offsets().toOriginal(space));
  }

  @Test
  void aWordSplitAtTheLineEndIsJoined() {
    TextNormalizer.Normalized n =
        TextNormalizer.normalize(wrapped("and see an opportu-\nnity in leaving early"));
    assertEquals(true, n.text().contains("see an opportunity in leaving"));
    int o = n.text().indexOf("opportunity");
    String raw = wrapped("and see an opportu-\nnity in leaving early");
    assertEquals(
        new Span(raw.indexOf("opportu-"), raw.indexOf("nity") + 4),
        n.offsets().toOriginal(o, o + "opportunity".length()));
  }

  @Test
  void aLineEndHyphenPrintedElsewhereInTheTextIsKept() {
    assertEquals(
        true,
        norm(wrapped("for long-term reasons and long-\nterm pressures"))
            .contains("and long-term pressures"));
  }

  @Test
  void aLineEndHyphenBeforeACapitalOrInAChainIsKept() {
    String n = norm(wrapped("in the non-\nGP roles and face-to-\nface work they do"));
    assertEquals(true, n.contains("non-GP roles and face-to-face work"), n);
  }

  @Test
  void aSpaceAfterAHyphenInsideAWordIsRemoved() {
    assertEquals(
        true,
        norm(wrapped("with health- related and inter- GP issues"))
            .contains("health-related and inter-GP"));
  }

  @Test
  void aSuspendedHyphenKeepsItsSpace() {
    assertEquals(
        true,
        norm(wrapped("with short- and long-term issues at hand")).contains("short- and long-term"));
  }

  @Test
  void hyphenSpacesAreLeftAloneInTextThatIsNotWrapped() {
    String transcript = "I: Was it- was it hard?\nP01: It was- I mean yes.\n";
    assertEquals(transcript, norm(transcript));
  }

  @Test
  void headingsListsTablesAndMarkdownInWrappedTextStayOnTheirLines() {
    String n =
        norm(
            wrapped(
                "factors.\n\ntheme 1: supporting general practice\nWithin this theme, PCNs are"
                    + "\n- a list item that is long enough to wrap\n| a | table |\n## A heading\nand more text that is wrapped"));
    assertEquals(true, n.contains("\ntheme 1: supporting general practice\nWithin this theme"), n);
    assertEquals(true, n.contains("PCNs are\n- a list item"), n);
    assertEquals(true, n.contains("wrap\n| a | table |\n## A heading\nand more"), n);
  }

  @Test
  void wrappedBlockQuoteLinesAreJoinedWithoutTheirMarkersAndAComparisonIsNoMarker() {
    String n =
        norm(
            wrapped(
                "factors.\n\n> We just get on with it, because there is no\n> choice at all.\n>\n> Some weeks"
                    + " are hard.\n\nPatients aged\n>65 years were seen, those aged\n> 80 years were"));
    assertEquals(
        true,
        n.contains(
            "\n> We just get on with it, because there is no choice at all.\n>\n> Some weeks are hard.\n"),
        n);
    assertEquals(
        true, n.contains("Patients aged >65 years were seen, those aged > 80 years were"), n);
  }

  @Test
  void speakerLinesOfAWrappedTranscriptAreNeverJoined() {
    String raw =
        String.join(
            "\n",
            "Interviewer: So tell me how the network started and who",
            "was in the room when the decision was taken to go ahead",
            "P01: We were all there, the partners and the managers",
            "and a couple of the nurses who had been asking for it",
            "[00:01:23] Jane Smith: and then the CCG came in with a",
            "plan of their own which nobody had asked them to write",
            "I: And how did that go down with the partners at first",
            "R3: badly, as you can imagine, for about a year or more",
            "Sam Jones  00:13 we spent most of that year in meetings",
            "that went round and round without getting anywhere at all");
    assertEquals(
        List.of(
            "Interviewer: So tell me how the network started and who was in the room when the decision was taken to go ahead",
            "P01: We were all there, the partners and the managers and a couple of the nurses who had been asking for it",
            "[00:01:23] Jane Smith: and then the CCG came in with a plan of their own which nobody had asked them to write",
            "I: And how did that go down with the partners at first",
            "R3: badly, as you can imagine, for about a year or more",
            "Sam Jones  00:13 we spent most of that year in meetings that went round and round without getting anywhere at all"),
        norm(raw).lines().toList());
  }

  @Test
  void aSpeakerHeaderLineKeepsItsTurnOnTheNextLines() {
    String raw =
        String.join(
            "\n",
            "Speaker 1  00:13",
            "yeah so we started the network in the spring and it was",
            "mostly the partners at first and then the managers came",
            "Speaker 2  00:41",
            "and what did the managers bring that the partners did not",
            "have already in the practices that were in the network",
            "Speaker 1  01:02",
            "time mostly and a bit of patience with the paperwork and",
            "the meetings that nobody else wanted to go to at all");
    assertEquals(
        List.of(
            "Speaker 1  00:13",
            "yeah so we started the network in the spring and it was mostly the partners at first and then the managers came",
            "Speaker 2  00:41",
            "and what did the managers bring that the partners did not have already in the practices that were in the network",
            "Speaker 1  01:02",
            "time mostly and a bit of patience with the paperwork and the meetings that nobody else wanted to go to at all"),
        norm(raw).lines().toList());
  }

  @Test
  void blankLineSeparatedParagraphsAreNeverJoined() {
    String n = norm(wrapped("and it goes on\n\nand on in a new paragraph"));
    assertEquals(true, n.contains("goes on\n\nand on"), n);
  }

  @Test
  void aLongRunOfLettersInHardWrappedTextTakesLinearTime() {
    // the in-line compound scan once tried every start inside a word: 100k letters took minutes
    String run = "a".repeat(100_000);
    String n =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> norm(wrapped("a well-known long-term\n" + run + "\nwell-\nknown")));
    assertTrue(n.contains(run), "the run is kept");
    assertTrue(n.contains("well-known"), n.substring(0, 200));
  }

  @Test
  void randomSpansOfEverySeedMapToTheSameTextModuloRepairs() throws IOException {
    Random random = new Random(42);
    try (var files = Files.list(Path.of("seeds"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String raw = Files.readString(f);
        TextNormalizer.Normalized n = TextNormalizer.normalize(raw);
        OffsetMap map = n.offsets();
        for (int k = 0; k < 500; k++) {
          int a = random.nextInt(n.text().length());
          int b = Math.min(n.text().length(), a + 1 + random.nextInt(200));
          Span span = map.toOriginal(a, b);
          String original =
              raw.substring(
                  raw.offsetByCodePoints(0, span.start()), raw.offsetByCodePoints(0, span.end()));
          assertEquals(
              modRepairs(n.text().substring(a, b)),
              modRepairs(original),
              f + " [" + a + ", " + b + ")");
        }
      }
    }
  }

  private static String modRepairs(String s) {
    // inline HTML tags and <sup> citation markers are removed by the normaliser too
    String untagged =
        s.replaceAll(
            "<(su[pb])>[\\d,\\s\\-–—]*</\\1>|</?(?:sup|sub|em|i|b|strong|span|a|br)\\b[^<>]*>", "");
    return Normalizer.normalize(untagged, Normalizer.Form.NFC)
        .replaceAll("[\\s\\-\u2010\u00AD]", "");
  }

  @Test
  void theTypesettersMarkIsRemovedInsideALineAndAsLinesOfItsOwn() {
    assertEquals(
        "I needed to do more to get the exercise.",
        norm("I needed to do more XSL • FO RenderX to get the exercise."));
    // the blank lines around the mark's lines stay: the paper segmenter joins across them
    assertEquals(
        "the wearable activity\n\n\ntrackers can use location data",
        norm("the wearable activity\n\nXSL • FO\n\nRenderX trackers can use location data"));
  }

  @Test
  void theTypesettersMarkKeepsTheOffsetsOfTheTextAroundIt() {
    TextNormalizer.Normalized n = TextNormalizer.normalize("do more XSL • FO RenderX to get");
    int to = n.text().indexOf("to get");
    assertEquals(25, n.offsets().toOriginal(to));
  }

  @Test
  void runningHeadersAndFootersAtAPageBreakInsideAParagraphAreDropped() {
    String page =
        String.join(
            "\n",
            "Primary care in the UK is in crisis. Young doctors are",
            "not entering, or remaining in, the specialty in enough",
            "Br J Gen Pract 2021 | page 3 of 9",
            "Warwick-Giles et al",
            "numbers to cope with demand, and many older doctors",
            "are increasingly dissatisfied with general practice.",
            "Br J Gen Pract 2021 | page 4 of 9",
            "Warwick-Giles et al",
            "The problem is complex and arises from demographic",
            "change and rising population expectations of what the",
            "Br J Gen Pract 2021 | page 5 of 9",
            "services should deliver today, and from the workload of",
            "the practices that are left to cope with all of it.");
    String n = norm(page);
    assertEquals(false, n.contains("Br J Gen Pract"), n);
    assertEquals(true, n.contains("in enough numbers to cope"), n);
    assertEquals(true, n.contains("what the services should deliver"), n);
  }

  @Test
  void repeatedSpeakerLabelsAreNoRunningHeaders() {
    String raw =
        String.join(
            "\n",
            "Interviewer Smith:",
            "yeah so we started the network in the spring and it was",
            "mostly the partners at first and then the managers came",
            "Interviewer Smith:",
            "and what did the managers bring that the partners did not",
            "have already in the practices that were in the network",
            "Interviewer Smith:",
            "time mostly and a bit of patience with the paperwork and",
            "the meetings that nobody else wanted to go to at all");
    assertEquals(
        3, norm(raw).lines().filter(l -> l.equals("Interviewer Smith:")).count(), norm(raw));
  }

  @Test
  void aRunningHeaderGluedToParagraphsAtPageBreaksIsRemoved() {
    String raw =
        String.join(
            "\n",
            "The report concluded that it meets some criteria Babili et al. 10.3389/fdgth.2022.1071790",
            "",
            "including usability and messaging.",
            "",
            "Babili et al. 10.3389/fdgth.2022.1071790",
            "",
            "Three participants highlighted the calls.",
            "",
            "Babili et al. 10.3389/fdgth.2022.1071790 within health facilities and the country.");
    String n = norm(raw);
    assertEquals(false, n.contains("Babili"), n);
    assertEquals(true, n.contains("some criteria\n\nincluding usability"), n);
    assertEquals(true, n.contains("\nwithin health facilities"), n);
  }

  @Test
  void aRepeatedLineNeverGluedToTextStays() {
    String raw =
        String.join(
            "\n",
            "Theme 1: access to care",
            "",
            "Some text.",
            "",
            "Theme 1: access to care",
            "",
            "More text.",
            "",
            "Theme 1: access to care");
    assertEquals(raw, norm(raw));
  }

  @Test
  void aRepeatedSpeakerLabelThatAlsoStartsTurnsIsNoRunningHeader() {
    String raw =
        String.join(
            "\n",
            "Participant 12 (nurse 3)",
            "We started in the spring.",
            "Participant 12 (nurse 3) Then the managers came.",
            "Participant 12 (nurse 3)",
            "Nobody else wanted to go.");
    assertEquals(raw, norm(raw));
  }

  @Test
  void aLineEndingWithAPrepositionGoesOnIntoAWordThatLooksLikeASpeakerLabel() {
    String n =
        norm(
            wrapped(
                "and with it to me there, at the end of\nFebruary: 'You are going to have a choice.'"));
    assertEquals(true, n.contains("the end of February: 'You are"), n);
  }

  @Test
  void aShortLineEndingWithAQuotesCodeEndsItsParagraph() {
    String n = norm(wrapped("and with it.\" -[Marie]\nDuring the earlier stages of the program"));
    assertEquals(true, n.contains("-[Marie]\nDuring the earlier"), n);
  }

  @Test
  void aSentenceEndingItsLineBeforeAnOpeningQuoteMarkEndsItsParagraph() {
    String n =
        norm(
            wrapped(
                "and Eric, the case manager, suggested an offline option.\n\"It requires the internet to be installed for us.\" (Eric)"));
    assertEquals(true, n.contains("an offline option.\n\"It requires"), n);
  }
}
