package org.quarry.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * A growing array of bytes written with Lucene's variable-length ints and strings, for the compact
 * stored forms ({@link OffsetRuns}, {@link StoredAnnotation}); {@link
 * org.apache.lucene.store.ByteArrayDataInput} reads them back.
 */
final class ByteWriter {
  private final BytesRefBuilder bytes = new BytesRefBuilder();
  private final DataOutput out =
      new DataOutput() {
        @Override
        public void writeByte(byte b) {
          bytes.append(b);
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) {
          bytes.append(b, offset, length);
        }
      };

  void writeByte(byte b) {
    bytes.append(b);
  }

  void writeVInt(int i) {
    try {
      out.writeVInt(i);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // never: the bytes are in memory
    }
  }

  void writeZInt(int i) {
    try {
      out.writeZInt(i);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void writeString(String s) {
    try {
      out.writeString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes written so far. */
  BytesRef toBytesRef() {
    return bytes.toBytesRef();
  }
}
