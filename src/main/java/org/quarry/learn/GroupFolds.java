package org.quarry.learn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deals groups of passages (sources, participants) to folds so that no group is split and the folds
 * hold about as many passages: each group in turn goes to the fold with fewest passages so far (the
 * lowest-numbered on ties).
 */
public final class GroupFolds {
  private GroupFolds() {}

  /**
   * The fold of each passage of {@code groups} (the group of each passage): the groups, sorted, are
   * shuffled by {@code seed} and dealt by {@link #assign}.
   *
   * @throws IllegalArgumentException when there are fewer groups than folds
   */
  public static int[] deal(List<String> groups, int k, long seed) {
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      members.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
    }
    if (members.size() < k) {
      throw new IllegalArgumentException(
          k + " folds need at least " + k + " groups, there are " + members.size());
    }
    List<String> names = new ArrayList<>(members.keySet());
    names.sort(null);
    Collections.shuffle(names, new Random(seed));
    return assign(names, members, k, groups.size());
  }

  /** The number of different groups. */
  public static int count(List<String> groups) {
    return new java.util.HashSet<>(groups).size();
  }

  /**
   * The fold of each passage.
   *
   * @param order the groups in the order they are dealt (shuffle it for random folds)
   * @param members the passages (0 .. passages - 1) of each group
   * @param k number of folds
   * @param passages number of passages
   */
  public static int[] assign(
      List<String> order, Map<String, List<Integer>> members, int k, int passages) {
    int[] fold = new int[passages];
    long[] size = new long[k];
    for (String g : order) {
      int best = 0;
      for (int f = 1; f < k; f++) {
        if (size[f] < size[best]) {
          best = f;
        }
      }
      for (int i : members.get(g)) {
        fold[i] = best;
      }
      size[best] += members.get(g).size();
    }
    return fold;
  }
}
