package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quarry.model.PassageKind;

/**
 * The attribution styles of published papers (issue 10, item 3), in web text and in PDF-extracted
 * text.
 */
class PaperAttributionStylesTest {
  private static List<String> quotes(String raw) {
    return Papers.segment(Papers.source("styles.txt", raw)).stream()
        .filter(p -> p.kind() == PassageKind.QUOTE)
        .map(p -> p.participant() + " | " + p.text().replaceAll("\\s+", " "))
        .toList();
  }

  private static String paper(String body) {
    return "Results\n\n" + body + "\n";
  }

  @Test
  void aParentheticalCodeMayCarryARole() {
    assertEquals(
        List.of("Pt 9 | We wait too long."),
        quotes(paper("Delays were common. “We wait too long.” (Pt 9, Physician)")));
    assertEquals(
        List.of("Participant 21 | It is our job."),
        quotes(paper("Some agreed: \"It is our job.\" (Participant 21, Social Worker)")));
    assertEquals(
        List.of("INT-05 | It works."),
        quotes(paper("One said \"It works.\" (INT-05, manager) and left.")));
  }

  @Test
  void aGroupCodeThenAPersonCodeNamesThePersonInTheGroup() {
    assertEquals(
        List.of("P4 (FG2) | It helped."),
        quotes(paper("Most agreed. \"It helped.\" (FG2, P4, female, 45)")));
  }

  @Test
  void aQuotedInitialWithDemographicsNamesThePersonInTheirGroup() {
    assertEquals(
        List.of("F (FG1) | The reminders kept me going", "P (FG4) | I read them"),
        quotes(
            paper(
                "\"The reminders kept me going\" (\"F\", 59, male, FG1) \"I read them\" (\"P\", male, 61, FG4\")")));
  }

  @Test
  void aSlashListOfDemographicsEndsWithTheCode() {
    assertEquals(
        List.of("P9 | Where do I tap now... (taps on menu) okay."),
        quotes(
            paper(
                "Where do I tap now... (taps on menu) okay. [58 years old/female/android user/P9]")));
  }

  @Test
  void theNarrativeMayNameTheSpeaker() {
    assertEquals(
        List.of("P8 | It is slow,"),
        quotes(paper("Waiting was an issue. \"It is slow,\" P8 said.")));
    assertEquals(
        List.of("P3 | it saves lives"),
        quotes(
            paper("Views differed: a surgeon (P3) contended that \"it saves lives\" in theatre.")));
    assertEquals(
        List.of("P4 | It scares people."),
        quotes(paper("An oncologist P4 explained: \"It scares people.\"")));
    assertEquals(
        List.of("P6 | One day it will all be online,"),
        quotes(paper("\"One day it will all be online,\" a surgeon (P6) envisioned.")));
    assertEquals(
        List.of("Christine | It is cheap."),
        quotes(paper("Christine, a case manager, said: \"It is cheap.\"")));
  }

  @Test
  void numberedQuotesInATableKeepTheirCodes() {
    assertEquals(
        List.of("SP c 10 | We share the load.", "GP7 | Nobody tells us."),
        quotes(
            paper("Team work 1. \"We share the load.\" [SP c 10] 2. \"Nobody tells us.\" [GP7]")));
  }

  @Test
  void aBracketedNameAfterAQuoteIsItsSpeakerButAnInsertionIsNot() {
    assertEquals(
        List.of("Anna | [The] app saved us trips."),
        quotes(paper("\"[The] app saved us trips.\" [Anna] Others agreed.")));
  }

  @Test
  void pdfArtefactsDoNotLoseTheQuote() {
    // a space before the closing mark
    assertEquals(
        List.of("P2 | They manage it themselves."),
        quotes(paper("Some said \"They manage it themselves. \" (P2)")));
  }

  @Test
  void severalQuotesInARowEachWithItsCodeOrSharingOne() {
    assertEquals(
        List.of("P1 | first", "P2 | second"),
        quotes(paper("They said \"first\" (P1) \"second\" (P2).")));
    assertEquals(
        List.of("P3 | chaos", "P3 | a mess"),
        quotes(paper("It was \"chaos\" and \"a mess\" (P3) at times.")));
  }

