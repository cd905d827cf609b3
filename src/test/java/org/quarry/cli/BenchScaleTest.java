package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A smoke test of {@code bench --scale} at a tiny size: every row is there; no timing judged. */
class BenchScaleTest {
  private static final List<String> FIGURES =
      List.of(
          "index, CoreNLP lemmas|passages/s",
          "index, CoreNLP lemmas|MB/s",
          "index, CoreNLP lemmas|tokens/s",
          "index, CoreNLP lemmas: CPU time / wall time|cores",
          "index, untagged lemmas|passages/s",
          "index, untagged lemmas|MB/s",
          "index, untagged lemmas|tokens/s",
          "search p50 (4 facets, highlights)|ms",
          "search p95 (4 facets, highlights)|ms",
          "search p99 (4 facets, highlights)|ms",
          "suggest 100 codes, every passage|s",
          "learned suggester, apply (100 codes)|passages/s",
          "index size, CoreNLP lemmas|MB",
          "index size, Lucene StandardAnalyzer (text stored)|MB",
          "peak heap, index with CoreNLP lemmas|MiB",
          "peak heap, search mix + suggest in a -Xmx1g JVM|MiB",
          "search p99 in the -Xmx1g JVM|ms",
          "suggest 100 codes in the -Xmx1g JVM|s");

  @Test
  void everyRowIsPrintedWithAValueAndTheEnvironment() throws Exception {
    CliRun run =
        CliRun.of(
            "bench",
            "--scale",
            "300",
            "--search-rounds",
            "2",
            "--warm-up-rounds",
            "2",
            "--rounds",
            "0",
            "--format",
            "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertTrue(
        report.get("notes").toString().contains("after 2 warm-up rounds (as asked)"),
        report.get("notes").toString());
    List<String> figures = new ArrayList<>();
    for (JsonNode row : report.get("rows")) {
      figures.add(row.get("figure").asText() + "|" + row.get("unit").asText());
      assertTrue(row.get("measured").isNumber(), row.toString());
    }
    assertEquals(FIGURES, figures);
    assertTrue(report.get("rows").get(0).get("ratio").isNumber());
    for (String key : List.of("machine", "JDK", "Lucene", "CoreNLP", "commit")) {
      assertFalse(report.get("environment").path(key).asText().isEmpty(), key);
    }
    // the child JVM ran search and suggest: its row is judged, not left empty
    assertTrue(report.get("rows").get(15).get("met").asBoolean(), run.out());
  }

  @Test
  void aWarmUpWithoutScaleOrBelowZeroIsAOneLineError() {
    for (CliRun run :
        List.of(
            CliRun.of("bench", "--warm-up-rounds", "3"),
            CliRun.of(
                "bench",
                "--solr",
                "http://localhost:1/solr/none",
                "--scale",
                "10",
                "--warm-up-rounds",
                "3"),
            CliRun.of("bench", "--scale", "10", "--warm-up-rounds", "-1"))) {
      assertEquals(2, run.exitCode(), run.err());
      assertEquals(1, run.err().strip().lines().count(), run.err());
      assertTrue(run.err().contains("--warm-up-rounds"), run.err());
    }
  }

  @Test
  void coldSearchesBelowZeroAreAOneLineError() {
    CliRun run = CliRun.of("bench", "--scale", "10", "--rounds", "-1");
    assertEquals(2, run.exitCode());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("--rounds"), run.err());
  }

  @Test
  void coldStartRowsJudgeTheLauncherAgainstTheTargetsAndPairItWithPlainJava() {
    org.quarry.bench.ColdStartBenchmark.Result r =
        new org.quarry.bench.ColdStartBenchmark.Result(
            new org.quarry.bench.Timing[] {
              new org.quarry.bench.Timing("launcher", 10, 500, 600),
              new org.quarry.bench.Timing("plain", 10, 750, 800)
            },
            new org.quarry.bench.Timing[] {
              new org.quarry.bench.Timing("launcher", 5, 1600, 1700),
              new org.quarry.bench.Timing("plain", 5, 1700, 1800)
            },
            new org.quarry.bench.Timing("java -version", 10, 30, 35));
    List<org.quarry.bench.ScaleRow> rows = r.rows();
    assertEquals(2, rows.size());
    assertTrue(rows.get(0).figure().startsWith("cold search"), rows.get(0).figure());
    assertEquals(500.0 / 750, rows.get(0).ratio(), 1e-9);
    assertEquals("<= 800 ms", rows.get(0).target());
    assertTrue(rows.get(0).pass());
    assertEquals("<= 1500 ms", rows.get(1).target());
    assertFalse(rows.get(1).pass(), "1,600 ms misses 1,500");
  }

  @Test
  void aScaleBelowOneIsAOneLineError() {
    CliRun run = CliRun.of("bench", "--scale", "0");
    assertEquals(2, run.exitCode());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }
}
