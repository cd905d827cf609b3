package org.quarry.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which line starts are speaker labels, in each layout, and which ordinary colons are not. */
class SpeakerLabelTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Jane Smith: we met on Tuesday.|Jane Smith||we met on Tuesday.",
        "Dr Jane Smith: yes|Dr Jane Smith||yes",
        "I: How long have you worked here?|I||How long have you worked here?",
        "R: Six years.|R||Six years.",
        "P01: It depends on the day.|P01||It depends on the day.",
        "Interviewer: Go on.|Interviewer||Go on.",
        "interviewer: Go on.|interviewer||Go on.",
        "INT: Go on.|INT||Go on.",
        "Respondent 3: Mostly phones.|Respondent 3||Mostly phones.",
        "Mary-Anne O'Neil: Quite.|Mary-Anne O'Neil||Quite.",
        "Ludwig van Beethoven: Ja.|Ludwig van Beethoven||Ja.",
        "Jane Smith  00:13|Jane Smith|00:13|",
        "Jane Smith 0:01:23|Jane Smith|0:01:23|",
        "Speaker 1  12:04|Speaker 1|12:04|",
        "[00:01:23] Speaker 2: right|Speaker 2|00:01:23|right",
        "00:01:23 Jane: right|Jane|00:01:23|right",
        "Jane (00:01:23): right|Jane|00:01:23|right",
        "Jane Smith [00:01:23]|Jane Smith|00:01:23|",
        "Jane Smith (00:00:01):|Jane Smith|00:00:01|",
        "Moderator:|Moderator||",
        "**Interviewer:** So,|Interviewer||So,",
        "**Dr Lee**: Right.|Dr Lee||Right.",
        "P3 (GP, female): We tried.|P3||We tried.",
        "[Jane Smith] 14:02:33|Jane Smith|14:02:33|",
        "RESPONDENT [00:09]: Mostly.|RESPONDENT|00:09|Mostly.",
        "Sam Jones  00:13 we spent a year on it|Sam Jones|00:13|we spent a year on it",
        "[Jane Smith] 00:01 right|Jane Smith|00:01|right",
        "00:00:03 Speaker 1|Speaker 1|00:00:03|",
      })
  void readsTheSpeakerTimestampAndWhereSpeechStarts(
      String line, String speaker, String timestamp, String speech) {
    SpeakerLabel label = SpeakerLabel.parse(line).orElseThrow();
    assertEquals(speaker, label.speaker());
    assertEquals(timestamp, label.timestamp());
    assertEquals(speech == null ? "" : speech, line.substring(label.speechStart()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Note: this study was approved by the ethics committee.",
        "NB: figures are rounded.",
        "Theme 1: supporting general practice",
        "Box 1: topic guide",
        "Table 2: characteristics of interviewees",
        "Objectives: English general practice is suffering a workforce crisis.",
        "https://creativecommons.org/licenses/by/4.0/",
        "10:30 is when the clinical directors meet.",
        "At 10:30: coffee.",
        "He said: we cannot carry on like this.",
        "What I would say is: it depends.",
        "Setting and participants: national policy makers.",
        "Bailey, Simon: https://orcid.org/0000-0001-9142-2791",
        "One two three four five: too many words for a name.",
        "Meeting starts at 10:30",
        "Date: 12 March 2024",
        "An Extremely Long Name Of Someone Who Talks: x",
        "[Crosstalk] yes: I agree",
        "Interviewees (n=16): national policy makers.",
        "Note: the app was slow to load on older phones.",
        "00:01:23",
        "[00:01:23]",
        "Figure 3  12:30 the clinic opens",
        "April 2020: the first specifications went live.",
        "10:30 is when we met",
      })
  void ordinaryColonsAreNotLabels(String line) {
    Optional<SpeakerLabel> label = SpeakerLabel.parse(line);
    assertTrue(label.isEmpty(), () -> "read as speaker '" + label.get().speaker() + "'");
  }
}