  @Test
  void registrationsQuestionsTablesCitationsAndGrantsAreNotParticipants() {
    assertEquals(
        List.of(),
        quotes(
            paper(
                "The trial was registered. (NCT03898349) We asked \"How often?\" (Q1) as in \"usual care\" (Table 2) "
                    + "and \"prior work\" [12] with funding (R01HL123456), and codes (eg, [N710cg]).")));
  }

  @Test
  void anInlineFragmentWithACodeIsAQuote() {
    assertEquals(
        List.of("P004 | cheap first stop"),
        quotes(paper("CAs were seen as a \"cheap first stop\" (P004) for users.")));
  }

  @Test
  void aCodeAfterAnAsideEndingInASemicolonIsTheSpeaker() {
    assertEquals(
        List.of("P007 | where in the patient journey it's used"),
        quotes(
            paper(
                "Other dimensions were \"where in the patient journey it's used\" (triage, appointment management, others; P007), or the domain.")));
  }

  @Test
  void anUnderscoreCodeMayCarryASpacedRole() {
    assertEquals(
        List.of("P7_Health worker_FGD | They come late."),
        quotes(paper("Men were said to delay.\n\nThey come late. (P7_Health worker_FGD)")));
  }

  @Test
  void oneCodeAfterSeveralFragmentsOfASentenceAttributesEachOfThem() {
    assertEquals(
        List.of(
            "P005 | developers or for companies",
            "P005 | get caught up in the business model",
            "P005 | draw from the frameworks they have"),
        quotes(
            paper(
                "It helped \"developers or for companies\" as they may \"get caught up in the business model\" and \"draw from the frameworks they have\" (P005).")));
  }

  @Test
  void aShortScareQuoteEarlierInTheSentenceIsNotGivenTheLaterCode() {
    assertEquals(
        List.of("P2 | we could not use the app at all"),
        quotes(
            paper("The \"digital divide\" meant that \"we could not use the app at all\" (P2).")));
  }

  @Test
  void aCodeOpeningTheNextParagraphEndsTheQuoteBeforeIt() {
    assertEquals(
        List.of("Christine | But that is the challenge.", "Marie | it is a good innovation."),
        quotes(
            paper(
                "Some noted a culture of not replying.\n\n\"But that is the challenge.\"\n\n[Christine] \"it is a good innovation.\" [Marie] Others agreed.")));
  }

  @Test
  void aClosingMarkWithADashedNameOnALineOfItsOwnEndsTheQuote() {
    assertEquals(
        List.of("Marie | So, the response rate was low."),
        quotes(
            paper(
                "Three participants raised calls.\n\n\"So, the response rate was low.\n\n\" -[Marie]\n\nDuring the early stages.")));
  }

  @Test
  void aDashCodeMayBeFollowedByANumberedHeadingRunIntoTheParagraph() {
    assertEquals(
        List.of("R4 | It should be idiot proof."),
        quotes(
            paper(
                "One respondent stated:\n\n\"It should be idiot proof.\" -R4 (e) 4.2.2.2. Service design. Some respondents argued otherwise.")));
  }

  @Test
  void aSpeakerCodeAndReportingVerbMayStandAShortClauseBeforeTheQuote() {
    assertEquals(
        List.of("P010 | where the app fits in the health system"),
        quotes(
            paper(
                "Finally, expert P010 suggested assessing early (and as an ongoing theme) \"where the app fits in the health system\" to plan.")));
  }

  @Test
  void aClauseNamingAnotherCodeBeforeTheQuoteNamesNoSpeaker() {
    assertEquals(
        List.of(),
        quotes(
            paper(
                "Expert P010 suggested that unlike P003 they look at \"the bigger picture\" first.")));
  }

  @Test
  void anUnmarkedExtractOverTwoParagraphsStartsWhereSpeechOpensWithAnAnswer() {
    assertEquals(
        List.of(
            "P6_male_FGD | Yes. The messages need to be assuring. The messages should be positive."),
        quotes(
            paper(
                "They wanted facts about cancer.\n\nYes. The messages need to be assuring.\n\nThe messages should be positive.\n\n(P6_male_FGD)")));
  }

  @Test
  void aNarrativeParagraphBeforeAnUnmarkedExtractStaysNarrative() {
    assertEquals(
        List.of("P6_male_FGD | The messages should be positive."),
        quotes(
            paper(
                "They wanted facts about cancer.\n\nThe messages should be positive.\n\n(P6_male_FGD)")));
  }
}
