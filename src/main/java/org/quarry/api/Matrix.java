package org.quarry.api;

import java.util.List;
import org.quarry.model.Code;
import org.quarry.model.MatrixQuote;
import org.quarry.report.FrameworkMatrix;

/**
 * A framework matrix as {@link Quarry#matrix} answers it: rows are cases (participants, sources or
 * an attribute's values), columns are codes, cells hold the passages coded. A parent code's column
 * rolls up its descendants. {@link MatrixOutput} writes it as CSV, Markdown, HTML or a workbook.
 */
public final class Matrix {
  // the report package builds and renders the matrix; this view keeps it off the module's surface
  private final FrameworkMatrix matrix;

  Matrix(FrameworkMatrix matrix) {
    this.matrix = matrix;
  }

  /** What the rows are: {@code participant}, {@code source} or an attribute name. */
  public String rowsBy() {
    return matrix.rowsBy().dimension();
  }

  /**
   * Row labels, sorted, with {@link MatrixQuote#NO_CASE} last when passages without a case are
   * coded.
   */
  public List<String> rows() {
    return matrix.rows();
  }

  /** Column codes, parents before children, siblings in codebook order. */
  public List<Code> columns() {
    return matrix.columns();
  }

  /** The passages in a cell, in source order; empty for an unknown row or code. */
  public List<MatrixQuote> quotes(String row, String codeId) {
    return matrix.quotes(row, codeId);
  }

  /** The number of distinct passages in a cell. */
  public int count(String row, String codeId) {
    return matrix.count(row, codeId);
  }

  /** The largest cell count, 0 for an empty matrix. */
  public int maxCount() {
    return matrix.maxCount();
  }

  /** Codings left out because their code is unknown or no passage holds them, with the reason. */
  public List<String> unplaced() {
    return matrix.unplaced();
  }

  FrameworkMatrix frameworkMatrix() {
    return matrix;
  }
}
