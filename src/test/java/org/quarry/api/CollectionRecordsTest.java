package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.index.Fields;
import org.quarry.index.IndexRecords;

/**
 * What an export of a SolrCloud collection takes from its records collection: the records it keeps,
 * the local index's when there is none, and a record it cannot read is one line that names it.
 */
class CollectionRecordsTest {
  @TempDir Path tmp;

  private Quarry indexed() throws IOException {
    return OneTranscriptIndex.open(tmp);
  }

  private static List<IndexRecords.Record> recordsOf(Quarry q) throws IOException {
    List<IndexRecords.Record> out = new ArrayList<>();
    IndexRecords.forEach(q.indexDir(), out::add);
    return out;
  }

  @Test
  void theCollectionsRecordsAreTheExportsNotTheLocalIndexs() throws IOException {
    try (Quarry q = indexed()) {
      List<IndexRecords.Record> kept = recordsOf(q);
      assertEquals(q.sources(), new CollectionRecords("c-records", () -> kept, q).sources());
      // a collection whose records collection is empty: no sources, though the index has one
      assertTrue(new CollectionRecords("c-records", List::of, q).sources().isEmpty());
    }
  }

  @Test
  void withoutARecordsCollectionTheLocalIndexsAreTheExports() throws IOException {
    try (Quarry q = indexed()) {
      CollectionRecords none = new CollectionRecords("c-records", () -> null, q);
      assertEquals(q.sources(), none.sources());
      assertEquals(q.humanCodings(), none.humanCodings());
      assertEquals(q.keptCases(), none.cases());
    }
  }

  @Test
  void aRecordThatCannotBeReadIsOneLineNamingItAndTheFix() throws IOException {
    try (Quarry q = indexed()) {
      List<IndexRecords.Record> corrupt =
          List.of(new IndexRecords.Record(Fields.TYPE_SOURCE, "t1.txt", "{not json"));
      QuarryException e =
          assertThrows(
              QuarryException.class,
              () -> new CollectionRecords("c-records", () -> corrupt, q).sources());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
      assertTrue(
          e.getMessage().startsWith("solr c-records: the source record of t1.txt"), e.getMessage());
      assertTrue(
          e.getMessage().endsWith("send it again with 'quarry index --solr'"), e.getMessage());
    }
  }
}
