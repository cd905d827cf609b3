package org.quarry.refi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quarry.model.Case;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;

/**
 * Builds cases from passages: one per participant, with the attributes its passages carry; and
 * joins them with the cases kept from imported projects.
 */
public final class Cases {
  private Cases() {}

  /**
   * One case per participant, sorted by id; attributes merged over the participant's passages (a
   * later passage's value wins when they disagree, passages taken in id order).
   */
  public static List<Case> fromPassages(List<Passage> passages) {
    Map<String, Map<String, String>> byId = new TreeMap<>();
    List<Passage> ordered = new ArrayList<>(passages);
    ordered.sort((a, b) -> a.id().compareTo(b.id()));
    for (Passage p : ordered) {
      // interviewers ask; they are no case of the study
      if (p.participant() != null
          && !p.participant().isBlank()
          && p.kind() != PassageKind.INTERVIEWER) {
        byId.computeIfAbsent(p.participant(), k -> new TreeMap<>()).putAll(p.attributes());
      }
    }
    List<Case> out = new ArrayList<>();
    byId.forEach((id, attrs) -> out.add(new Case(id, attrs)));
    return out;
  }

  /**
   * The cases of the passages joined with those kept from imported projects, sorted by id: a case
   * on passages takes the kept case's GUID and its kept variables, under the attributes its
   * passages carry (a participants table may have changed them since the import, and a quote's
   * participant in a paper carries none of the project's variables); a kept case on no passage (no
   * source refers to it, or its sources are gone) comes with its kept variables, so a project's
   * cases all go back to the tool. Of kept cases sharing an id, the first counts.
   */
  public static List<Case> withKept(List<Case> fromPassages, List<Case> kept) {
    Map<String, Case> byId = new TreeMap<>();
    fromPassages.forEach(c -> byId.put(c.id(), c));
    Map<String, Case> joined = new TreeMap<>();
    for (Case k : kept) {
      Case c = byId.get(k.id());
      if (joined.containsKey(k.id())) {
        continue;
      }
      if (c == null) {
        joined.put(k.id(), k);
      } else {
        Map<String, String> attributes = new TreeMap<>(k.attributes());
        attributes.putAll(c.attributes());
        joined.put(k.id(), new Case(c.id(), attributes, c.guid() != null ? c.guid() : k.guid()));
      }
    }
    byId.putAll(joined);
    return new ArrayList<>(byId.values());
  }
}
