package org.quarry.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.EvalReport;
import org.quarry.model.GoldItem;
import org.quarry.model.Passage;
import org.quarry.model.Suggestion;

/** Measures suggestions against gold items, with the keyword baseline; see {@link EvalReport}. */
public final class Evaluator {
  private Evaluator() {}

  /**
   * The report.
   *
   * @param passages every passage of the index (near duplicates included: gold may point there)
   * @param suggestions each passage's suggestions (any score above 0), by passage id
   * @param threshold score at or above which a suggestion is a prediction
   */
  public static EvalReport evaluate(
      Codebook codebook,
      GoldSet gold,
      List<Passage> passages,
      Map<String, List<Suggestion>> suggestions,
      double threshold) {
    return evaluateMatched(
        codebook, gold, goldPassages(codebook, gold, passages), suggestions, threshold);
  }

  /**
   * The passage each gold item of a code of {@code codebook} is matched to (see {@link
   * GoldSet#match}), in the order of the gold items, the items of other codes left out: the
   * passages an evaluation needs suggestions for.
   */
  public static List<Optional<Passage>> goldPassages(
      Codebook codebook, GoldSet gold, List<Passage> passages) {
    return GoldSet.match(inBook(codebook, gold), passages);
  }

  /**
   * The report, from {@link #goldPassages} already matched; {@code suggestions} need cover only
   * those passages.
   */
  public static EvalReport evaluateMatched(
      Codebook codebook,
      GoldSet gold,
      List<Optional<Passage>> matches,
      Map<String, List<Suggestion>> suggestions,
      double threshold) {
    List<Code> codes = codebook.codes();
    List<GoldItem> inBook = inBook(codebook, gold);
    if (matches.size() != inBook.size()) {
      throw new IllegalArgumentException(
          matches.size()
              + " matches for "
              + inBook.size()
              + " gold items: match them with goldPassages");
    }
    Map<String, Passage> goldPassages = new LinkedHashMap<>();
    Map<String, Set<String>> labels = new HashMap<>();
    List<GoldItem> unmatched = new ArrayList<>();
    List<GoldItem> matchedItems = new ArrayList<>();
    List<Passage> matchedPassages = new ArrayList<>();
    for (int i = 0; i < inBook.size(); i++) {
      Optional<Passage> p = matches.get(i);
      if (p.isEmpty()) {
        unmatched.add(inBook.get(i));
        continue;
      }
      goldPassages.put(p.get().id(), p.get());
      labels.computeIfAbsent(p.get().id(), k -> new LinkedHashSet<>()).add(inBook.get(i).code());
      matchedItems.add(inBook.get(i));
      matchedPassages.add(p.get());
    }
    KeywordBaseline baseline = new KeywordBaseline(codes);
    Map<String, int[]> hits = new HashMap<>();
    goldPassages.values().forEach(p -> hits.put(p.id(), baseline.hits(p.text())));

    List<EvalReport.CodeResult> rows = new ArrayList<>();
    int[] q = new int[3];
    int[] b = new int[3];
    double[] qMacro = new double[3];
    double[] bMacro = new double[3];
    for (int c = 0; c < codes.size(); c++) {
      String id = codes.get(c).id();
      int[] qc = new int[3];
      int[] bc = new int[3];
      int goldCount = 0;
      for (Passage p : goldPassages.values()) {
        boolean truth = labels.get(p.id()).contains(id);
        goldCount += truth ? 1 : 0;
        boolean qPred =
            suggestions.getOrDefault(p.id(), List.of()).stream()
                .anyMatch(s -> s.code().equals(id) && s.score() >= threshold);
        boolean bPred = hits.get(p.id())[c] > 0;
        count(qc, truth, qPred);
        count(bc, truth, bPred);
      }
      EvalReport.Scores qs = EvalReport.Scores.of(qc[0], qc[1], qc[2]);
      EvalReport.Scores bs = EvalReport.Scores.of(bc[0], bc[1], bc[2]);
      rows.add(new EvalReport.CodeResult(id, goldCount, qs, bs));
      add(q, qc);
      add(b, bc);
      qMacro[0] += qs.precision();
      qMacro[1] += qs.recall();
      qMacro[2] += qs.f1();
      bMacro[0] += bs.precision();
      bMacro[1] += bs.recall();
      bMacro[2] += bs.f1();
    }
    int n = Math.max(1, codes.size());
    int qTop = 0;
    int bTop = 0;
    for (int i = 0; i < matchedItems.size(); i++) {
      Passage p = matchedPassages.get(i);
      String want = matchedItems.get(i).code();
      if (want.equals(top(suggestions.getOrDefault(p.id(), List.of())))) {
        qTop++;
      }
      if (want.equals(topHits(codes, hits.get(p.id())))) {
        bTop++;
      }
    }
    int m = matchedItems.size();
    return new EvalReport(
        threshold,
        gold.items().size(),
        gold.items().size() - inBook.size(),
        m,
        goldPassages.size(),
        rows,
        EvalReport.Scores.of(q[0], q[1], q[2]),
        new EvalReport.Scores(q[0], q[1], q[2], qMacro[0] / n, qMacro[1] / n, qMacro[2] / n),
        EvalReport.Scores.of(b[0], b[1], b[2]),
        new EvalReport.Scores(b[0], b[1], b[2], bMacro[0] / n, bMacro[1] / n, bMacro[2] / n),
        m == 0 ? 0 : (double) qTop / m,
        m == 0 ? 0 : (double) bTop / m,
        qTop,
        bTop,
        unmatched);
  }

  // the gold items whose code is in the codebook, in order
  private static List<GoldItem> inBook(Codebook codebook, GoldSet gold) {
    Set<String> ids = new LinkedHashSet<>();
    codebook.codes().forEach(c -> ids.add(c.id()));
    return gold.items().stream().filter(g -> ids.contains(g.code())).toList();
  }

  private static void count(int[] c, boolean truth, boolean predicted) {
    if (truth && predicted) {
      c[0]++;
    } else if (predicted) {
      c[1]++;
    } else if (truth) {
      c[2]++;
    }
  }

  private static void add(int[] into, int[] c) {
    for (int i = 0; i < 3; i++) {
      into[i] += c[i];
    }
  }

  // the highest-scoring suggestion (ties: the first, which the suggester puts in codebook order)
  private static String top(List<Suggestion> list) {
    Suggestion best = null;
    for (Suggestion s : list) {
      if (s.score() > 0 && (best == null || s.score() > best.score())) {
        best = s;
      }
    }
    return best == null ? null : best.code();
  }

  private static String topHits(List<Code> codes, int[] hits) {
    int best = -1;
    for (int i = 0; i < hits.length; i++) {
      if (hits[i] > 0 && (best < 0 || hits[i] > hits[best])) {
        best = i;
      }
    }
    return best < 0 ? null : codes.get(best).id();
  }
}
