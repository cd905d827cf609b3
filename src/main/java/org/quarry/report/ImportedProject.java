package org.quarry.report;

import java.util.List;
import org.quarry.model.Case;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;

/**
 * What {@link QdpxReader} read from a {@code .qdpx}.
 *
 * @param sources the text sources, in project order
 * @param codebook the code tree (non-codable codes kept); code ids are slugs of the names
 * @param codings human codings, offsets in code points of {@link ImportedSource#text()}
 * @param cases the project's cases with their variable values as text
 * @param problems everything that could not be imported, each with its reason
 */
public record ImportedProject(
    List<ImportedSource> sources,
    Codebook codebook,
    List<Coding> codings,
    List<Case> cases,
    List<String> problems) {
  public ImportedProject {
    sources = List.copyOf(sources);
    codings = List.copyOf(codings);
    cases = List.copyOf(cases);
    problems = List.copyOf(problems);
  }
}
