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
}
