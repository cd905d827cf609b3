package org.quarry.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.quarry.model.CodeTree;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.Codings;
import org.quarry.model.Passage;
import org.quarry.model.PassageLocator;

/**
 * One flat row per coding, shared by {@link CodingsCsv} and {@link CodingsJsonl}.
 *
 * @param passage the id of the passage holding the coding ({@link PassageLocator}), or the coding's
 *     own {@code source#start-end} when no passage holds it
 * @param participant the passage's participant, or null
 * @param attributes the passage's attributes, sorted
 * @param codePath the code's ids from the root, {@code parent/child}
 * @param score the coding's score
 * @param origin suggested or human
 * @param text the passage's text, empty when no passage holds the coding
 */
record CodingRows(
    String passage,
    String participant,
    Map<String, String> attributes,
    String codePath,
    double score,
    String origin,
    String text) {

  static List<CodingRows> of(List<Passage> passages, List<Coding> codings, Codebook codebook) {
    CodeTree tree = new CodeTree(codebook);
    PassageLocator locator = new PassageLocator(passages);
    List<Coding> ordered = new ArrayList<>(codings);
    ordered.sort(Codings.ORDER);
    List<CodingRows> rows = new ArrayList<>();
    for (Coding c : ordered) {
      Optional<Passage> p = locator.locate(c);
      rows.add(
          new CodingRows(
              p.map(Passage::id).orElse(c.spanId()),
              p.map(Passage::participant).orElse(null),
              new TreeMap<>(p.map(Passage::attributes).orElse(Map.of())),
              tree.path(c.code()),
              c.score(),
              c.origin(),
              p.map(Passage::text).orElse("")));
    }
    return rows;
  }
}
