package org.quarry.coding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.quarry.model.Passage;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.Suggestion;
import org.quarry.model.SuggestionRun;

/**
 * Uncertainty sampling: the uncoded passages whose coding would teach the model most are those
 * whose scores sit closest to the threshold, where the model is least sure whether a code applies.
 * A passage's uncertainty is its most uncertain code's, {@code 1 - |score - t| / max(t, 1 - t)}: 1
 * at the threshold, 0 at certainty either way. Codes the model gave no score count as certain "no".
 */
public final class UncertaintySampler {
  private UncertaintySampler() {}

  /**
   * The {@code n} most uncertain passages of {@code run} that {@code coded} does not hold, most
   * uncertain first (ties by passage id), each with its scores ({@code top} best).
   *
   * @param run a run that kept every code of every passage (min score 0)
   * @param threshold the suggester's threshold
   */
  public static List<PassageSuggestions> pick(
      SuggestionRun run, double threshold, Predicate<Passage> coded, int n, int top) {
    if (n < 1) {
      throw new IllegalArgumentException("--uncertain must be 1 or more, got " + n);
    }
    double scale = Math.max(threshold, 1 - threshold);
    record Scored(PassageSuggestions ps, double u) {}
    List<Scored> all = new ArrayList<>();
    for (PassageSuggestions ps : run.passages()) {
      if (coded.test(ps.passage())) {
        continue;
      }
      double u = 0;
      for (Suggestion s : ps.suggestions()) {
        u = Math.max(u, 1 - Math.abs(s.score() - threshold) / scale);
      }
      all.add(new Scored(ps, u));
    }
    all.sort(
        Comparator.comparingDouble((Scored s) -> -s.u()).thenComparing(s -> s.ps().passage().id()));
    List<PassageSuggestions> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, all.size()); i++) {
      PassageSuggestions ps = all.get(i).ps();
      List<Suggestion> best =
          ps.suggestions().size() > top ? ps.suggestions().subList(0, top) : ps.suggestions();
      out.add(new PassageSuggestions(ps.passage(), best));
    }
    return out;
  }
}
