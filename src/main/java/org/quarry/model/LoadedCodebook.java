package org.quarry.model;

import java.util.List;

/**
 * A codebook as read from a file, with what the reader could not use but did not refuse.
 *
 * @param codebook the validated codebook
 * @param warnings one line each, e.g. the one line naming the codes that have no terms or query to
 *     suggest by (every code of a {@code .qdc})
 */
public record LoadedCodebook(Codebook codebook, List<String> warnings) {
  public LoadedCodebook {
    warnings = List.copyOf(warnings);
  }
}
