package org.quarry.index;

import java.util.List;

/**
 * What one indexing run did, and where its time went.
 *
 * @param added sources new to the index
 * @param replaced sources whose content hash changed
 * @param unchanged sources skipped because their hash was already indexed
 * @param removed sources deleted because they were missing from a full run
 * @param passages passages written (annotated) in this run
 * @param duplicates sources now marked as near duplicates of an earlier source
 * @param totalNanos wall time of the run
 * @param annotateNanos time inside the annotator (tokenizing, tagging, lemmatising)
 * @param taggerNanos of that, time inside CoreNLP's part-of-speech tagger (model load included)
 * @param failures sources that could not be indexed, one line each naming the source
 * @param notes what happened to researchers' decisions on changed or removed sources, one line each
 *     naming the source ({@link DecisionPlacement})
 */
public record IndexUpdate(
    int added,
    int replaced,
    int unchanged,
    int removed,
    int passages,
    int duplicates,
    long totalNanos,
    long annotateNanos,
    long taggerNanos,
    List<String> failures,
    List<String> notes) {

  public IndexUpdate {
    failures = List.copyOf(failures);
    notes = List.copyOf(notes);
  }

  /** CoreNLP's share of the run's wall time, in [0, 1]; 0 for an empty run. */
  public double coreNlpShare() {
    return totalNanos == 0 ? 0 : Math.min(1.0, (double) taggerNanos / totalNanos);
  }

  /** An update to fill in by name: every count and time zero, no failures, no notes. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link IndexUpdate} part by part; see the record's components for each. */
  public static final class Builder {
    private int added;
    private int replaced;
    private int unchanged;
    private int removed;
    private int passages;
    private int duplicates;
    private long totalNanos;
    private long annotateNanos;
    private long taggerNanos;
    private List<String> failures = List.of();
    private List<String> notes = List.of();

    private Builder() {}

    /** Sources new to the index. */
    public Builder added(int n) {
      added = n;
      return this;
    }

    /** Sources whose content hash changed. */
    public Builder replaced(int n) {
      replaced = n;
      return this;
    }

    /** Sources skipped as already indexed. */
    public Builder unchanged(int n) {
      unchanged = n;
      return this;
    }

    /** Sources deleted. */
    public Builder removed(int n) {
      removed = n;
      return this;
    }

    /** Passages written. */
    public Builder passages(int n) {
      passages = n;
      return this;
    }

    /** Sources now marked as near duplicates. */
    public Builder duplicates(int n) {
      duplicates = n;
      return this;
    }

    /** Wall time of the run. */
    public Builder totalNanos(long nanos) {
      totalNanos = nanos;
      return this;
    }

    /** Time inside the annotator. */
    public Builder annotateNanos(long nanos) {
      annotateNanos = nanos;
      return this;
    }

    /** Time inside CoreNLP's tagger. */
    public Builder taggerNanos(long nanos) {
      taggerNanos = nanos;
      return this;
    }

    /** Sources that could not be indexed, one line each. */
    public Builder failures(List<String> lines) {
      failures = lines;
      return this;
    }

    /** What happened to decisions, one line each. */
    public Builder notes(List<String> lines) {
      notes = lines;
      return this;
    }

    /** The update. */
    public IndexUpdate build() {
      return new IndexUpdate(
          added,
          replaced,
          unchanged,
          removed,
          passages,
          duplicates,
          totalNanos,
          annotateNanos,
          taggerNanos,
          failures,
          notes);
    }
  }

  /** This run followed by {@code later} (counts and times add up). */
  public IndexUpdate plus(IndexUpdate later) {
    List<String> all = new java.util.ArrayList<>(failures);
    all.addAll(later.failures);
    List<String> allNotes = new java.util.ArrayList<>(notes);
    allNotes.addAll(later.notes);
    return builder()
        .added(added + later.added)
        .replaced(replaced + later.replaced)
        .unchanged(unchanged + later.unchanged)
        .removed(removed + later.removed)
        .passages(passages + later.passages)
        .duplicates(later.duplicates)
        .totalNanos(totalNanos + later.totalNanos)
        .annotateNanos(annotateNanos + later.annotateNanos)
        .taggerNanos(taggerNanos + later.taggerNanos)
        .failures(all)
        .notes(allNotes)
        .build();
  }
}
