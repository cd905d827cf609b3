package org.quarry.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quarry.solr.QuarryProcess.Run;

/**
 * A shard whose only replica is down: a search through Solr fails with one clear line and a
 * non-zero exit, never a count silently short of the shard's passages.
 */
class SolrCloudFaultTest {
  private static MiniSolrCloudCluster cluster;
  private static Path work;
  private static String url;

  static Run quarry(String... args) throws Exception {
    return QuarryProcess.run(work, args);
  }

  @BeforeAll
  static void startClusterAndSendTheSeeds() throws Exception {
    work = Files.createTempDirectory("quarry-solr-faults");
    cluster = new MiniSolrCloudCluster.Builder(2, work.resolve("solr")).configure();
    url = cluster.getJettySolrRunner(0).getBaseUrl() + "/single";
    assertEquals(
        0,
        quarry("solr", "create-collection", "--solr", url, "--shards", "2", "--replicas", "1")
            .exit());
    cluster.waitForActiveCollection("single", 2, 2);
    assertEquals(0, quarry("index", "--index", work.resolve("index").toString(), "--solr", url).exit());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try {
      if (cluster != null) {
        cluster.shutdown();
      }
    } finally {
      QuarryProcess.delete(work);
    }
  }

  @Test
  void aShardWithItsOnlyReplicaDownIsAClearErrorNotAShortCount() throws Exception {
    String index = work.resolve("index").toString();
    Run before = quarry("search", "care", "--index", index, "--solr", url, "--format", "json");
    assertEquals(0, before.exit(), before.err());
    // stop a node that holds a shard's only replica, and ask the other one
    var replicas =
        cluster.getSolrClient().getClusterState().getCollection("single").getReplicas();
    String holder = replicas.get(0).getNodeName();
    int stop = cluster.getJettySolrRunner(0).getNodeName().equals(holder) ? 0 : 1;
    String other = cluster.getJettySolrRunner(1 - stop).getBaseUrl() + "/single";
    var stopped = cluster.stopJettySolrRunner(stop);
    cluster.waitForJettyToStop(stopped);
    Run after = quarry("search", "care", "--index", index, "--solr", other, "--format", "json");
    System.out.println("with a shard down: " + after.err().strip());
    assertTrue(after.exit() != 0, "exit " + after.exit() + ", printed " + after.out());
    assertEquals("", after.out(), "no result printed");
    String err = after.err().strip();
    assertTrue(err.startsWith("quarry: solr " + other + ": searching failed: "), err);
    assertEquals(1, err.lines().count(), "one line: " + err);
    assertFalse(err.contains("\tat "), "no stack trace");

    // asked to tolerate it: the other shard's result, said to be partial, and exit 1
    Run partial =
        quarry(
            "search", "care", "--index", index, "--solr", other, "--format", "json", "--tolerant");
    assertEquals(1, partial.exit(), partial.err());
    assertTrue(
        partial.err().contains("quarry: warning: partial result: a shard of " + other),
        partial.err());
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode whole = json.readTree(before.out());
    com.fasterxml.jackson.databind.JsonNode part = json.readTree(partial.out());
    long all = whole.path("total").asLong();
    long some = part.path("total").asLong();
    assertTrue(some > 0 && some < all, "partial total " + some + " of " + all);
    // the JSON says so too, for a program that reads only stdout; a whole result has no such key
    assertTrue(part.path("partial").asBoolean(), partial.out());
    assertFalse(whole.has("partial"), before.out());
  }
}
