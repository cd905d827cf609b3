package org.quarry.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.quarry.model.Code;
import org.quarry.model.MatrixQuote;

/**
 * Renders a framework matrix as CSV: a header of the row dimension and code names, then one line
 * per row. In {@link CellMode#QUOTES} a cell holds one {@link MatrixQuote#line()} per passage,
 * separated by line breaks inside the quoted field.
 */
public final class MatrixCsv {
  private MatrixCsv() {}

  /** The CSV text, LF line endings. */
  public static String render(FrameworkMatrix m, CellMode mode) {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>();
    header.add(m.rowsBy().dimension());
    for (Code c : m.columns()) {
      header.add(c.name());
    }
    Csv.row(out, header);
    for (String r : m.rows()) {
      List<String> line = new ArrayList<>();
      line.add(r);
      for (Code c : m.columns()) {
        line.add(
            mode == CellMode.COUNT
                ? Integer.toString(m.count(r, c.id()))
                : m.quotes(r, c.id()).stream()
                    .map(MatrixQuote::line)
                    .collect(Collectors.joining("\n")));
      }
      Csv.row(out, line);
    }
    return out.toString();
  }
}
