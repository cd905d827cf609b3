package org.quarry.index;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.model.CodeScore;
import org.quarry.model.Passage;

/**
 * Everything one passage document holds: the passage, CoreNLP's annotation of its text, the codes
 * attached to it, and the source it nearly duplicates.
 *
 * @param passage the passage
 * @param annotation lemmas of {@code passage.text()}
 * @param codes attached codes, kept highest score first, ties by code id
 * @param duplicateOf id of the earlier source this passage's source nearly duplicates, or null
 */
public record IndexedPassage(
    Passage passage, LemmaAnnotation annotation, List<CodeScore> codes, String duplicateOf) {

  /** Highest score first, ties by code id. */
  public static final Comparator<CodeScore> CODE_ORDER =
      Comparator.comparingDouble(CodeScore::score).reversed().thenComparing(CodeScore::code);

  public IndexedPassage {
    Objects.requireNonNull(passage, "passage");
    Objects.requireNonNull(annotation, "annotation");
    codes = codes == null ? List.of() : codes.stream().sorted(CODE_ORDER).toList();
  }

  /** The same passage with other codes. */
  public IndexedPassage withCodes(List<CodeScore> newCodes) {
    return new IndexedPassage(passage, annotation, newCodes, duplicateOf);
  }

  /** The same passage marked as part of a near duplicate of {@code source} (null: not one). */
  public IndexedPassage withDuplicateOf(String source) {
    return new IndexedPassage(passage, annotation, codes, source);
  }
}
