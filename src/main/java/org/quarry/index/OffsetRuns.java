package org.quarry.index;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;
import org.quarry.model.OffsetMap;

/**
 * The stored form of an {@link OffsetMap}: its first original offset, then only the entries where
 * the map does not simply step on by one (a removed line break, an inserted space, a surrogate
 * pair), each as the distance from the previous such entry and its step, in variable-length ints.
 *
 * <p>A text read as it is maps every char to the next code point, so its map is one run and takes a
 * few bytes instead of four per char.
 */
final class OffsetRuns {
  private OffsetRuns() {}

  /** The runs of {@code map}. */
  static BytesRef encode(OffsetMap map) {
    int n = map.length() + 1;
    int[] origin = new int[n];
    for (int i = 0; i < n; i++) {
      origin[i] = map.toOriginal(i);
    }
    return encode(origin);
  }

  /** The runs of the original offsets {@code origin}, one per char and one for the end. */
  static BytesRef encode(int[] origin) {
    ByteWriter data = new ByteWriter();
    data.writeVInt(origin.length);
    data.writeVInt(origin[0]);
    int last = 0;
    for (int i = 1; i < origin.length; i++) {
      int step = origin[i] - origin[i - 1];
      if (step != 1) {
        data.writeVInt(i - last);
        // an offset map never goes back, so the step is never negative
        data.writeVInt(step);
        last = i;
      }
    }
    return data.toBytesRef();
  }

  /**
   * The original offsets the runs encode.
   *
   * @throws IllegalArgumentException when the bytes are not runs of an offset map
   */
  static int[] decode(BytesRef runs) {
    ByteArrayDataInput data = new ByteArrayDataInput(runs.bytes, runs.offset, runs.length);
    int n = data.readVInt();
    if (n <= 0) {
      throw new IllegalArgumentException("stored offset runs have " + n + " entries");
    }
    int[] origin = new int[n];
    origin[0] = data.readVInt();
    int i = 1;
    while (!data.eof()) {
      int next = i - 1 + data.readVInt();
      int step = data.readVInt();
      if (next < i || next >= n) {
        throw new IllegalArgumentException("stored offset runs break at " + next + " of " + n);
      }
      for (; i < next; i++) {
        origin[i] = origin[i - 1] + 1;
      }
      origin[i] = origin[i - 1] + step;
      i++;
    }
    for (; i < n; i++) {
      origin[i] = origin[i - 1] + 1;
    }
    return origin;
  }

  /** The offsets of the old stored form: one big-endian int per entry. */
  static int[] decodeInts(BytesRef ints) {
    int[] origin = new int[ints.length / Integer.BYTES];
    java.nio.ByteBuffer.wrap(ints.bytes, ints.offset, ints.length).asIntBuffer().get(origin);
    return origin;
  }
}
