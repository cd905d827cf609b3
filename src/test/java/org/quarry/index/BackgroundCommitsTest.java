package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.Test;

/**
 * Commits on a thread of their own: the writer goes on adding while a commit syncs, a commit is
 * durable once finished, a request while one runs starts no second one, and a failed commit is
 * thrown to the writer's thread.
 */
class BackgroundCommitsTest {

  /**
   * A directory whose sync waits for {@link #release} and counts the commits: each syncs one {@code
   * pending_segments_N} file.
   */
  static final class SlowSync extends FilterDirectory {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch syncing = new CountDownLatch(1);
    final AtomicInteger commitPoints = new AtomicInteger();

    SlowSync(Directory in) {
      super(in);
    }

    @Override
    public void sync(Collection<String> names) throws IOException {
      if (names.stream().anyMatch(n -> n.contains("segments_"))) {
        commitPoints.incrementAndGet();
      }
      syncing.countDown();
      try {
        if (!release.await(30, TimeUnit.SECONDS)) {
          throw new IOException("sync never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      super.sync(names);
    }
  }

  @Test
  void aRequestedCommitIsInTheIndexOnceFinished() throws Exception {
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter writer = writer(dir)) {
      writer.addDocument(doc("a"));
      try (BackgroundCommits commits = new BackgroundCommits(writer)) {
        commits.request();
        commits.finish();
      }
      try (DirectoryReader committed = DirectoryReader.open(dir)) {
        assertEquals(1, committed.numDocs());
      }
    }
  }

  @Test
  void theWriterAddsWhileACommitSyncsAndTheNextCommitHasWhatItAdded() throws Exception {
    SlowSync dir = new SlowSync(new ByteBuffersDirectory());
    try (IndexWriter writer = writer(dir)) {
      writer.addDocument(doc("a"));
      try (BackgroundCommits commits = new BackgroundCommits(writer)) {
        commits.request();
        assertTrue(dir.syncing.await(30, TimeUnit.SECONDS), "the commit reached its sync");
        writer.addDocument(doc("b")); // returns while the commit waits in sync
        dir.release.countDown();
        commits.finish();
        try (DirectoryReader committed = DirectoryReader.open(dir)) {
          assertEquals(1, committed.numDocs(), "the commit has what was added before it");
        }
        commits.request();
        commits.finish();
      }
      try (DirectoryReader committed = DirectoryReader.open(dir)) {
        assertEquals(2, committed.numDocs());
      }
    }
  }

  @Test
  void aRequestWhileACommitRunsStartsNoSecondCommit() throws Exception {
    SlowSync dir = new SlowSync(new ByteBuffersDirectory());
    try (IndexWriter writer = writer(dir)) {
      writer.addDocument(doc("a"));
      try (BackgroundCommits commits = new BackgroundCommits(writer)) {
        commits.request();
        assertTrue(dir.syncing.await(30, TimeUnit.SECONDS));
        writer.addDocument(doc("b"));
        commits.request();
        commits.request();
        dir.release.countDown();
        commits.finish();
      }
      assertEquals(1, dir.commitPoints.get(), "one commit");
    }
  }

  @Test
  void aFailedCommitIsThrownByFinishAndNotByClose() throws Exception {
    Directory failing =
        new FilterDirectory(new ByteBuffersDirectory()) {
          @Override
          public void sync(Collection<String> names) throws IOException {
            throw new IOException("No space left on device");
          }
        };
    try (IndexWriter writer = writer(failing)) {
      writer.addDocument(doc("a"));
      BackgroundCommits commits = new BackgroundCommits(writer);
      commits.request();
      IOException e = assertThrows(IOException.class, commits::finish);
      assertEquals("No space left on device", e.getMessage());
      commits.request();
      assertDoesNotThrow(commits::close);
      writer.rollback();
    }
  }

  private static IndexWriter writer(Directory dir) throws IOException {
    return new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()));
  }

  private static Document doc(String id) {
    Document d = new Document();
    d.add(new StringField("id", id, Field.Store.YES));
    return d;
  }
}
