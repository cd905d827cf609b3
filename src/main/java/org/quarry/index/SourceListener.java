package org.quarry.index;

/** Told what the indexer did with each source, as it goes. */
@FunctionalInterface
public interface SourceListener {
  /** Ignores everything. */
  SourceListener NONE = (id, outcome, passages, failure) -> {};

  /** What happened to a source. */
  enum Outcome {
    ADDED,
    REPLACED,
    UNCHANGED,
    FAILED,
    REMOVED
  }

  /**
   * @param sourceId the source id
   * @param outcome what was done
   * @param passages passages written (0 unless added or replaced)
   * @param failure why it failed, or null
   */
  void done(String sourceId, Outcome outcome, int passages, String failure);
}
