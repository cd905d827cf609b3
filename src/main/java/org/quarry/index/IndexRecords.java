package org.quarry.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.quarry.model.Case;
import org.quarry.model.Coding;
import org.quarry.model.Source;

/**
 * The documents of an index that are not passages, as portable text: each source's record with the
 * text the passages were cut from ({@link SourceTexts}), the human codings kept for a source
 * ({@link KeptCodings}) and an imported project's cases ({@link KeptCases}). Another store (a
 * SolrCloud collection) keeps them as they are, so that an export made from it carries the same
 * source texts, coding spans and cases as an export of the index that sent them.
 *
 * <p>A record's data is its stored fields as JSON, in the order stored, each a string, a number or
 * Base64 bytes; reading it back gives the same stored document, which the index's own readers then
 * read, so the two stores cannot drift apart in what a record means.
 */
public final class IndexRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The kinds of record, as {@link Fields#TYPE} names them. */
  public static final Set<String> TYPES =
      Set.of(Fields.TYPE_SOURCE, Fields.TYPE_CODINGS, Fields.TYPE_CASES);

  private IndexRecords() {}

  /**
   * One record.
   *
   * @param type {@link Fields#TYPE_SOURCE}, {@link Fields#TYPE_CODINGS} or {@link
   *     Fields#TYPE_CASES}
   * @param key the source id (a source's record and codings) or the imported project's file (cases)
   * @param data the stored fields as JSON ({@link #data})
   */
  public record Record(String type, String key, String data) {
    public Record {
      if (!TYPES.contains(type)) {
        throw new IllegalArgumentException("not a kind of record: " + type);
      }
      if (key == null || data == null) {
        throw new IllegalArgumentException("a record needs its key and data");
      }
    }

    /** The source this record describes, or null when it is not a source's record with its text. */
    public Source source() {
      return Fields.TYPE_SOURCE.equals(type) ? SourceTexts.read(document(data)) : null;
    }

    /** The human codings this record keeps: none unless it is a source's kept codings. */
    public List<Coding> humanCodings() {
      return Fields.TYPE_CODINGS.equals(type) ? KeptCodings.read(document(data)) : List.of();
    }

    /** The cases this record keeps: none unless it is an imported project's cases. */
    public List<Case> cases() {
      return Fields.TYPE_CASES.equals(type) ? KeptCases.read(document(data)) : List.of();
    }
  }

  /** What is done with each record. */
  @FunctionalInterface
  public interface Visitor {
    /** Called with one record. */
    void visit(Record record) throws IOException;
  }

  /**
   * Calls {@code visitor} with every record of the index in {@code dir}, in index order, one at a
   * time (a source's text is not held longer than its visit).
   */
  public static void forEach(Path dir, Visitor visitor) throws IOException {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String type : new java.util.TreeSet<>(TYPES)) {
      any.add(new TermQuery(new Term(Fields.TYPE, type)), BooleanClause.Occur.SHOULD);
    }
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      DocumentWalk.forEachStored(
          reader,
          any.build(),
          stored -> {
            // the record carries its text whole, so the other store needs no passages to read it
            Record r = of(SourceTexts.whole(stored, searcher));
            if (r != null) {
              visitor.visit(r);
            }
          });
    }
  }

  // a stored record document as a record; its type is not stored, so it is told by its fields
  static Record of(Document stored) {
    String type;
    String key;
    if (stored.get(Fields.CASES_OF) != null) {
      type = Fields.TYPE_CASES;
      key = stored.get(Fields.CASES_OF);
    } else if (stored.getField(Fields.CODINGS) != null
        || stored.getField(Fields.DECISIONS) != null) {
      type = Fields.TYPE_CODINGS;
      key = stored.get(Fields.SOURCE);
    } else {
      type = Fields.TYPE_SOURCE;
      key = stored.get(Fields.SOURCE);
    }
    return key == null ? null : new Record(type, key, data(stored));
  }

  /** The stored fields of {@code stored} as JSON. */
  static String data(Document stored) {
    ArrayNode fields = JSON.createArrayNode();
    for (IndexableField f : stored) {
      ObjectNode o = fields.addObject();
      o.put("name", f.name());
      BytesRef bytes = f.binaryValue();
      Number n = f.numericValue();
      if (bytes != null) {
        o.put(
            "bytes",
            Base64.getEncoder()
                .encodeToString(
                    java.util.Arrays.copyOfRange(
                        bytes.bytes, bytes.offset, bytes.offset + bytes.length)));
      } else if (n instanceof Integer i) {
        o.put("int", i);
      } else if (n instanceof Long l) {
        o.put("long", l);
      } else if (n instanceof Float x) {
        o.put("float", x);
      } else if (n instanceof Double x) {
        o.put("double", x);
      } else {
        o.put("text", f.stringValue());
      }
    }
    return fields.toString();
  }

  /**
   * The stored document {@code data} describes.
   *
   * @throws IllegalArgumentException when it is not a record's data
   */
  static Document document(String data) {
    Document doc = new Document();
    try {
      JsonNode fields = JSON.readTree(data);
      if (fields == null || !fields.isArray()) {
        throw new IllegalArgumentException("a record's data is a JSON array of fields");
      }
      for (JsonNode o : fields) {
        String name = o.path("name").asText(null);
        if (name == null) {
          throw new IllegalArgumentException("a stored field without its name: " + o);
        }
        if (o.has("bytes")) {
          doc.add(
              new StoredField(
                  name, new BytesRef(Base64.getDecoder().decode(o.get("bytes").asText()))));
        } else if (o.has("int")) {
          doc.add(new StoredField(name, o.get("int").intValue()));
        } else if (o.has("long")) {
          doc.add(new StoredField(name, o.get("long").longValue()));
        } else if (o.has("float")) {
          doc.add(new StoredField(name, o.get("float").floatValue()));
        } else if (o.has("double")) {
          doc.add(new StoredField(name, o.get("double").doubleValue()));
        } else if (o.has("text")) {
          doc.add(new StoredField(name, o.get("text").asText()));
        } else {
          throw new IllegalArgumentException("a stored field without a value: " + o);
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "a record's data is not JSON: " + e.getOriginalMessage(), e);
    }
    return doc;
  }

  /** Every record of the index in {@code dir}, in index order (for tests and small indexes). */
  static List<Record> list(Path dir) throws IOException {
    List<Record> out = new ArrayList<>();
    forEach(dir, out::add);
    return out;
  }
}
