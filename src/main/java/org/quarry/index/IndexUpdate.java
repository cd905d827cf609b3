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
 * @param notes what happened to researchers' decisions on changed or removed sources, one line
 *     each naming the source ({@link DecisionPlacement})
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

  /** This run followed by {@code later} (counts and times add up). */
  public IndexUpdate plus(IndexUpdate later) {
    List<String> all = new java.util.ArrayList<>(failures);
    all.addAll(later.failures);
    List<String> allNotes = new java.util.ArrayList<>(notes);
    allNotes.addAll(later.notes);
    return new IndexUpdate(
        added + later.added,
        replaced + later.replaced,
        unchanged + later.unchanged,
        removed + later.removed,
        passages + later.passages,
        later.duplicates,
        totalNanos + later.totalNanos,
        annotateNanos + later.annotateNanos,
        taggerNanos + later.taggerNanos,
        all,
        allNotes);
  }
}
