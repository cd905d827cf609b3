package org.quarry.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The line shapes line joining and paper segmentation share. */
class LineShapesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"- item", "• item", "2. item", "(3) item", "4) item", "(b) item", "c) item"})
  void listItemsAreBulletedNumberedOrLettered(String line) {
    assertTrue(LineShapes.isListItem(line));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2024 was a hard year", "A) an upper-case letter is not an item", "-5 degrees"})
  void otherLineStartsAreNotListItems(String line) {
    assertFalse(LineShapes.isListItem(line));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "the end.",
        "really?",
        "as follows:",
        "first clause;",
        "he said “no.”",
        "(see above.)"
      })
  void aStopQuestionColonOrSemicolonEndsASentenceBeforeClosingMarks(String line) {
    assertTrue(LineShapes.endsSentence(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"and then the", "a list, such as", "e.g"})
  void anOpenLineDoesNotEndASentence(String line) {
    assertFalse(LineShapes.endsSentence(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"00:01:23", "[12:04]", " (0:59) "})
  void aTimestampAloneIsOneWhateverItsBrackets(String line) {
    assertTrue(LineShapes.isTimestampAlone(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "  304 "})
  void aNumberAloneIsAPageNumber(String line) {
    assertTrue(LineShapes.isPageNumber(line));
  }
}
