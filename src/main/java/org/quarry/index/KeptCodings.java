package org.quarry.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.quarry.model.Coding;

/**
 * The document that keeps one source's human codings with their exact spans ({@link
 * Fields#TYPE_CODINGS}). Passages carry the codes they overlap, which is what search and the
 * matrix need; the words a person selected are kept here so an export gives them back and an
 * evaluation can compare against them.
 */
public final class KeptCodings {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KeptCodings() {}

  /** The codings document of {@code source}; every coding must belong to it. */
  static Document toDocument(String source, List<Coding> codings) {
    ArrayNode array = JSON.createArrayNode();
    for (Coding c : codings) {
      if (!c.source().equals(source)) {
        throw new IllegalArgumentException(
            "coding " + c.spanId() + " of " + c.code() + " is not on source " + source);
      }
      ObjectNode o = array.addObject();
      o.put("start", c.start());
      o.put("end", c.end());
      o.put("code", c.code());
      o.put("score", c.score());
      o.put("origin", c.origin());
    }
    Document doc = new Document();
    doc.add(new StringField(Fields.TYPE, Fields.TYPE_CODINGS, Field.Store.NO));
    doc.add(new StringField(Fields.SOURCE, source, Field.Store.YES));
    doc.add(new StringField(Fields.CODINGS_OF, source, Field.Store.NO));
    doc.add(new StoredField(Fields.CODINGS, array.toString()));
    return doc;
  }

  /**
   * The codings a stored codings document keeps.
   *
   * @throws IllegalStateException naming the source when the stored JSON is corrupt
   */
  public static List<Coding> read(Document stored) {
    String source = stored.get(Fields.SOURCE);
    List<Coding> out = new ArrayList<>();
    try {
      for (JsonNode o : JSON.readTree(stored.get(Fields.CODINGS))) {
        out.add(new Coding(source, o.get("start").asInt(), o.get("end").asInt(),
            o.get("code").asText(), o.get("score").asDouble(), o.get("origin").asText()));
      }
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("corrupt codings kept for source " + source
          + "; import the project again", e);
    }
    return out;
  }
}
