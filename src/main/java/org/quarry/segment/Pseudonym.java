package org.quarry.segment;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A participant's pseudonym given as a name: {@code [Anna]}, {@code (Dr Okafor)}. Only the shape is
 * checked here; a name is an attribution only where it stands straight after a closing quote mark
 * (see {@link QuoteExtractor}) or in a narrative speaker phrase ({@link NarrativeAttribution}),
 * since capitalised words in brackets are otherwise editorial insertions ({@code [The]
 * percentage}).
 */
final class Pseudonym {
  /** One to three capitalised words: a name, perhaps with a title. */
  static final String NAME = "\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){0,2}";

  private static final Pattern SHAPE = Pattern.compile(NAME);

  /** Capitalised words that editors put in brackets: insertions and notes, not speakers. */
  private static final Set<String> EDITORIAL =
      Set.of(
          "The",
          "This",
          "That",
          "These",
          "Those",
          "It",
          "Its",
          "They",
          "Them",
          "He",
          "She",
          "We",
          "I",
          "You",
          "And",
          "But",
          "Or",
          "So",
          "Then",
          "There",
          "Here",
          "A",
          "An",
          "In",
          "On",
          "At",
          "For",
          "With",
          "Sic",
          "Emphasis",
          "Translated",
          "Translation",
          "Laughs",
          "Laughter",
          "Laughing",
          "Pause",
          "Pauses",
          "Inaudible",
          "Unclear",
          "Redacted",
          "Name",
          "Original",
          "Author",
          "Authors",
          "Interviewer",
          "Researcher",
          "Moderator",
          "Facilitator",
          "Ibid",
          "Crosstalk",
          "Silence",
          "Sighs",
          "Emphasis Added",
          "Yes",
          "No",
          "Okay",
          "Ok",
          "Sorry",
          "Hospital",
          "Clinic",
          "Doctor",
          "Nurse",
          "Participant");

  private Pseudonym() {}

  /** The name in a bracket's text when it is shaped like one and is no editorial word. */
  static Optional<String> inBrackets(String bracketed) {
    String t = bracketed.strip();
    if (!SHAPE.matcher(t).matches() || EDITORIAL.contains(t)) {
      return Optional.empty();
    }
    return Optional.of(t);
  }
}
