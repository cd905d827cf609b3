package org.quarry.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    // most of a map steps one code point per char: runs take bytes where ints took 4 per char
    doc.add(new StoredField(Fields.SOURCE_OFFSET_RUNS, OffsetRuns.encode(source.offsets())));
    try {
      doc.add(new StoredField(Fields.SOURCE_METADATA, JSON.writeValueAsString(source.metadata())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store metadata of " + source.id(), e);
    }
  }

  /** Copies the stored text fields of one record document to another. */
  static void copy(Document from, Document to) {
    for (String name :
        new String[] {
          Fields.SOURCE_TEXT,
          Fields.SOURCE_OFFSETS,
          Fields.SOURCE_OFFSET_RUNS,
          Fields.SOURCE_METADATA
        }) {
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
    BytesRef runs = doc.getBinaryValue(Fields.SOURCE_OFFSET_RUNS);
    BytesRef ints = doc.getBinaryValue(Fields.SOURCE_OFFSETS);
    if (text == null || (runs == null && ints == null)) {
      return null;
    }
    // an index of format 1 kept one int per char
    int[] origin = runs != null ? OffsetRuns.decode(runs) : OffsetRuns.decodeInts(ints);
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
