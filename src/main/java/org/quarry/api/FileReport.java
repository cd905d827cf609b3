package org.quarry.api;

/**
 * What happened to one file in an index run.
 *
 * @param source the source id (path relative to the folder given)
 * @param status what was done
 * @param reason why it was skipped or failed; null otherwise
 * @param passages passages written (0 when unchanged, skipped or failed)
 */
public record FileReport(String source, Status status, String reason, int passages) {

  /** The outcome of one file. */
  public enum Status {
    /** Read, segmented and (re)written. */
    INDEXED,
    /** Same content hash as already indexed: no work done. */
    UNCHANGED,
    /** Nothing to index: unsupported, empty, binary, encrypted, no text layer, duplicate. */
    SKIPPED,
    /** Could not be read or segmented; the other files were still indexed. */
    FAILED,
    /** Gone from a folder that was indexed before: its passages were removed. */
    REMOVED
  }
}
