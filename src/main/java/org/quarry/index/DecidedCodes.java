package org.quarry.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.quarry.model.CodeScore;
import org.quarry.model.Decision;
import org.quarry.model.Passage;

/**
 * The codes a passage carries once the researcher's decisions on it are applied: an accepted code
 * is a human code (score 1.0), in place of a suggestion of it; a rejected code is not on the
 * passage, unless a human coding imported from a QDA tool puts it there (that coding is the tool's
 * to change, and an import would bring it back). The {@link Indexer} applies this to every code
 * list it writes, so no later suggestion run or import undoes a decision.
 */
final class DecidedCodes {
  private DecidedCodes() {}

  /** {@code codes} of {@code passage} with the decisions {@code kept} for its source applied. */
  static List<CodeScore> apply(Passage passage, List<CodeScore> codes, KeptCodings kept) {
    Set<String> accepted = new TreeSet<>();
    Set<String> rejected = new TreeSet<>();
    for (Decision d : kept.decisions()) {
      if (d.applied() && d.start() == passage.start() && d.end() == passage.end()) {
        (d.accepted() ? accepted : rejected).add(d.code());
      }
    }
    if (accepted.isEmpty() && rejected.isEmpty()) {
      return codes;
    }
    List<CodeScore> out = new ArrayList<>();
    Set<String> human = new TreeSet<>();
    for (CodeScore c : codes) {
      boolean isHuman = CodeScore.HUMAN.equals(c.origin());
      if (accepted.contains(c.code()) && !isHuman) {
        continue; // the human code below takes its place
      }
      if (rejected.contains(c.code()) && !(isHuman && kept.importedCodes(passage, c.code()))) {
        continue;
      }
      out.add(c);
      if (isHuman) {
        human.add(c.code());
      }
    }
    for (String code : accepted) {
      if (!human.contains(code)) {
        out.add(new CodeScore(code, 1.0, CodeScore.HUMAN));
      }
    }
    return out;
  }
}
