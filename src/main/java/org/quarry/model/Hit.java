package org.quarry.model;

import java.util.List;

/**
 * One ranked search result.
 *
 * @param passage the passage found
 * @param score its relevance score (BM25); ties are broken by passage id
 * @param highlight HTML-escaped text with {@code <mark>} around the matched words
 * @param codes the codes stored with the passage, highest score first
 */
public record Hit(Passage passage, double score, String highlight, List<CodeScore> codes) {
  public Hit {
    codes = codes == null ? List.of() : List.copyOf(codes);
  }
}
