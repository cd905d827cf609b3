package org.quarry.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small index of one transcript, for tests of what is read around an index. */
final class OneTranscriptIndex {
  private OneTranscriptIndex() {}

  /** An index in {@code tmp}/index of one transcript: an interviewer's question, P1's answer. */
  static Quarry open(Path tmp) throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(
        corpus.resolve("t1.txt"), "Interviewer: What changed?\nP1: One voice for the ICS.\n");
    Quarry q = Quarry.open(tmp.resolve("index"));
    q.index(IndexRequest.of(corpus), IndexProgress.NONE);
    return q;
  }
}
