package org.quarry.api;

/** Told after each file of an index run; the CLI draws its progress bar from it. */
@FunctionalInterface
public interface IndexProgress {
  /** Does nothing. */
  IndexProgress NONE = (done, total, source) -> {};

  /**
   * @param done files finished so far
   * @param total files in this run
   * @param source the source id just finished
   */
  void update(long done, long total, String source);
}
