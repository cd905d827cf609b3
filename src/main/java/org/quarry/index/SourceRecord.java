package org.quarry.index;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.model.TextSignature;

/**
 * The stored facts of one source, as its record document in the index holds them: path, content
 * hash, kind, near-duplicate signature, passage count, duplicate mark, root and (when just read or
 * written) the source itself, whose text only exports read back, with the passages written with it.
 */
record SourceRecord(
    String id,
    String path,
    String contentHash,
    String kind,
    TextSignature signature,
    int passages,
    String duplicateOf,
    String root,
    Source source,
    List<Passage> cut) {

  SourceRecord withDuplicateOf(String of) {
    return new SourceRecord(
        id, path, contentHash, kind, signature, passages, of, root, source, cut);
  }

  /** The record without the source and passages it was written with: what a run keeps in memory. */
  SourceRecord withoutText() {
    return new SourceRecord(
        id, path, contentHash, kind, signature, passages, duplicateOf, root, null, null);
  }

  SourceRecord movedTo(String newRoot, String newPath) {
    return new SourceRecord(
        id, newPath, contentHash, kind, signature, passages, duplicateOf, newRoot, source, cut);
  }

  /**
   * True when {@code newPath} is another file than the one this source was read from, and that one
   * still exists: replacing it would lose a source the user indexed. A project's sources ({@code
   * project!name}) and sources of unknown path are the caller's to replace.
   */
  boolean fromAnotherFile(String newPath) {
    if (path == null || newPath == null || path.equals(newPath) || path.contains("!")) {
      return false;
    }
    try {
      java.nio.file.Path old = java.nio.file.Path.of(path);
      return old.isAbsolute() && java.nio.file.Files.exists(old);
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  Document toDocument() {
    Document doc = new Document();
    doc.add(new StringField(Fields.TYPE, Fields.TYPE_SOURCE, Field.Store.NO));
    doc.add(new StringField(Fields.SOURCE, id, Field.Store.YES));
    doc.add(new StringField(Fields.RECORD, id, Field.Store.NO));
    if (path != null) {
      doc.add(new StoredField(Fields.PATH, path));
    }
    if (contentHash != null) {
      doc.add(new StringField(Fields.CONTENT_HASH, contentHash, Field.Store.YES));
    }
    doc.add(new StoredField(Fields.SOURCE_KIND, kind));
    ByteBuffer bytes = ByteBuffer.allocate(signature.length() * Integer.BYTES);
    bytes.asIntBuffer().put(signature.values());
    doc.add(new StoredField(Fields.SIGNATURE, new BytesRef(bytes.array())));
    doc.add(new StoredField(Fields.PASSAGE_COUNT, passages));
    if (duplicateOf != null) {
      doc.add(new StringField(Fields.DUPLICATE_OF, duplicateOf, Field.Store.YES));
    }
    if (root != null) {
      doc.add(new StoredField(Fields.ROOT, root));
    }
    if (source != null) {
      SourceTexts.store(source, cut == null ? List.of() : cut, doc);
    }
    return doc;
  }

  static SourceRecord fromStored(Document doc) {
    BytesRef sig = doc.getBinaryValue(Fields.SIGNATURE);
    int[] signature = new int[sig == null ? 0 : sig.length / Integer.BYTES];
    if (sig != null) {
      ByteBuffer.wrap(sig.bytes, sig.offset, sig.length).asIntBuffer().get(signature);
    }
    return new SourceRecord(
        doc.get(Fields.SOURCE),
        doc.get(Fields.PATH),
        doc.get(Fields.CONTENT_HASH),
        doc.get(Fields.SOURCE_KIND),
        new TextSignature(signature),
        doc.getField(Fields.PASSAGE_COUNT).numericValue().intValue(),
        doc.get(Fields.DUPLICATE_OF),
        doc.get(Fields.ROOT),
        null,
        null);
  }
}
