package org.quarry.model;

/**
 * Progress of a suggestion run. Updates come from the thread that started the run, however many
 * threads the run uses.
 */
@FunctionalInterface
public interface SuggestProgress {
  /** Progress that reports nothing. */
  SuggestProgress NONE = (done, total, what) -> {};

  /** {@code done} of {@code total} steps; {@code what} names the current one. */
  void update(long done, long total, String what);
}
