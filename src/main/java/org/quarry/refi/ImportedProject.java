package org.quarry.refi;

import java.util.List;
import java.util.Map;
import org.quarry.model.Case;
import org.quarry.model.CodeScore;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;

/**
 * What {@link QdpxReader} read from a {@code .qdpx}.
 *
 * @param sources the text sources, in project order
 * @param codebook the code tree (non-codable codes kept); a code's id is the one Quarry wrote with
 *     it, else that of the known code it matches, else a slug of its name ({@link QdpxReader})
 * @param codings human codings, offsets in code points of {@link ImportedSource#text()}
 * @param suggestions codings whose selection a Quarry export marked as its suggestion and that
 *     still say so ({@link CodeScore#SUGGESTED}, with the score written), offsets as {@code
 *     codings}
 * @param cases the project's cases with their variable values as text
 * @param caseOfSource source name to the id of the case whose {@code SourceRef} names it (a
 *     participant's interview); sources in no case are absent
 * @param problems everything that could not be imported, each with its reason
 */
public record ImportedProject(
    List<ImportedSource> sources,
    Codebook codebook,
    List<Coding> codings,
    List<Coding> suggestions,
    List<Case> cases,
    Map<String, String> caseOfSource,
    List<String> problems) {
  public ImportedProject {
    sources = List.copyOf(sources);
    codings = List.copyOf(codings);
    suggestions = List.copyOf(suggestions);
    cases = List.copyOf(cases);
    caseOfSource = Map.copyOf(caseOfSource);
    problems = List.copyOf(problems);
  }
}
