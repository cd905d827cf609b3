package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.ingest.PlainTextReader;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;

/**
 * The attribution styles of published papers (issue 10, item 3) as PDF extraction prints them:
 * lines hard-wrapped at 60–90 chars with the quote and its code wrapped across them, words
 * hyphenated at a line end, a space before a closing mark, an opening mark alone on its line,
 * running headers, footers and page numbers where a page breaks, and tables flattened into lines.
 * Each page is read from a .txt file as the loader reads a PDF's text ({@link PlainTextReader}).
 */
class PaperAttributionStylesPdfTest {
  @TempDir Path tmp;

  /**
   * Wrapped prose before the examples, as a page of a paper has: the examples are not the whole
   * text.
   */
  private static final String BEFORE =
      """
      Results
      We interviewed 24 staff members from four hospitals between March and
      July 2021. Interviews lasted between 40 and 75 minutes and were held in
      a private room at the hospital or by telephone, as the participant chose.
      Transcripts were coded by two researchers, who met weekly to compare their
      codes and resolve differences, and themes were refined with the team.
      """;

  private static final String AFTER =
      """
      These views were shared across the hospitals, although the larger sites
      reported them more often than the smaller ones did in the interviews.
      """;

  private List<String> quotes(String body) {
    String page = BEFORE + body + "\n" + AFTER;
    List<String> fromReader = quoted(read(page));
    // the loader's path and the test helper's normalisation agree
    assertEquals(fromReader, quoted(Papers.source("styles.txt", page)));
    return fromReader;
  }

