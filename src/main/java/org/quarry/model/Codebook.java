package org.quarry.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A named set of codes, possibly a tree through {@link Code#parent()}.
 *
 * @param name the codebook's title
 * @param glossary path of a Solr-synonyms glossary resolved against the codebook file, or null
 * @param codes the codes in file order
 */
public record Codebook(String name, String glossary, List<Code> codes) {
  public Codebook {
    codes = List.copyOf(codes);
  }

  /** The ids of the codes that are another code's parent: the groups of the tree. */
  public Set<String> parentIds() {
    Set<String> parents = new HashSet<>();
    codes.forEach(
        c -> {
          if (c.parent() != null) {
            parents.add(c.parent());
          }
        });
    return Set.copyOf(parents);
  }

  /** The code with this id, if any. */
  public Optional<Code> code(String id) {
    return codes.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}
