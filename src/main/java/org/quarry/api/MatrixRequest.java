package org.quarry.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.quarry.model.Codebook;

/**
 * What a framework matrix shows: which codes as columns, what the rows are, and which of the codes
 * stored with passages count.
 *
 * @param codebook the columns, parents rolling up their children; null for the codes the index
 *     knows (an imported code tree, then any other code id found on passages)
 * @param rows {@code participant}, {@code source} or a participant attribute name
 * @param minScore codes scoring below this are left out
 * @param filters drill-down filters as for search (dimension to accepted values)
 * @param origin {@code any}, {@code suggested} or {@code human}: which codes count
 */
public record MatrixRequest(
    Codebook codebook,
    String rows,
    double minScore,
    Map<String, List<String>> filters,
    String origin) {

  /** Values {@link #origin()} accepts. */
  public static final List<String> ORIGINS = List.of("any", "suggested", "human");

  public MatrixRequest {
    Objects.requireNonNull(rows, "rows");
    filters = filters == null ? Map.of() : Map.copyOf(filters);
    origin = origin == null ? "any" : origin;
    if (!ORIGINS.contains(origin)) {
      throw new QuarryException(
          "--origin '" + origin + "' is not one of " + String.join(", ", ORIGINS));
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new QuarryException("--min-score must be between 0 and 1, got " + minScore);
    }
  }

  /** Participants by the codebook's codes, every stored code counted. */
  public static MatrixRequest of(Codebook codebook) {
    return new MatrixRequest(codebook, "participant", 0, Map.of(), "any");
  }

  /** True when a code of this origin counts. */
  boolean counts(String codeOrigin) {
    return origin.equals("any") || origin.equals(codeOrigin);
  }
}
