package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.AnalysisStamp;
import org.quarry.api.Analysis;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.index.IndexStamp;

/** {@code quarry index} on an index of another analysis, {@code --reindex}, and newer indexes. */
class CliReindexTest {
  @TempDir Path tmp;
  private Path files;
  private Path index;

  @BeforeEach
  void indexWithTheUntaggedAnnotator() throws IOException {
    files = Files.createDirectories(tmp.resolve("study"));
    Files.copy(Path.of("src/test/resources/transcripts/P7.txt"), files.resolve("P7.txt"));
    index = tmp.resolve("index");
    try (Quarry quarry = Quarry.open(index, Analysis.UNTAGGED)) {
      quarry.index(IndexRequest.of(files), IndexProgress.NONE);
    }
  }

  @Test
  void indexingAnIndexOfAnotherAnalysisExitsTwoNamingReindex() throws IOException {
    CliRun run = CliRun.of("index", files.toString(), "--index", index.toString());
    assertOneLineError(run, 2, "--reindex");
    assertTrue(run.err().contains(AnalysisStamp.UNTAGGED), run.err());
    assertEquals(AnalysisStamp.UNTAGGED, stamp().analysis().annotator());
  }

  @Test
  void reindexAnnotatesEverySourceAgainAndStampsTheIndex() throws IOException {
    CliRun run = CliRun.of("index", "--reindex", files.toString(), "--index", index.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("P7.txt"), run.out());
    assertEquals(AnalysisStamp.TAGGED, stamp().analysis().annotator());
    // from now on a plain run finds the file unchanged
    CliRun again = CliRun.of("index", files.toString(), "--index", index.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().toLowerCase(java.util.Locale.ROOT).contains("unchanged"), again.out());
  }

  @Test
  void searchingAnIndexFromANewerQuarryIsAOneLineError() throws IOException {
    Map<String, String> newer = new HashMap<>(stamp().userData());
    newer.put("quarry.index.format", Integer.toString(IndexStamp.FORMAT + 1));
    try (Directory d = FSDirectory.open(index);
        IndexWriter w =
            new IndexWriter(
                d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(newer.entrySet(), true);
      w.commit();
    }
    assertOneLineError(
        CliRun.of("search", "voice", "--index", index.toString()),
        2,
        "index format " + (IndexStamp.FORMAT + 1));
    assertOneLineError(
        CliRun.of("index", files.toString(), "--index", index.toString()), 2, "newer");
  }

  private IndexStamp stamp() throws IOException {
    try (Directory d = FSDirectory.open(index)) {
      return IndexStamp.read(d).orElseThrow();
    }
  }

  private static void assertOneLineError(CliRun run, int exitCode, String mentions) {
    assertEquals(exitCode, run.exitCode(), run.out() + run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains(mentions), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }
}
