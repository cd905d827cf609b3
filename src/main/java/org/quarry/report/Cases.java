package org.quarry.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quarry.model.Case;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;

/** Builds cases from passages: one per participant, with the attributes its passages carry. */
public final class Cases {
  private Cases() {}

  /**
   * One case per participant, sorted by id; attributes merged over the participant's passages
   * (a later passage's value wins when they disagree, passages taken in id order).
   */
  public static List<Case> fromPassages(List<Passage> passages) {
    Map<String, Map<String, String>> byId = new TreeMap<>();
    List<Passage> ordered = new ArrayList<>(passages);
    ordered.sort((a, b) -> a.id().compareTo(b.id()));
    for (Passage p : ordered) {
      // interviewers ask; they are no case of the study
      if (p.participant() != null && !p.participant().isBlank() && p.kind() != PassageKind.INTERVIEWER) {
        byId.computeIfAbsent(p.participant(), k -> new TreeMap<>()).putAll(p.attributes());
      }
    }
    List<Case> out = new ArrayList<>();
    byId.forEach((id, attrs) -> out.add(new Case(id, attrs)));
    return out;
  }
}
