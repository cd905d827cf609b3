package org.quarry.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.quarry.model.OffsetMap;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/**
 * Keeps each source's normalised text, offset map and metadata on its source record, so that an
 * export can carry the text the passages were cut from (for .docx or .pdf there is no other plain
 * text to point into) without the original file.
 */
public final class SourceTexts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SourceTexts() {}

  /** Adds the source's text, offsets and metadata to its record document. */
  static void store(Source source, Document doc) {
    doc.add(new StoredField(Fields.SOURCE_TEXT, source.text()));
    int n = source.offsets().length() + 1;
    ByteBuffer bytes = ByteBuffer.allocate(n * Integer.BYTES);
    for (int i = 0; i < n; i++) {
      bytes.putInt(source.offsets().toOriginal(i));
    }
    doc.add(new StoredField(Fields.SOURCE_OFFSETS, new BytesRef(bytes.array())));
    try {
      doc.add(new StoredField(Fields.SOURCE_METADATA, JSON.writeValueAsString(source.metadata())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store metadata of " + source.id(), e);
    }
  }

  /** Copies the stored text fields of one record document to another. */
  static void copy(Document from, Document to) {
    for (String name :
        new String[] {Fields.SOURCE_TEXT, Fields.SOURCE_OFFSETS, Fields.SOURCE_METADATA}) {
      IndexableField f = from.getField(name);
      if (f == null) {
        continue;
      }
      if (f.binaryValue() != null) {
        to.add(new StoredField(name, BytesRef.deepCopyOf(f.binaryValue())));
      } else {
        to.add(new StoredField(name, f.stringValue()));
      }
    }
  }

  /** The source a record document describes, or null when it was stored without its text. */
  public static Source read(Document doc) {
    String text = doc.get(Fields.SOURCE_TEXT);
    BytesRef offsets = doc.getBinaryValue(Fields.SOURCE_OFFSETS);
    if (text == null || offsets == null) {
      return null;
    }
    int[] origin = new int[offsets.length / Integer.BYTES];
    ByteBuffer.wrap(offsets.bytes, offsets.offset, offsets.length).asIntBuffer().get(origin);
    Map<String, String> metadata;
    try {
      String json = doc.get(Fields.SOURCE_METADATA);
      metadata =
          json == null
              ? Map.of()
              : JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt metadata on source " + doc.get(Fields.SOURCE), e);
    }
    String kind = doc.get(Fields.SOURCE_KIND);
    return new Source(
        doc.get(Fields.SOURCE),
        doc.get(Fields.PATH),
        kind == null ? SourceKind.PAPER : SourceKind.parse(kind),
        text,
        OffsetMap.of(origin),
        doc.get(Fields.CONTENT_HASH),
        metadata);
  }
}
