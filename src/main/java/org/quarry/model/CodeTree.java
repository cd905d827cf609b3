package org.quarry.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A codebook seen as a tree: roots, children in file order, ancestors and paths.
 *
 * <p>A code whose parent is unknown, or that sits on a parent cycle, is treated as a root so that
 * every code appears exactly once in {@link #preorder()}.
 */
public final class CodeTree {
  private final Map<String, Code> byId = new LinkedHashMap<>();
  private final Map<String, List<Code>> children = new LinkedHashMap<>();
  private final Map<String, String> parentOf = new LinkedHashMap<>();
  private final List<Code> roots = new ArrayList<>();
  private final List<Code> preorder = new ArrayList<>();

  /** The tree of {@code codebook}'s codes. */
  public CodeTree(Codebook codebook) {
    for (Code c : codebook.codes()) {
      byId.putIfAbsent(c.id(), c);
    }
    for (Code c : byId.values()) {
      String p = c.parent();
      if (p != null && byId.containsKey(p) && !reachesItself(c.id())) {
        parentOf.put(c.id(), p);
        children.computeIfAbsent(p, k -> new ArrayList<>()).add(c);
      } else {
        roots.add(c);
      }
    }
    for (Code r : roots) {
      walk(r);
    }
  }

  private boolean reachesItself(String id) {
    Set<String> seen = new LinkedHashSet<>();
    String cur = byId.get(id).parent();
    while (cur != null && byId.containsKey(cur)) {
      if (cur.equals(id) || !seen.add(cur)) {
        return true;
      }
      cur = byId.get(cur).parent();
    }
    return false;
  }

  private void walk(Code c) {
    preorder.add(c);
    for (Code child : children.getOrDefault(c.id(), List.of())) {
      walk(child);
    }
  }

  /** Every code, each parent before its children, siblings in codebook order. */
  public List<Code> preorder() {
    return Collections.unmodifiableList(preorder);
  }

  /** The top-level codes in codebook order. */
  public List<Code> roots() {
    return Collections.unmodifiableList(roots);
  }

  /** The direct children of {@code id} in codebook order. */
  public List<Code> children(String id) {
    return Collections.unmodifiableList(children.getOrDefault(id, List.of()));
  }

  /** The code with this id. */
  public Optional<Code> code(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The parent's id as the tree uses it, or null for a root. */
  public String parent(String id) {
    return parentOf.get(id);
  }

  /** {@code id} and its ancestors, nearest first; empty when the id is unknown. */
  public List<String> selfAndAncestors(String id) {
    List<String> out = new ArrayList<>();
    String cur = byId.containsKey(id) ? id : null;
    while (cur != null) {
      out.add(cur);
      cur = parentOf.get(cur);
    }
    return out;
  }

  /** Depth of a code: 0 for a root. */
  public int depth(String id) {
    return Math.max(0, selfAndAncestors(id).size() - 1);
  }

  /** The ids from the root down to {@code id} joined by {@code /}, e.g. {@code parent/child}. */
  public String path(String id) {
    List<String> chain = new ArrayList<>(selfAndAncestors(id));
    if (chain.isEmpty()) {
      return id;
    }
    Collections.reverse(chain);
    return String.join("/", chain);
  }
}
