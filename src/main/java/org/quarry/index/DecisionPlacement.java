package org.quarry.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quarry.model.Decision;
import org.quarry.model.Passage;

/**
 * Puts a source's decisions on the passages of its new text when the source is indexed again with
 * changed text (or comes back after it was removed). A decision belongs to the words it was made
 * on, not to offsets: it moves to a passage with exactly those words, the one at its old span if
 * there is one, else the one starting nearest to it (an edit earlier in the file shifts every later
 * passage). A decision whose words no passage holds any more is kept, not applied, so nothing a
 * researcher decided is lost; it applies again if the words come back.
 */
final class DecisionPlacement {
  private final List<Decision> placed = new ArrayList<>();
  private int moved;
  private int unapplied;
  private int reapplied;

  private DecisionPlacement() {}

  /** Places {@code decisions} (of one source) on {@code passages} (that source's, new). */
  static DecisionPlacement place(List<Decision> decisions, List<Passage> passages) {
    Map<String, List<Passage>> byText = new HashMap<>();
    for (Passage p : passages) {
      byText.computeIfAbsent(p.text(), k -> new ArrayList<>()).add(p);
    }
    // decisions that applied go first: on a clash they are the newer word on those words
    List<Decision> order = new ArrayList<>(decisions);
    order.sort(
        Comparator.comparing((Decision d) -> !d.applied())
            .thenComparingInt(Decision::start)
            .thenComparing(Decision::code));
    Set<String> taken = new HashSet<>(); // passage id + code already decided on
    DecisionPlacement out = new DecisionPlacement();
    for (Decision d : order) {
      Passage at = nearest(d, byText.getOrDefault(d.text(), List.of()), taken);
      if (at == null) {
        if (d.applied()) {
          out.unapplied++;
        }
        out.placed.add(d.applied() ? d.at(d.start(), d.end(), false) : d);
      } else {
        taken.add(at.id() + "\t" + d.code());
        if (!d.applied()) {
          out.reapplied++;
        } else if (at.start() != d.start() || at.end() != d.end()) {
          out.moved++;
        }
        out.placed.add(d.at(at.start(), at.end(), true));
      }
    }
    return out;
  }

  /** The decisions with their new spans, every one of them. */
  List<Decision> decisions() {
    return placed;
  }

  /** The accepted decisions that apply to {@code passage}. */
  List<Decision> acceptedOn(Passage passage) {
    List<Decision> out = new ArrayList<>();
    for (Decision d : placed) {
      if (d.applied() && d.accepted() && d.start() == passage.start() && d.end() == passage.end()) {
        out.add(d);
      }
    }
    return out;
  }

  /** How many decisions that did not apply apply again (their words are back). */
  int reapplied() {
    return reapplied;
  }

  /** How many decisions that applied apply at another span than before. */
  int moved() {
    return moved;
  }

  /** How many decisions applied before and no longer do (their words are gone). */
  int unapplied() {
    return unapplied;
  }

  // the passage with the decision's words at its span, else the nearest by start, that the same
  // code was not yet decided on
  private static Passage nearest(Decision d, List<Passage> candidates, Set<String> taken) {
    Passage best = null;
    for (Passage p : candidates) {
      if (taken.contains(p.id() + "\t" + d.code())) {
        continue;
      }
      if (best == null || distance(d, p) < distance(d, best)) {
        best = p; // candidates come in text order, so a tie keeps the earlier passage
      }
    }
    return best;
  }

  private static long distance(Decision d, Passage p) {
    return Math.abs((long) p.start() - d.start()) * 2 + (p.end() == d.end() ? 0 : 1);
  }
}
