package org.quarry.report;

import java.util.List;
import java.util.stream.Collectors;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.Passage;

/**
 * Codings as CSV, one row each: {@code passage,participant,attributes,code,score,origin,text}.
 * Attributes are {@code name=value} pairs joined by {@code ; }, sorted by name; the code is its
 * path from the root ({@code parent/child}); rows are in source and offset order.
 */
public final class CodingsCsv {
  private CodingsCsv() {}

  /** The CSV text, LF line endings. */
  public static String render(List<Passage> passages, List<Coding> codings, Codebook codebook) {
    StringBuilder out = new StringBuilder();
    Csv.row(
        out, List.of("passage", "participant", "attributes", "code", "score", "origin", "text"));
    for (CodingRows r : CodingRows.of(passages, codings, codebook)) {
      Csv.row(
          out,
          List.of(
              r.passage(),
              r.participant() == null ? "" : r.participant(),
              r.attributes().entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining("; ")),
              r.codePath(),
              org.quarry.model.Scores.format(r.score(), 3),
              r.origin(),
              r.text()));
    }
    return out.toString();
  }
}
