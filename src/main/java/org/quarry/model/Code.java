package org.quarry.model;

import java.util.List;

/**
 * A theme of a codebook with its lexicon.
 *
 * @param id stable identifier, e.g. {@code engaging-the-system}
 * @param name display name
 * @param description what the code means
 * @param parent id of the parent code, or null for a top-level code
 * @param terms lexicon: words (matched on lemmas), quoted phrases, {@code *} wildcards
 * @param exclude terms or phrases that veto a match
 * @param query optional raw Lucene query, OR-ed with the terms; null when absent
 * @param weight relative weight of the code's scores, default 1.0
 * @param guid the code's GUID in the REFI-QDA project or codebook it was read from (lower case, no
 *     braces), so an export gives the tool back its own code rather than a new one; null for a code
 *     Quarry made, which is exported under a GUID generated from its id
 */
public record Code(
    String id,
    String name,
    String description,
    String parent,
    List<String> terms,
    List<String> exclude,
    String query,
    double weight,
    String guid) {
  public Code {
    terms = terms == null ? List.of() : List.copyOf(terms);
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
  }

  /** A code no QDA tool knows (from a YAML codebook, or made by Quarry): no GUID of its own. */
  public Code(
      String id,
      String name,
      String description,
      String parent,
      List<String> terms,
      List<String> exclude,
      String query,
      double weight) {
    this(id, name, description, parent, terms, exclude, query, weight, null);
  }
}
