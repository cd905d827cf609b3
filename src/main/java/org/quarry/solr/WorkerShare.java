package org.quarry.solr;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Worker {@code index} of {@code count} ({@code --worker I/N}): the sources whose id hashes to it,
 * so that N processes on N machines annotate and send one corpus without overlap. The hash is
 * CRC-32 of the source id's UTF-8 bytes, the same on every machine and JVM.
 *
 * @param index this worker, from 1
 * @param count how many workers share the corpus
 */
public record WorkerShare(int index, int count) {
  /** One worker that takes every source. */
  public static final WorkerShare ALL = new WorkerShare(1, 1);

  public WorkerShare {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "--worker " + index + "/" + count + ": give I/N with 1 <= I <= N");
    }
  }

  /**
   * Parses {@code I/N}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static WorkerShare parse(String s) {
    int slash = s.indexOf('/');
    try {
      if (slash > 0) {
        return new WorkerShare(
            Integer.parseInt(s.substring(0, slash).strip()),
            Integer.parseInt(s.substring(slash + 1).strip()));
      }
    } catch (NumberFormatException e) {
      // the message below says what was meant
    }
    throw new IllegalArgumentException("--worker " + s + ": give I/N, e.g. --worker 1/2");
  }

  /** Whether this worker annotates and sends {@code sourceId}. */
  public boolean takes(String sourceId) {
    if (count == 1) {
      return true;
    }
    CRC32 crc = new CRC32();
    crc.update(sourceId.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % count == index - 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
