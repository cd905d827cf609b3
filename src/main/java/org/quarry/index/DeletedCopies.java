package org.quarry.index;

import java.io.IOException;
import org.apache.lucene.index.IndexWriter;

/**
 * Expunges the deleted copies of documents that a write left behind. BM25 counts a deleted document
 * in its statistics until a merge drops it, so an index whose history left deleted copies ranks its
 * passages with statistics of passages it no longer holds; and the same corpus would rank
 * differently in an index built by other runs, or in a SolrCloud collection sent from it. The
 * writer's merge policy allows no deleted share ({@link Indexer}).
 */
final class DeletedCopies {
  // a merge already running when deletes arrive carries them into the segment it makes, which the
  // forced merges could not choose: waiting for it, then merging again, catches those
  private static final int ROUNDS = 5;

  private DeletedCopies() {}

  /** Merges away every deleted document of {@code writer}'s index, waiting for the merges. */
  static void expunge(IndexWriter writer) throws IOException {
    for (int i = 0; i < ROUNDS; i++) {
      settle(writer);
      writer.forceMergeDeletes(true);
      settle(writer);
      IndexWriter.DocStats stats = writer.getDocStats();
      if (stats.maxDoc == stats.numDocs) {
        return;
      }
    }
  }

  // waits for the merges running in the background, whose segments forced merges cannot choose
  private static void settle(IndexWriter writer) {
    if (writer.getConfig().getMergeScheduler()
        instanceof org.apache.lucene.index.ConcurrentMergeScheduler cms) {
      cms.sync();
    }
  }
}
