package org.quarry.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.IndexSearcher;

/**
 * Turns the classic query parser's multi-line errors into one-line {@link QuerySyntaxException}s.
 */
final class QueryErrors {
  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

  private QueryErrors() {}

  static QuerySyntaxException of(String query, ParseException e) {
    ParseException inner = e.getCause() instanceof ParseException p ? p : e;
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("not allowed as first character")) {
      int at = leadingWildcard(query);
      return error(
          at, "leading wildcards are not supported; put at least one letter before '*' or '?'");
    }
    if (message.contains("too many boolean clauses") || message.contains("TooManyClauses")) {
      return tooBroad(query);
    }
    Token current = inner.currentToken;
    if (current != null && current.next != null) {
      Token next = current.next;
      if (next.kind == QueryParserConstants.EOF) {
        String after = current.image == null ? "" : current.image;
        return error(
            Math.max(1, current.endColumn),
            after.isEmpty()
                ? "the query ends too early"
                : quoted(query) + " needs a term after " + after);
      }
      return error(Math.max(1, next.beginColumn), "unexpected '" + next.image + "'");
    }
    if (e.getCause() != null && e.getCause().getClass().getSimpleName().equals("TokenMgrError")) {
      Matcher m = COLUMN.matcher(e.getCause().getMessage());
      int at = m.find() ? Integer.parseInt(m.group(1)) : query.length();
      String what =
          count(query, '"') % 2 == 1
              ? "a quote is not closed; add the closing \""
              : "a character cannot be read here; escape it with \\";
      return error(Math.max(1, at), what);
    }
    String firstLine = message.lines().findFirst().orElse("cannot parse the query");
    return new QuerySyntaxException("query syntax error: " + firstLine, 0);
  }

  static QuerySyntaxException tooBroad(String query) {
    return new QuerySyntaxException(
        "query "
            + quoted(query)
            + " has more than "
            + IndexSearcher.getMaxClauseCount()
            + " clauses or expands to too many terms; split it, or make wildcard and fuzzy terms"
            + " more specific",
        0);
  }

  static QuerySyntaxException tooComplexRegex(String query) {
    return new QuerySyntaxException(
        "query "
            + quoted(query)
            + " has a regular expression too complex to run; simplify the /.../ part",
        0);
  }

  static QuerySyntaxException tooDeep(int depth) {
    return new QuerySyntaxException(
        "query nests parentheses "
            + depth
            + " deep; at most "
            + PassageSearcher.MAX_NESTING
            + " levels are accepted",
        0);
  }

  /** The query in quotes, shortened so that the message stays one readable line. */
  static String quoted(String query) {
    String q = query.strip().replaceAll("\\s+", " ");
    return "'" + (q.length() <= 60 ? q : q.substring(0, 57) + "...") + "'";
  }

  private static QuerySyntaxException error(int position, String what) {
    return new QuerySyntaxException(
        "query syntax error at position " + position + ": " + what, position);
  }

  private static int leadingWildcard(String query) {
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      boolean termStart = i == 0 || " (:+-\"".indexOf(query.charAt(i - 1)) >= 0;
      if ((c == '*' || c == '?') && termStart) {
        return i + 1;
      }
    }
    return 1;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c && (i == 0 || s.charAt(i - 1) != '\\')) {
        n++;
      }
    }
    return n;
  }
}
