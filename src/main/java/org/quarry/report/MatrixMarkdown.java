package org.quarry.report;

import org.quarry.model.Code;
import org.quarry.model.MatrixQuote;

/**
 * Renders a framework matrix as a GitHub-flavoured Markdown table. Cell text is escaped so that a
 * quote can neither end a cell ({@code |}), break the row (line breaks) nor inject HTML ({@code < >
 * &} become entities); quotes in a cell are separated by {@code <br>}.
 */
public final class MatrixMarkdown {
  private MatrixMarkdown() {}

  /** The Markdown table, LF line endings. */
  public static String render(FrameworkMatrix m, CellMode mode) {
    StringBuilder out = new StringBuilder("| ").append(escape(m.rowsBy().dimension())).append(" |");
    StringBuilder rule = new StringBuilder("| --- |");
    for (Code c : m.columns()) {
      out.append(' ').append(escape(c.name())).append(" |");
      rule.append(mode == CellMode.COUNT ? " ---: |" : " --- |");
    }
    out.append('\n').append(rule).append('\n');
    for (String r : m.rows()) {
      out.append("| ").append(escape(r)).append(" |");
      for (Code c : m.columns()) {
        out.append(' ');
        if (mode == CellMode.COUNT) {
          out.append(m.count(r, c.id()));
        } else {
          boolean first = true;
          for (MatrixQuote q : m.quotes(r, c.id())) {
            if (!first) {
              out.append("<br>");
            }
            out.append(escape(q.line()));
            first = false;
          }
        }
        out.append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case '|' -> b.append("\\|");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '\r' -> {}
        case '\n' -> b.append(' ');
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
