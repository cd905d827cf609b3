package org.quarry.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.quarry.model.Code;
import org.quarry.model.MatrixQuote;

/**
 * Renders a framework matrix as one self-contained HTML page (inline CSS and a few lines of inline
 * JavaScript, nothing fetched): the header row and the first column stay in view while scrolling,
 * cells are shaded by count, and each non-empty cell opens ({@code <details>}) to its quotes with
 * participant, score and {@code source#start-end}, which links to the passage as {@code quarry
 * serve} answers it ({@code /api/v1/passages/ID}: source, offsets, text, codes). Cells carry {@code
 * data-row} and {@code data-code} so scripts and tests can find them. All text from the data is
 * HTML-escaped.
 */
public final class MatrixHtml {
  private MatrixHtml() {}

  private static final String STYLE =
      """
      body{font:14px/1.4 system-ui,sans-serif;margin:1rem;color:#222}
      .wrap{overflow:auto;max-height:85vh;border:1px solid #ccc}
      table{border-collapse:separate;border-spacing:0}
      th,td{border-right:1px solid #ddd;border-bottom:1px solid #ddd;padding:4px 8px;vertical-align:top}
      thead th{position:sticky;top:0;background:#f4f4f4;z-index:2;text-align:left}
      tbody th{position:sticky;left:0;background:#fafafa;z-index:1;text-align:left;white-space:nowrap}
      thead th:first-child{left:0;z-index:3}
      td{min-width:6rem;max-width:28rem}
      td.zero{color:#aaa}
      summary{cursor:pointer;font-weight:600}
      ul{margin:.3rem 0;padding-left:1.1rem}
      li{margin-bottom:.4rem}
      .who{color:#555;font-size:12px}
      .ref{font-family:ui-monospace,monospace;font-size:12px}
      """;

  private static final String SCRIPT =
      """
      function setAll(open){document.querySelectorAll('td details').forEach(function(d){d.open=open;});}
      """;

  /** Where {@code quarry serve} answers by default; quote links point there. */
  public static final String DEFAULT_SERVER = "http://127.0.0.1:7070";

  /** The HTML page, quotes linking to {@link #DEFAULT_SERVER}. */
  public static String render(FrameworkMatrix m, String title) {
    return render(m, title, DEFAULT_SERVER);
  }

  /** The HTML page, quotes linking to the passage routes of the server at {@code server}. */
  public static String render(FrameworkMatrix m, String title, String server) {
    List<Code> cols = m.columns();
    int max = Math.max(1, m.maxCount());
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>\n")
        .append("<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n")
        .append("<h1>")
        .append(Html.escape(title))
        .append("</h1>\n")
        .append("<p><button type=\"button\" onclick=\"setAll(true)\">Open all</button> ")
        .append("<button type=\"button\" onclick=\"setAll(false)\">Close all</button></p>\n")
        .append("<div class=\"wrap\">\n<table>\n<thead>\n<tr><th scope=\"col\">")
        .append(Html.escape(m.rowsBy().dimension()))
        .append("</th>");
    for (Code c : cols) {
      h.append("<th scope=\"col\" title=\"")
          .append(Html.escape(m.tree().path(c.id())))
          .append("\">")
          .append("&nbsp;&nbsp;".repeat(m.tree().depth(c.id())))
          .append(Html.escape(c.name()))
          .append("</th>");
    }
    h.append("</tr>\n</thead>\n<tbody>\n");
    for (String r : m.rows()) {
      h.append("<tr><th scope=\"row\">").append(Html.escape(r)).append("</th>");
      for (Code c : cols) {
        List<MatrixQuote> qs = m.quotes(r, c.id());
        String where =
            " data-row=\"" + Html.escape(r) + "\" data-code=\"" + Html.escape(c.id()) + "\"";
        if (qs.isEmpty()) {
          h.append("<td class=\"zero\"").append(where).append(">0</td>");
          continue;
        }
        double alpha = 0.12 + 0.6 * qs.size() / max;
        h.append("<td")
            .append(where)
            .append(" style=\"background:rgba(38,110,200,")
            .append(String.format(Locale.ROOT, "%.2f", alpha))
            .append(")\">")
            .append("<details><summary>")
            .append(qs.size())
            .append("</summary><ul>");
        for (MatrixQuote q : qs) {
          h.append("<li data-source=\"")
              .append(Html.escape(q.source()))
              .append("\" data-start=\"")
              .append(q.start())
              .append("\" data-end=\"")
              .append(q.end())
              .append("\"><q>")
              .append(Html.escape(q.text()))
              .append("</q> <span class=\"who\">")
              .append(Html.escape(q.participant() == null ? RowsBy.MISSING : q.participant()))
              .append(" · ")
              .append(q.scoreText())
              .append("</span> <a class=\"ref\" href=\"")
              .append(Html.escape(server + "/api/v1/passages/" + encode(q.passageId())))
              .append(
                  "\" title=\"the passage at these code-point offsets of its source (run quarry serve)\">")
              .append(Html.escape(q.ref()))
              .append("</a></li>");
        }
        h.append("</ul></details></td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n<script>\n")
        .append(SCRIPT)
        .append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
