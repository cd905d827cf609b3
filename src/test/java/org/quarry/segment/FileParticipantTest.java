package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The participant code a transcript's file name implies. */
class FileParticipantTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "P7.txt, P7",
    "think-aloud/P12.docx, P12",
    "interview_P12_final.docx, P12",
    "2024-03-12_R3.txt, R3",
    "site-b/ID-04 transcript.txt, ID-04",
    "notes_v2_P5.txt, P5",
    "p9.txt, p9",
    "focus_group_north.txt, focus_group_north",
    "Participant 9.docx, P9",
    "think-aloud/participant_09_notes.txt, P09",
  })
  void takesACodeLikeTokenElseTheBaseName(String id, String code) {
    assertEquals(code, FileParticipant.of(id));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"P09_session.txt, P09", "Participant 9.docx, P9", "session 3/TA_P12.md, P12"})
  void aCodeInTheNameIsTheParticipantCode(String id, String code) {
    assertEquals(Optional.of(code), FileParticipant.code(id));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"session-notes.txt", "focus_group_north.txt", "think-aloud notes.md"})
  void aNameWithoutACodeNamesNoParticipant(String id) {
    assertEquals(Optional.empty(), FileParticipant.code(id));
  }
}