  private Source read(String page) {
    try {
      Path file = tmp.resolve("paper.txt");
      Files.writeString(file, page, StandardCharsets.UTF_8);
      return new PlainTextReader().read(file, "paper.txt");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> quoted(Source source) {
    return quoted(Papers.segment(source));
  }

  private static List<String> quoted(List<Passage> passages) {
    return passages.stream()
        .filter(p -> p.kind() == PassageKind.QUOTE)
        .map(p -> p.participant() + " | " + p.text().replaceAll("\\s+", " "))
        .toList();
  }

  private List<Passage> passages(String body) {
    return Papers.segment(read(BEFORE + body + "\n" + AFTER));
  }

  @Test
  void aParentheticalCodeWithARoleMayWrapAcrossLines() {
    assertEquals(
        List.of(
            "Pt 9 | We wait too long for the scans and the patients know it.",
            "Participant 21 | It is our job to make sure nobody falls through the cracks.",
            "INT-05 | It works when everyone on the ward uses it."),
        quotes(
            """
            Delays were common in every unit we visited. "We wait too long for the
            scans and the patients know it." (Pt 9, Physician) Social workers saw the
            follow-up as their own work. Some agreed: "It is our job to make sure
            nobody falls through the cracks." (Participant 21, Social
            Worker) Managers were more positive than the others. One said "It works
            when everyone on the ward uses it." (INT-05,
            manager) and left the topic there.
            """));
  }

  @Test
  void aGroupCodeThenAPersonCodeMayWrapAcrossLines() {
    assertEquals(
        List.of("P4 (FG2) | It helped us to plan the week around the clinic visits."),
        quotes(
            """
            In the focus groups, most agreed with this view of the service. "It
            helped us to plan the week around the clinic visits." (FG2, P4, female,
            45) Others were less sure about it.
            """));
  }

  @Test
  void theNarrativeMayNameTheSpeakerAcrossLineEndsAndAHyphenatedRole() {
    assertEquals(
        List.of(
            "P8 | It is slow,",
            "P3 | it saves lives",
            "P4 | It scares people when the letters arrive.",
            "P6 | One day it will all be online,"),
        quotes(
            """
            Waiting was an issue for many of the people we spoke with in town. "It
            is slow," P8 said. Views differed between the professions: a surgeon
            (P3) contended that "it saves lives" in theatre. An oncologist P4
            explained: "It scares people when the letters arrive." "One day it will
            all be online," a sur-
            geon (P6) envisioned.
            """));
  }

  @Test
  void numberedQuotesInAFlattenedTableKeepTheirCodesAndLeaveTheThemeToNarrative() {
    List<Passage> passages =
        passages(
            """
            Table 2. Illustrative quotes by theme
            Theme Illustrative quotes
            Team work 1. "We share the load when it gets busy on the ward." [SP c 10]
            2. "Nobody tells us what happens next." [GP7]
            Access to care 1. "The clinic is too far for most of my patients, so
            they do not come back." [GP3]
            2. "We cannot reach them by phone." [SP c 4]
            """);
    assertEquals(
        List.of(
            "SP c 10 | We share the load when it gets busy on the ward.",
            "GP7 | Nobody tells us what happens next.",
            "GP3 | The clinic is too far for most of my patients, so they do not come back.",
            "SP c 4 | We cannot reach them by phone."),
        quoted(passages));
    assertTrue(
        passages.stream()
            .anyMatch(
                p -> p.kind() == PassageKind.NARRATIVE && p.text().startsWith("Access to care")));
  }

  @Test
  void aSpaceBeforeTheClosingMarkDoesNotLoseTheQuote() {
    assertEquals(
        List.of(
            "P2 | They manage it themselves, and the nurses check on them.", "P5 | We never know."),
        quotes(
            """
            Some described how patients coped at home. "They manage it themselves,
            and the nurses check on them. " (P2) Others disagreed. "We never know.
            " (P5) The difference was marked.
            """));
  }

  @Test
  void anOpeningMarkAloneOnItsLineOpensTheQuoteOnTheNext() {
    assertEquals(
        List.of(
            "P11 | We wait too long for the scans, and the patients ask us every day when it will be their turn."),
        quotes(
            """
            Most of them linked the delays to the staffing levels on the wards:
            "
            We wait too long for the scans, and the patients ask us every day when
            it will be their turn." (P11) Staffing was raised in every interview.
            """));
  }

  @Test
  void aQuoteSplitByAPageBreakIsOneQuoteWithoutTheHeadersFootersAndPageNumber() {
    List<Passage> passages =
        passages(
            """
            Some agreed with this and described the work in detail: "It is our job
            to make sure nobody falls through the cracks, whatever the hospital says
            JMIR Mhealth Uhealth 2021 | vol. 9 | iss. 1 | e22488 | p. 7
            https://mhealth.jmir.org/2021/1/e22488
            (page number not for citation purposes)
            XSL • FO
            RenderX
            JMIR MHEALTH AND UHEALTH                                    Smith et al
            about it, and we always manage somehow." (Participant 21, Social Worker)
            Managers were more positive about the system than the other staff, and
            they said so in most of the interviews we held with them in the spring
            JMIR Mhealth Uhealth 2021 | vol. 9 | iss. 1 | e22488 | p. 8
            https://mhealth.jmir.org/2021/1/e22488
            (page number not for citation purposes)
            XSL • FO
            RenderX
            JMIR MHEALTH AND UHEALTH                                    Smith et al
            and the summer. "It works when everyone uses it." (INT-05, manager)
            12
            Nurses were less sure. "We were not asked about it, and it shows in the
            way the forms are laid out on the screen." (N3)
            JMIR Mhealth Uhealth 2021 | vol. 9 | iss. 1 | e22488 | p. 9
            https://mhealth.jmir.org/2021/1/e22488
            """);
    assertEquals(
        List.of(
            "Participant 21 | It is our job to make sure nobody falls through the cracks, whatever the hospital says about it, and we always manage somehow.",
            "INT-05 | It works when everyone uses it.",
            "N3 | We were not asked about it, and it shows in the way the forms are laid out on the screen."),
        quoted(passages));
    assertTrue(
        passages.stream()
            .noneMatch(
                p -> p.text().contains("RenderX") || p.text().contains("citation purposes")));
    assertTrue(
        passages.stream()
            .anyMatch(p -> p.text().contains("held with them in the spring and the summer.")));
  }

  @Test
  void aWordHyphenatedAtALineEndIsWholeInTheQuote() {
    assertEquals(
        List.of(
            "P7 | By the time the man goes to hospital he is really sick, and he has no option."),
        quotes(
            """
            Men were described as reaching care late, as one health worker put it.
            "By the time the man goes to hospi-
            tal he is really sick, and he has no option." (P7) Women came earlier.
            """));
  }

  @Test
  void severalQuotesInARowEachWithItsCodeOrSharingOneAcrossLines() {
    assertEquals(
        List.of(
            "P1 | first of all the cost",
            "P2 | second the time it takes",
            "P3 | chaos",
            "P3 | a mess"),
        quotes(
            """
            They listed their reasons in order: "first of all the cost" (P1) "second
            the time it takes" (P2). It was "chaos" and "a
            mess" (P3) at times, according to the staff in the surgical unit.
            """));
  }

  @Test
  void registrationsQuestionsTablesCitationsAndGrantsAreNotParticipantsWhenWrapped() {
    assertEquals(
        List.of(),
        quotes(
            """
            The trial was registered before recruitment began (NCT03898349). We
            asked "How often do you use it?" (Q1) as in "usual care" (Table 2) and
            in "prior work" [12] with funding from the institute (R01HL123456), and
            the codes of the interviews are given as examples (eg, [N710cg]).
            """));
  }

  @Test
  void aShortExtractTooShortToTellItIsWrappedStillPairsQuotesWithCodesOnTheNextLine() {
    // fewer lines than the joiner needs to know the text is hard-wrapped: the lines stay lines
    Source source =
        read(
            """
            Results

            Some agreed: "It is our job to make sure nobody falls through the
            cracks." (Participant 21, Social
            Worker) Views differed: a surgeon
            (P3) contended that "it saves lives" in theatre. "It helped." (FG2, P4,
            45) Others were less sure.
            """);
    assertEquals(
        List.of(
            "Participant 21 | It is our job to make sure nobody falls through the cracks.",
            "P3 | it saves lives",
            "P4 (FG2) | It helped."),
        quoted(source));
  }

  @Test
  void aTypesettersMarkInsideAQuoteIsNotPartOfIt() {
    List<String> found =
        quotes(
            """
            With the heart surgery, that being an abrupt event in my life, I knew I
            needed to do more XSL • FO RenderX to get the exercise and the sleep,
            everything that I needed. [Participant 4]
            """);
    assertEquals(1, found.size(), found.toString());
    assertFalse(found.get(0).contains("RenderX"), found.get(0));
    assertTrue(found.get(0).startsWith("Participant 4 | "), found.get(0));
    assertTrue(
        found
            .get(0)
            .endsWith(
                "I knew I needed to do more to get the exercise and the sleep, everything that I needed."),
        found.get(0));
  }
}
