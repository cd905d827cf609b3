package org.quarry.api;

import java.util.List;
import java.util.Optional;
import org.quarry.model.Hit;
import org.quarry.model.PassageKind;

/**
 * A passage as a reader meets it: with its context (the interviewer's question before a
 * participant's turn, the authors' narrative before a quote, as the suggester weighs it) and its
 * neighbours, the passages just before and after it in its source.
 *
 * @param passage the passage itself
 * @param context the nearest question (for a turn) or narrative (for a quote) before it in the same
 *     section, or empty; other kinds have none
 * @param before the passage just before it in its source, or empty
 * @param after the passage just after it in its source, or empty
 */
public record PassageInContext(
    Hit passage, Optional<Hit> context, Optional<Hit> before, Optional<Hit> after) {

  /** The passage {@code id} among {@code source}'s passages (by offset), or empty. */
  static Optional<PassageInContext> find(String id, List<Hit> source) {
    for (int i = 0; i < source.size(); i++) {
      if (source.get(i).passage().id().equals(id)) {
        return Optional.of(
            new PassageInContext(
                source.get(i),
                context(source, i),
                i > 0 ? Optional.of(source.get(i - 1)) : Optional.empty(),
                i + 1 < source.size() ? Optional.of(source.get(i + 1)) : Optional.empty()));
      }
    }
    return Optional.empty();
  }

  // the rule of the suggester's PassageContexts: a new section cuts what came before off
  private static Optional<Hit> context(List<Hit> source, int at) {
    PassageKind kind = source.get(at).passage().kind();
    PassageKind wanted =
        switch (kind) {
          case QUOTE -> PassageKind.NARRATIVE;
          case TURN -> PassageKind.INTERVIEWER;
          default -> null;
        };
    if (wanted == null) {
      return Optional.empty();
    }
    String section = source.get(at).passage().section();
    for (int i = at - 1; i >= 0; i--) {
      Hit h = source.get(i);
      if (!java.util.Objects.equals(section, h.passage().section())) {
        return Optional.empty();
      }
      if (h.passage().kind() == wanted) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }
}
