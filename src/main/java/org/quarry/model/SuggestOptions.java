package org.quarry.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bulk suggestion run covers and keeps.
 *
 * @param minScore smallest calibrated score kept, in [0, 1]
 * @param top most codes kept per passage, 1 or more
 * @param kind passage kind to suggest for ({@code quote}, {@code turn}, {@code interviewer}, …);
 *     {@value #ALL_KINDS} for every kind; or null for every kind but interviewer turns (a
 *     researcher codes what participants say; the questions still count as the answers' context).
 *     With {@code passages} given, null takes the named passages of every kind, so an evaluation
 *     scores its gold passages whatever their kind
 * @param filters drill-down filters, dimension to values (values of one dimension OR-ed)
 * @param includeDuplicates whether passages of near-duplicate sources get suggestions too
 * @param evidence whether to find the matched words (the slower part of a run)
 * @param contextWeight how much a mention of a lexicon term in a passage's context (the narrative
 *     that introduces a quote, the question before a turn; see {@code coding.PassageContexts})
 *     counts against a mention in the passage itself, in [0, 1]; 0 leaves context out
 * @param threads most threads a run uses, 1 or more; 1 runs on the calling thread alone. The output
 *     does not depend on it. Scoring gives each thread its own arrays, about {@code 12} bytes per
 *     document of the index plus {@code 8 * top} per selected passage
 * @param passages ids of the only passages to suggest for (besides the other selections), or null
 *     for no such limit; evaluation uses it to score the gold passages alone
 */
public record SuggestOptions(
    double minScore,
    int top,
    String kind,
    Map<String, List<String>> filters,
    boolean includeDuplicates,
    boolean evidence,
    double contextWeight,
    int threads,
    java.util.Set<String> passages) {
  /** The {@link #kind()} that selects passages of every kind, interviewer turns included. */
  public static final String ALL_KINDS = "all";

  /**
   * Default smallest score kept and stored: about one typical lexicon mention (see {@code
   * coding.ScoreCalibration}).
   */
  public static final double DEFAULT_MIN_SCORE = org.quarry.learn.SuggestDefaults.LEXICON_THRESHOLD;

  /** Default codes kept per passage. */
  public static final int DEFAULT_TOP = 3;

  /**
   * Default weight of context: two mentions in the words that introduce a quote count as one in the
   * quote. A choice of scale, like {@code ScoreCalibration.MENTIONS}, not fitted to data.
   */
  public static final double DEFAULT_CONTEXT_WEIGHT = 0.5;

  public SuggestOptions {
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("--min-score must be between 0 and 1, got " + minScore);
    }
    if (top < 1) {
      throw new IllegalArgumentException("--top must be 1 or more, got " + top);
    }
    if (!(contextWeight >= 0 && contextWeight <= 1)) {
      throw new IllegalArgumentException(
          "--context-weight must be between 0 and 1, got " + contextWeight);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be 1 or more, got " + threads);
    }
    filters = filters == null ? Map.of() : copy(filters);
    passages = passages == null ? null : java.util.Set.copyOf(passages);
  }

  /** Every passage but interviewer turns, default score floor and top, with evidence. */
  public static SuggestOptions defaults() {
    return builder().build();
  }

  /** The same options with another floor and top. */
  public SuggestOptions with(double newMinScore, int newTop) {
    return toBuilder().minScore(newMinScore).top(newTop).build();
  }

  /** The same options run on {@code newThreads} threads. */
  public SuggestOptions withThreads(int newThreads) {
    return toBuilder().threads(newThreads).build();
  }

  /** The same options limited to the passages with these ids. */
  public SuggestOptions onlyPassages(java.util.Collection<String> ids) {
    return toBuilder().passages(ids).build();
  }

  /**
   * Options to fill in by name: the default floor and top, every kind but interviewer turns, no
   * filters, no near duplicates, with evidence, the default context weight, as many threads as
   * there are processors, every passage, until said otherwise.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** These options as a builder, to change a part of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.minScore = minScore;
    b.top = top;
    b.kind = kind;
    b.filters = filters;
    b.includeDuplicates = includeDuplicates;
    b.evidence = evidence;
    b.contextWeight = contextWeight;
    b.threads = threads;
    b.passages = passages;
    return b;
  }

  /** Builds {@link SuggestOptions} part by part; see the record's components for each. */
  public static final class Builder {
    private double minScore = DEFAULT_MIN_SCORE;
    private int top = DEFAULT_TOP;
    private String kind;
    private Map<String, List<String>> filters = Map.of();
    private boolean includeDuplicates;
    private boolean evidence = true;
    private double contextWeight = DEFAULT_CONTEXT_WEIGHT;
    private int threads = defaultThreads();
    private java.util.Set<String> passages;

    private Builder() {}

    /** Smallest score kept, in [0, 1]. */
    public Builder minScore(double score) {
      this.minScore = score;
      return this;
    }

    /** Most codes kept per passage. */
    public Builder top(int codes) {
      this.top = codes;
      return this;
    }

    /**
     * The passage kind, {@value SuggestOptions#ALL_KINDS}, or null (see {@link
     * SuggestOptions#kind()}).
     */
    public Builder kind(String passageKind) {
      this.kind = passageKind;
      return this;
    }

    /** Drill-down filters, dimension to values. */
    public Builder filters(Map<String, List<String>> byDimension) {
      this.filters = byDimension == null ? Map.of() : byDimension;
      return this;
    }

    /** Whether passages of near-duplicate sources get suggestions too. */
    public Builder includeDuplicates(boolean include) {
      this.includeDuplicates = include;
      return this;
    }

    /** Whether to find the matched words. */
    public Builder evidence(boolean find) {
      this.evidence = find;
      return this;
    }

    /** How much a mention in a passage's context counts, in [0, 1]. */
    public Builder contextWeight(double weight) {
      this.contextWeight = weight;
      return this;
    }

    /** Most threads a run uses. */
    public Builder threads(int count) {
      this.threads = count;
      return this;
    }

    /** The ids of the only passages to suggest for, or null for no such limit. */
    public Builder passages(java.util.Collection<String> ids) {
      this.passages = ids == null ? null : java.util.Set.copyOf(ids);
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException naming the option out of range
     */
    public SuggestOptions build() {
      return new SuggestOptions(
          minScore,
          top,
          kind,
          filters,
          includeDuplicates,
          evidence,
          contextWeight,
          threads,
          passages);
    }
  }

  /** The default thread count: the processors available to the JVM. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> filters) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    filters.forEach((k, v) -> m.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(m);
  }
}
