package org.quarry.search;

/**
 * A query Quarry cannot run, with a one-line message that says where and what to do, e.g. {@code
 * query syntax error at position 9: 'voice AND' needs a term after AND}.
 */
public final class QuerySyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int position;

  /**
   * @param message the one-line message
   * @param position 1-based char position in the query, or 0 when the query as a whole is at fault
   *     (it matches too many terms, say)
   */
  public QuerySyntaxException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** 1-based char position in the query, or 0 when no single position is at fault. */
  public int position() {
    return position;
  }
}
