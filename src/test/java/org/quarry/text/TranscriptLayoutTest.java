package org.quarry.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each layout of the table reads back what it writes, as itself and not as another layout. */
class TranscriptLayoutTest {

  @ParameterizedTest
  @EnumSource(TranscriptLayout.class)
  void theExampleReadsAsItsOwnLayout(TranscriptLayout layout) {
    SpeakerLabel label = SpeakerLabel.parse(layout.example()).orElseThrow();
    assertEquals(layout, label.layout());
    assertEquals("Jane Smith", label.speaker());
    assertEquals(layout.timed() ? "00:01:23" : null, label.timestamp());
  }

  @ParameterizedTest
  @EnumSource(TranscriptLayout.class)
  void aWrittenLabelReadsBackItsSpeakerTimeAndSpeech(TranscriptLayout layout) {
    String label = layout.label("Participant 3", "01:02:03");
    String line = layout.speechOnLabelLine() ? label + " We tried." : label;
    SpeakerLabel read = SpeakerLabel.parse(line).orElseThrow();
    assertEquals(layout, read.layout());
    assertEquals("Participant 3", read.speaker());
    assertEquals(layout.timed() ? "01:02:03" : null, read.timestamp());
    assertEquals(layout.speechOnLabelLine() ? "We tried." : "", line.substring(read.speechStart()));
  }
}
