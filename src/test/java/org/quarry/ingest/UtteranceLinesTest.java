package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Lines that are utterances, not the wrapped lines of a paragraph: think-aloud notes run short
 * unpunctuated lines on, one thought a line, and must keep them, or a moderator's prompt and the
 * participant's answer under it become one line.
 */
class UtteranceLinesTest {

  @Test
  void thinkAloudNotesKeepTheirLines() throws IOException {
    String notes =
        Files.readString(
            Path.of("src/test/resources/transcripts/think-aloud/P9.txt"), StandardCharsets.UTF_8);
    assertEquals(notes, TextNormalizer.normalize(notes).text());
  }

  @Test
  void runsOfShortUnpunctuatedLinesAreNotJoined() {
    String text =
        "MODERATOR: Now could you book an appointment with a nurse for next week, please?\n"
            + "right so I'd go to Appointments I suppose, that's where it usually is\n"
            + "Book, Cancel, View... ok Book\n"
            + "it's asking me what the appointment is for, I don't know what to put there\n"
            + "I'll just put blood test\n"
            + "MODERATOR: What made you choose that one rather than the other options there?\n"
            + "because that's what the nurse usually does for me most times\n"
            + "it's a guess really\n"
            + "MODERATOR: Thank you, that is everything I wanted to ask about the booking.\n";
    assertEquals(text, TextNormalizer.normalize(text).text());
  }
}
