package org.quarry.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.quarry.model.Code;
import org.quarry.model.CodeTree;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.Codings;
import org.quarry.model.MatrixQuote;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.PassageLocator;

/**
 * A framework matrix: rows are cases (participants, sources or attribute values), columns are
 * codes, cells hold the passages coded.
 *
 * <p>A parent code's column rolls up its descendants: a passage coded by the parent or any
 * descendant appears in the parent's cell once, with its highest score. Every case that has a
 * passage gets a row, even when nothing in it was coded, so gaps show.
 */
public final class FrameworkMatrix {
  private static final Comparator<MatrixQuote> QUOTE_ORDER =
      Comparator.comparing(MatrixQuote::source)
          .thenComparingInt(MatrixQuote::start)
          .thenComparingInt(MatrixQuote::end)
          .thenComparing(MatrixQuote::passageId);

  private final RowsBy rowsBy;
  private final CodeTree tree;
  private final List<String> rows;
  private final Map<String, Map<String, List<MatrixQuote>>> cells;
  private final List<String> unplaced;

  private FrameworkMatrix(
      RowsBy rowsBy,
      CodeTree tree,
      List<String> rows,
      Map<String, Map<String, List<MatrixQuote>>> cells,
      List<String> unplaced) {
    this.rowsBy = rowsBy;
    this.tree = tree;
    this.rows = rows;
    this.cells = cells;
    this.unplaced = unplaced;
  }

  /**
   * Builds the matrix.
   *
   * @param passages all passages in scope; each one's row comes from {@code rowsBy}
   * @param codings human codings or suggestions made codings ({@link Codings#fromSuggestions})
   * @param codebook the columns, in tree order
   * @param rowsBy participant, source or an attribute name
   * @param minScore codings scoring below this are left out
   */
  public static FrameworkMatrix build(
      List<Passage> passages,
      List<Coding> codings,
      Codebook codebook,
      RowsBy rowsBy,
      double minScore) {
    CodeTree tree = new CodeTree(codebook);
    PassageLocator locator = new PassageLocator(passages);
    TreeSet<String> rowSet = new TreeSet<>();
    for (Passage p : passages) {
      if (p.kind() != PassageKind.INTERVIEWER || rowsBy.countsInterviewers()) {
        rowSet.add(rowsBy.rowOf(p));
      }
    }
    List<String> rows = new ArrayList<>();
    for (String r : rowSet) {
      if (!r.equals(RowsBy.MISSING)) {
        rows.add(r);
      }
    }
    // row -> code -> passage id -> best quote
    Map<String, Map<String, Map<String, MatrixQuote>>> acc = new HashMap<>();
    List<String> unplaced = new ArrayList<>();
    List<Coding> ordered = new ArrayList<>(codings);
    ordered.sort(Codings.ORDER);
    for (Coding c : ordered) {
      if (c.score() < minScore) {
        continue;
      }
      if (tree.code(c.code()).isEmpty()) {
        unplaced.add(c.spanId() + " " + c.code() + ": the code is not in the codebook");
        continue;
      }
      Optional<Passage> found = locator.locate(c);
      if (found.isEmpty()) {
        unplaced.add(c.spanId() + " " + c.code() + ": no passage of the source overlaps it");
        continue;
      }
      Passage p = found.get();
      if (p.kind() == PassageKind.INTERVIEWER && !rowsBy.countsInterviewers()) {
        continue; // interviewers are not participants: their turns are in no row but a speaker's
      }
      MatrixQuote q =
          new MatrixQuote(
              p.id(), p.source(), p.start(), p.end(), p.participant(), c.score(), p.text());
      for (String code : tree.selfAndAncestors(c.code())) {
        acc.computeIfAbsent(rowsBy.rowOf(p), k -> new HashMap<>())
            .computeIfAbsent(code, k -> new TreeMap<>())
            .merge(p.id(), q, (a, b) -> a.score() >= b.score() ? a : b);
      }
    }
    // passages without a case (the authors' narrative, say) get a row only when coded: a row of
    // zeros for them would read as a participant who said nothing
    if (acc.containsKey(RowsBy.MISSING)) {
      rows.add(RowsBy.MISSING);
    }
    Map<String, Map<String, List<MatrixQuote>>> cells = new LinkedHashMap<>();
    for (String r : rows) {
      Map<String, List<MatrixQuote>> byCode = new LinkedHashMap<>();
      for (Code code : tree.preorder()) {
        List<MatrixQuote> qs =
            new ArrayList<>(
                acc.getOrDefault(r, Map.of()).getOrDefault(code.id(), Map.of()).values());
        qs.sort(QUOTE_ORDER);
        byCode.put(code.id(), Collections.unmodifiableList(qs));
      }
      cells.put(r, byCode);
    }
    return new FrameworkMatrix(
        rowsBy,
        tree,
        Collections.unmodifiableList(rows),
        cells,
        Collections.unmodifiableList(unplaced));
  }

  /** What the rows are. */
  public RowsBy rowsBy() {
    return rowsBy;
  }

  /** Row labels, sorted, with {@link RowsBy#MISSING} last. */
  public List<String> rows() {
    return rows;
  }

  /** Column codes, parents before children, siblings in codebook order. */
  public List<Code> columns() {
    return tree.preorder();
  }

  /** The codebook as a tree (for paths and depths). */
  public CodeTree tree() {
    return tree;
  }

  /** The passages in a cell, in source order; empty for an unknown row or code. */
  public List<MatrixQuote> quotes(String row, String codeId) {
    return cells.getOrDefault(row, Map.of()).getOrDefault(codeId, List.of());
  }

  /** The number of distinct passages in a cell. */
  public int count(String row, String codeId) {
    return quotes(row, codeId).size();
  }

  /** The largest cell count, 0 for an empty matrix. */
  public int maxCount() {
    int max = 0;
    for (String r : rows) {
      for (Code c : columns()) {
        max = Math.max(max, count(r, c.id()));
      }
    }
    return max;
  }

  /** Codings left out because their code is unknown or no passage holds them, with the reason. */
  public List<String> unplaced() {
    return unplaced;
  }
}
