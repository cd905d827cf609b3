package org.quarry.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quarry.model.Code;
import org.quarry.model.CodeScore;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.Codings;
import org.quarry.model.Hit;
import org.quarry.model.Passage;

/**
 * Turns what the index holds into codings for exports and the matrix: each code stored with a
 * passage is a coding over the passage's span, except that a human code whose exact spans were kept
 * ({@link org.quarry.index.KeptCodings}: at import, or an accepted decision's passage) is exported
 * with those spans instead, so the words a person selected go back to their tool unchanged.
 */
final class RefiExport {
  private RefiExport() {}

  /** Codings for an export: exact human spans where kept, passage spans otherwise. */
  static List<Coding> forExport(List<Hit> hits, List<Coding> kept, double minScore) {
    Map<String, List<Coding>> keptBySourceAndCode = new HashMap<>();
    for (Coding c : kept) {
      keptBySourceAndCode
          .computeIfAbsent(c.source() + "\t" + c.code(), k -> new ArrayList<>())
          .add(c);
    }
    Set<Coding> out = new LinkedHashSet<>();
    for (Hit h : hits) {
      Passage p = h.passage();
      for (CodeScore c : h.codes()) {
        // a human code whose exact spans were kept goes out as those spans, added below
        boolean exact =
            CodeScore.HUMAN.equals(c.origin())
                && keptBySourceAndCode
                    .getOrDefault(p.source() + "\t" + c.code(), List.of())
                    .stream()
                    .anyMatch(k -> Math.min(k.end(), p.end()) > Math.max(k.start(), p.start()));
        if (!exact && c.score() >= minScore) {
          out.add(new Coding(p.source(), p.start(), p.end(), c.code(), c.score(), c.origin()));
        }
      }
    }
    for (Coding c : kept) {
      if (c.score() >= minScore) {
        out.add(c);
      }
    }
    List<Coding> sorted = new ArrayList<>(out);
    sorted.sort(Codings.ORDER);
    return sorted;
  }

  /** One coding over each hit's span per stored code of an origin the request counts. */
  static List<Coding> forMatrix(List<Hit> hits, MatrixRequest request) {
    List<Coding> out = new ArrayList<>();
    for (Hit h : hits) {
      Passage p = h.passage();
      for (CodeScore c : h.codes()) {
        if (request.counts(c.origin())) {
          out.add(new Coding(p.source(), p.start(), p.end(), c.code(), c.score(), c.origin()));
        }
      }
    }
    return out;
  }

  /**
   * The codes an index knows: the code tree kept from an import (if any), then every other code id
   * found on passages, sorted, as a top-level code named by its id.
   */
  static Codebook known(Codebook imported, String name, List<Hit> hits) {
    List<Code> codes = new ArrayList<>(imported == null ? List.of() : imported.codes());
    Set<String> have = new LinkedHashSet<>();
    codes.forEach(c -> have.add(c.id()));
    Map<String, Code> extra = new TreeMap<>();
    for (Hit h : hits) {
      for (CodeScore c : h.codes()) {
        if (!have.contains(c.code())) {
          extra.putIfAbsent(
              c.code(), new Code(c.code(), c.code(), null, null, null, null, null, 1.0));
        }
      }
    }
    codes.addAll(extra.values());
    return new Codebook(imported == null ? name : imported.name(), null, codes);
  }
}
