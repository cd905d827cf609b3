package org.quarry.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A collection is named by Solr's URL and its name. */
class SolrCollectionTest {
  @Test
  void theUrlsLastSegmentIsTheCollection() throws IOException {
    try (SolrCollection c = SolrCollection.at("http://solr1:8983/solr/passages/")) {
      assertEquals("passages", c.name());
      assertEquals("http://solr1:8983/solr/passages", c.toString());
    }
  }

  @Test
  void aUrlWithoutACollectionIsOneClearError() {
    for (String bad :
        new String[] {
          "solr1:8983/solr/passages", "http://solr1:8983/", "http://solr1/x", "ftp://h/solr/c", "::"
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> SolrCollection.at(bad), bad);
      assertTrue(e.getMessage().startsWith("--solr " + bad + ": "), e.getMessage());
    }
  }

  @Test
  void aNodeThatNeverAnswersIsAnErrorAfterTheTimeoutNotAnEndlessWait() throws Exception {
    // a socket that takes connections and says nothing, as a hung Solr node would
    try (java.net.ServerSocket silent =
            new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        SolrCollection c =
            SolrCollection.at(
                "http://127.0.0.1:" + silent.getLocalPort() + "/solr/passages",
                java.time.Duration.ofSeconds(1))) {
      // fails the test after 30 s rather than letting it hang
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofSeconds(30),
          () ->
              assertThrows(
                  Exception.class,
                  () -> c.passages(false, java.util.Map.of(), new java.util.HashSet<>())));
    }
  }
}
