package org.quarry.index;

/**
 * Writing to an index whose {@link IndexStamp} forbids it: its passages were analysed otherwise
 * than the run would analyse new ones, or a newer Quarry wrote it. Nothing has been written.
 */
public final class StampMismatchException extends RuntimeException {
  private final IndexStamp found;
  private final IndexStamp wanted;

  private StampMismatchException(String message, IndexStamp found, IndexStamp wanted) {
    super(message);
    this.found = found;
    this.wanted = wanted;
  }

  /** The index holds passages analysed as {@code found}; the run analyses as {@code wanted}. */
  static StampMismatchException otherAnalysis(IndexStamp found, IndexStamp wanted) {
    return new StampMismatchException(
        "was analysed with "
            + found.analysis().describe()
            + "; this run analyses with "
            + wanted.analysis().describe(),
        found,
        wanted);
  }

  /** The index was written by a Quarry of a newer index format. */
  static StampMismatchException newer(IndexStamp found, IndexStamp wanted) {
    return new StampMismatchException(newerMessage(found), found, wanted);
  }

  /**
   * The words for an index {@code found} that a newer Quarry wrote, after the index's name: {@code
   * was written by Quarry 0.3.0 (index format 2); this Quarry reads format 1 and older}.
   */
  public static String newerMessage(IndexStamp found) {
    return "was written by Quarry "
        + found.quarry()
        + " (index format "
        + found.format()
        + "); this Quarry reads format "
        + IndexStamp.FORMAT
        + " and older";
  }

  /** True when a newer Quarry wrote the index (rather than another analysis). */
  public boolean newerFormat() {
    return found.newerThanThisQuarry();
  }

  /** The index's stamp. */
  public IndexStamp found() {
    return found;
  }

  /** The stamp the run would write. */
  public IndexStamp wanted() {
    return wanted;
  }
}
