package org.quarry.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns suggestions into codings and orders codings deterministically. */
public final class Codings {
  private Codings() {}

  /** Orders codings by source, start, end, code, then origin. */
  public static final Comparator<Coding> ORDER =
      Comparator.comparing(Coding::source)
          .thenComparingInt(Coding::start)
          .thenComparingInt(Coding::end)
          .thenComparing(Coding::code)
          .thenComparing(Coding::origin);

  /**
   * One {@code suggested} coding per suggestion, spanning its passage.
   *
   * @throws IllegalArgumentException naming the passage id when a suggestion's passage is not in
   *     {@code passages}
   */
  public static List<Coding> fromSuggestions(List<Suggestion> suggestions, List<Passage> passages) {
    Map<String, Passage> byId = new HashMap<>();
    for (Passage p : passages) {
      byId.put(p.id(), p);
    }
    List<Coding> out = new ArrayList<>();
    for (Suggestion s : suggestions) {
      Passage p = byId.get(s.passageId());
      if (p == null) {
        throw new IllegalArgumentException(
            "suggestion for code "
                + s.code()
                + " names passage "
                + s.passageId()
                + " which is not among the passages given; pass the passages it was made for");
      }
      out.add(new Coding(p.source(), p.start(), p.end(), s.code(), s.score(), CodeScore.SUGGESTED));
    }
    out.sort(ORDER);
    return out;
  }
}
