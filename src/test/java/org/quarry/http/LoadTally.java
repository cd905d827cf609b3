package org.quarry.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * What a load run's clients saw: every answer's kind of request, status and latency, kept from any
 * number of threads and summed up in one line (requests, by status, p50/p95/p99 per kind).
 */
final class LoadTally {
  /** One answered request: its kind (search, passage...), HTTP status, and latency. */
  record Outcome(String kind, int status, long nanos) {}

  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

  /** Keeps one answer; safe from any thread. */
  void add(String kind, int status, long nanos) {
    outcomes.add(new Outcome(kind, status, nanos));
  }

  /** How many answers were kept. */
  int requests() {
    return outcomes.size();
  }

  /** Answers by status, over every kind. */
  Map<Integer, Long> byStatus() {
    return outcomes.stream()
        .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
  }

  /** Answers of one kind by status. */
  Map<Integer, Long> byStatus(String kind) {
    return outcomes.stream()
        .filter(o -> o.kind().equals(kind))
        .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
  }

  /**
   * The latency in milliseconds below which {@code percent} of the answers of {@code kind} came
   * (nearest rank); 0 when there were none.
   */
  double percentileMs(String kind, double percent) {
    List<Long> sorted =
        outcomes.stream().filter(o -> o.kind().equals(kind)).map(Outcome::nanos).sorted().toList();
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }

  /**
   * One line: the number of requests, the count of each status, p50/p95/p99 in ms per kind, and the
   * wall time given.
   */
  String summary(List<String> kinds, double wallSeconds) {
    List<String> parts = new ArrayList<>();
    for (String kind : kinds) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%s n=%d p50/p95/p99=%.1f/%.1f/%.1f ms",
              kind,
              byStatus(kind).values().stream().mapToLong(Long::longValue).sum(),
              percentileMs(kind, 50),
              percentileMs(kind, 95),
              percentileMs(kind, 99)));
    }
    return String.format(
        Locale.ROOT,
        "load: %d requests in %.1f s, by status %s; %s",
        requests(),
        wallSeconds,
        byStatus(),
        String.join("; ", parts));
  }
}
