package org.quarry.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.quarry.model.Case;

/**
 * The document that keeps the cases of one imported REFI-QDA project ({@link Fields#TYPE_CASES}),
 * with their GUIDs and variables. Passages carry the cases their sources belong to, which is what
 * search and the matrix need; a case no source refers to has no passage, and a passage has no room
 * for a GUID, so the project's cases are kept here for an export. The document is the project
 * file's ({@link Fields#CASES_OF}): importing the file again replaces it.
 */
public final class KeptCases {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KeptCases() {}

  /** The cases document of the project imported from {@code root}. */
  static Document toDocument(String root, List<Case> cases) {
    ArrayNode array = JSON.createArrayNode();
    for (Case c : cases) {
      ObjectNode o = array.addObject();
      o.put("id", c.id());
      if (c.guid() != null) {
        o.put("guid", c.guid());
      }
      ObjectNode attrs = o.putObject("attributes");
      c.attributes().forEach(attrs::put);
    }
    Document doc = new Document();
    doc.add(new StringField(Fields.TYPE, Fields.TYPE_CASES, Field.Store.NO));
    doc.add(new StringField(Fields.CASES_OF, root, Field.Store.YES));
    doc.add(new StoredField(Fields.CASES, array.toString()));
    return doc;
  }

  /**
   * The cases a stored cases document keeps.
   *
   * @throws IllegalStateException naming the project when the stored JSON is corrupt
   */
  public static List<Case> read(Document stored) {
    String root = stored.get(Fields.CASES_OF);
    List<Case> out = new ArrayList<>();
    try {
      for (JsonNode o : JSON.readTree(stored.get(Fields.CASES))) {
        Map<String, String> attrs = new TreeMap<>();
        o.get("attributes").properties().forEach(e -> attrs.put(e.getKey(), e.getValue().asText()));
        out.add(
            new Case(
                o.get("id").asText(), attrs, o.hasNonNull("guid") ? o.get("guid").asText() : null));
      }
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException(
          "corrupt cases kept for project " + root + "; import the project again", e);
    }
    return out;
  }
}
