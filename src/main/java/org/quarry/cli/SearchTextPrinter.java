package org.quarry.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.quarry.model.FacetValue;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.Scores;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;

/**
 * Prints a search result for people: the count, one block per hit, a line saying where the page is
 * (when there are more) and which index was searched, then the facet counts.
 */
final class SearchTextPrinter {
  private final PrintWriter out;
  private final java.nio.file.Path index;

  SearchTextPrinter(PrintWriter out) {
    this(out, null);
  }

  /** A printer whose header names {@code index} (none when null). */
  SearchTextPrinter(PrintWriter out, java.nio.file.Path index) {
    this.out = out;
    this.index = index;
  }

  void print(SearchResult result, SearchRequest request) {
    out.printf(
        java.util.Locale.ROOT,
        "%d passage%s match %s%n",
        result.total(),
        result.total() == 1 ? "" : "s",
        result.query());
    int rank = request.offset();
    for (Hit hit : result.hits()) {
      Passage p = hit.passage();
      rank++;
      StringBuilder head = new StringBuilder();
      head.append(rank).append(". ").append(p.source()).append(" [").append(p.kind().label());
      if (p.participant() != null) {
        head.append(' ').append(p.participant());
      }
      head.append(']');
      if (p.section() != null) {
        head.append(" ").append(p.section());
      }
      head.append(
          "  (score " + Scores.format(hit.score(), 2) + ", " + p.start() + "-" + p.end() + ")");
      out.println(head);
      // a passage of several paragraphs (a long turn, a quote over paragraphs) stays in its block
      out.println(
          "   "
              + plain(hit.highlight() == null ? p.text() : hit.highlight()).replace("\n", "\n   "));
      if (!hit.codes().isEmpty()) {
        StringBuilder codes = new StringBuilder("   codes:");
        hit.codes()
            .forEach(c -> codes.append(" " + c.code() + " (" + Scores.format(c.score(), 2) + ")"));
        out.println(codes);
      }
    }
    int first = request.offset() + 1;
    int last = request.offset() + result.hits().size();
    boolean paged = !result.hits().isEmpty() && (first > 1 || last < result.total());
    if (paged || index != null) {
      out.printf(
          java.util.Locale.ROOT,
          "%s%s%s%n",
          paged ? "showing " + first + "-" + last + " of " + result.total() : "",
          index == null ? "" : (paged ? " " : "") + "from index " + index,
          last < result.total() ? "; --offset " + last + " shows the next" : "");
    }
    for (Map.Entry<String, List<FacetValue>> dim : result.facets().entrySet()) {
      if (dim.getValue().isEmpty()) {
        continue;
      }
      StringBuilder line = new StringBuilder(dim.getKey()).append(':');
      for (FacetValue v : dim.getValue()) {
        line.append(' ').append(v.value()).append(" (").append(v.count()).append(')');
      }
      out.println(line);
    }
  }

  /** The highlight's HTML to terminal text: matches in **double asterisks**, entities decoded. */
  static String plain(String html) {
    return html.replace("<mark>", "**")
        .replace("</mark>", "**")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }
}
