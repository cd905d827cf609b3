package org.quarry.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;

/**
 * Stored fields for a scan that reads documents in increasing order (every passage of a run, an
 * export): each compressed block of documents is decompressed once, for all the documents it holds.
 *
 * <p>The index keeps stored fields with {@code BEST_COMPRESSION}: blocks of about 480 KB, which
 * {@link IndexReader#storedFields()} decompresses again, up to the document asked for, on every
 * document read. A scan through it inflated a block per passage. This reads through each segment's
 * merge instance, the reader Lucene's own merges use, which keeps the last block decompressed.
 * Reading out of order is correct but slow (a block a document), so random reads (a page of hits)
 * keep to {@link IndexReader#storedFields()}. Not thread-safe: one per thread.
 */
public final class SequentialStoredFields extends StoredFields {
  private final List<LeafReaderContext> leaves;
  // only the segment being read keeps a reader, so a scan holds one decompressed block, not one per
  // segment it has passed
  private int leaf = -1;
  private StoredFields fields;

  private SequentialStoredFields(IndexReader reader) {
    this.leaves = reader.leaves();
  }

  /** Stored fields of {@code reader}, for reads in increasing document order. */
  public static StoredFields of(IndexReader reader) {
    return new SequentialStoredFields(reader);
  }

  /**
   * The indexes of {@code docs}, ordered by the document each names: the order in which to read
   * documents looked up in another order (by id, say) through these stored fields.
   */
  public static int[] inDocumentOrder(int[] docs) {
    long[] keyed = new long[docs.length];
    for (int i = 0; i < docs.length; i++) {
      keyed[i] = ((long) docs[i] << 32) | i;
    }
    java.util.Arrays.sort(keyed);
    int[] order = new int[docs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = (int) keyed[i];
    }
    return order;
  }

  @Override
  public void prefetch(int docID) {
    // the block being read is already in memory; prefetching the next would read it twice
  }

  @Override
  public void document(int docID, StoredFieldVisitor visitor) throws IOException {
    int i = ReaderUtil.subIndex(docID, leaves);
    if (i != leaf) {
      fields = open(leaves.get(i));
      leaf = i;
    }
    fields.document(docID - leaves.get(i).docBase, visitor);
  }

  private static StoredFields open(LeafReaderContext leaf) throws IOException {
    if (leaf.reader() instanceof CodecReader codec) {
      StoredFieldsReader fields = codec.getFieldsReader();
      if (fields != null) {
        return fields.getMergeInstance();
      }
    }
    return leaf.reader().storedFields(); // a wrapped reader: its own stored fields, as usual
  }
}
