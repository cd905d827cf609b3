package org.quarry.api;

import java.util.List;

/**
 * What importing a REFI-QDA project did.
 *
 * @param project the project file
 * @param sources text sources indexed (added, replaced or unchanged)
 * @param removed sources of an earlier import of the same file that the project no longer has
 * @param codes codes in the project's code tree
 * @param codings human codings placed on passages
 * @param passagesCoded passages that now carry at least one human code
 * @param suggestions codings the project still marks as Quarry suggestions, placed on passages as
 *     suggestions (not counted in {@code codings})
 * @param cases cases read
 * @param problems everything not imported, one line each with its reason (sources that are not
 *     text, codings whose code is unknown or whose span lies outside the text or covers no passage,
 *     …)
 * @param positions per imported source, how its tool was found to count selection positions ({@code
 *     name: code points, CRLF counted as one}), so an odd tool can be recognised
 * @param notes what the import did to researchers' decisions on sources whose text changed or that
 *     the project no longer has, one line each naming the source
 */
public record ImportReport(
    String project,
    int sources,
    int removed,
    int codes,
    int codings,
    int passagesCoded,
    int suggestions,
    int cases,
    List<String> problems,
    List<String> positions,
    List<String> notes) {
  public ImportReport {
    problems = List.copyOf(problems);
    positions = List.copyOf(positions);
    notes = List.copyOf(notes);
  }
}
