package org.quarry.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quarry.model.GoldItem;
import org.quarry.model.GroupBy;
import org.quarry.model.Passage;

/**
 * Passages with the codes people gave them, to train on or to evaluate against, and the group each
 * belongs to (the unit that cross-validation never splits).
 *
 * <p>The passages are those a suggestion run would cover (by default no interviewer turns) in every
 * source that holds a coding: an uncoded passage of a coded source is a passage the coder read and
 * gave no code, so it counts as "none of these codes". A coding labels the passage it was matched
 * to (see {@link GoldSet#match}) and, for a span, also every other passage that lies at least half
 * inside the span, since one coded segment often runs over several turns or paragraphs.
 *
 * @param passages the passages, in document order
 * @param labels the codes of each
 * @param groups the group of each
 */
public record CodedPassages(
    List<BaggedPassages.Bagged> passages, List<Set<String>> labels, List<String> groups) {
  public CodedPassages {
    passages = List.copyOf(passages);
    labels = labels.stream().map(Set::copyOf).toList();
    groups = List.copyOf(groups);
  }

  /** Number of passages. */
  public int size() {
    return passages.size();
  }

  /** The same passages, each bag with its text's vector from {@code encoder}. */
  public CodedPassages withSentences(org.quarry.learn.TextVectors encoder) {
    return new CodedPassages(BaggedPassages.withSentences(passages, encoder), labels, groups);
  }

  /**
   * The coded passages of {@code selected} for the gold items already matched to passages.
   *
   * @param items the gold items of codes in the codebook
   * @param matches the passage each item was matched to (from {@link GoldSet#match}), alike
   */
  static CodedPassages of(
      List<BaggedPassages.Bagged> selected,
      List<GoldItem> items,
      List<Optional<Passage>> matches,
      GroupBy groupBy) {
    return of(selected, items, matches, Set.of(), groupBy);
  }

  /**
   * The same, with more coded sources: those where a researcher rejected a suggestion, so that
   * their passages count as "none of these codes" even without a coding.
   */
  static CodedPassages of(
      List<BaggedPassages.Bagged> selected,
      List<GoldItem> items,
      List<Optional<Passage>> matches,
      Set<String> reviewedSources,
      GroupBy groupBy) {
    Set<String> coded = new LinkedHashSet<>(reviewedSources);
    Map<String, Set<String>> labels = new HashMap<>();
    Map<String, String> itemParticipant = new HashMap<>();
    Map<String, List<BaggedPassages.Bagged>> bySource = new HashMap<>();
    for (BaggedPassages.Bagged b : selected) {
      bySource.computeIfAbsent(b.passage().source(), k -> new ArrayList<>()).add(b);
    }
    for (int i = 0; i < items.size(); i++) {
      GoldItem g = items.get(i);
      coded.add(g.doc());
      List<String> ids = new ArrayList<>();
      matches.get(i).ifPresent(p -> ids.add(p.id()));
      if (g.start() >= 0 && g.end() > g.start()) {
        for (BaggedPassages.Bagged b : bySource.getOrDefault(g.doc(), List.of())) {
          Passage p = b.passage();
          int overlap = Math.min(p.end(), g.end()) - Math.max(p.start(), g.start());
          if (overlap > 0 && 2L * overlap >= p.end() - p.start()) {
            ids.add(p.id());
          }
        }
      }
      for (String id : ids) {
        labels.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(g.code());
        if (g.participant() != null) {
          itemParticipant.putIfAbsent(id, g.participant());
        }
      }
    }
    List<BaggedPassages.Bagged> kept = new ArrayList<>();
    List<Set<String>> keptLabels = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (BaggedPassages.Bagged b : selected) {
      Passage p = b.passage();
      if (!coded.contains(p.source())) {
        continue;
      }
      kept.add(b);
      keptLabels.add(labels.getOrDefault(p.id(), Set.of()));
      groups.add(group(p, itemParticipant.get(p.id()), groupBy));
    }
    return new CodedPassages(kept, keptLabels, groups);
  }

  private static String group(Passage p, String codedParticipant, GroupBy groupBy) {
    if (groupBy == GroupBy.SOURCE) {
      return p.source();
    }
    if (p.participant() != null) {
      return "participant " + p.participant();
    }
    if (p.quoted().size() == 1) {
      return "participant " + p.quoted().get(0);
    }
    if (codedParticipant != null) {
      return "participant " + codedParticipant;
    }
    if (p.section() != null) {
      return p.source() + " § " + p.section();
    }
    return p.id();
  }
}
