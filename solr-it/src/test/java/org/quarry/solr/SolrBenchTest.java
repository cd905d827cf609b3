package org.quarry.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.Test;

/**
 * {@code quarry bench --solr URL --scale N} against a real SolrCloud (2 nodes, 2 shards x 1
 * replica): prints every row, with the same totals through Solr as locally (the bench checks). N
 * is 2,000 here; {@code -Dquarry.solr.bench.scale=100000} runs the README's figures.
 */
class SolrBenchTest {
  private static final Path HOME = QuarryProcess.HOME;

  @Test
  void theBenchPrintsEveryRowAgainstTheLocalIndex() throws Exception {
    int scale = Integer.getInteger("quarry.solr.bench.scale", 2_000);
    Path work = Files.createTempDirectory("quarry-solr-bench-it");
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(2, work.resolve("solr")).configure();
    try {
      String url = cluster.getJettySolrRunner(0).getBaseUrl() + "/bench";
      Process create =
          new ProcessBuilder(
                  HOME.resolve("bin/quarry").toString(),
                  "solr",
                  "create-collection",
                  "--solr",
                  url,
                  "--shards",
                  "2",
                  "--replicas",
                  "1")
              .inheritIO()
              .start();
      assertEquals(0, create.waitFor());
      cluster.waitForActiveCollection("bench", 2, 2);
      cluster.waitForActiveCollection("bench-records", 1, 1);
      Path out = work.resolve("bench.md");
      Process bench =
          new ProcessBuilder(
                  HOME.resolve("bin/quarry").toString(),
                  "bench",
                  "--solr",
                  url,
                  "--scale",
                  String.valueOf(scale),
                  "--search-rounds",
                  scale > 10_000 ? "20" : "3")
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      assertTrue(bench.waitFor(60, TimeUnit.MINUTES));
      String table = Files.readString(out, StandardCharsets.UTF_8);
      System.out.println(table);
      assertEquals(0, bench.exitValue(), table);
      for (String row :
          List.of(
              "index, 1 worker",
              "index, 2 workers",
              "search p50",
              "search p95",
              "search p99",
              "suggest 100 codes")) {
        assertTrue(table.contains("| " + row), row + " in\n" + table);
      }
    } finally {
      cluster.shutdown();
      QuarryProcess.delete(work);
    }
  }
}
