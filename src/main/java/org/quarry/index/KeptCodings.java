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
import org.quarry.model.Decision;
import org.quarry.model.Passage;

/**
 * The document that keeps what people decided about one source ({@link Fields#TYPE_CODINGS}): the
 * human codings imported for it, with the exact spans a person selected, and the researcher's
 * decisions on suggested codes ({@link Decision}), by span with the words decided on. Passages
 * carry the codes they overlap, which is what search and the matrix need; this document is what an
 * export, an evaluation or a learned suggester reads, and what puts the decisions back on the
 * passages when the source is indexed again.
 *
 * <p>Immutable: the {@code with…} methods return a changed copy.
 */
public final class KeptCodings {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final List<Coding> imported;
  private final List<Decision> decisions;

  private KeptCodings(String source, List<Coding> imported, List<Decision> decisions) {
    this.source = source;
    this.imported = List.copyOf(imported);
    this.decisions = List.copyOf(decisions);
  }

  /** Nothing kept for {@code source}. */
  static KeptCodings none(String source) {
    return new KeptCodings(source, List.of(), List.of());
  }

  /** The source this document belongs to. */
  String source() {
    return source;
  }

  /** The imported human codings. */
  List<Coding> imported() {
    return imported;
  }

  /** Every decision, applied or not. */
  List<Decision> decisions() {
    return decisions;
  }

  /** True when nothing is kept, so the document can go. */
  boolean isEmpty() {
    return imported.isEmpty() && decisions.isEmpty();
  }

  /**
   * These imported codings instead of the earlier ones; decisions stay (they are the researcher's,
   * not the project's). Every coding must belong to the source.
   */
  KeptCodings withImported(List<Coding> codings) {
    for (Coding c : codings) {
      if (!c.source().equals(source)) {
        throw new IllegalArgumentException(
            "coding " + c.spanId() + " of " + c.code() + " is not on source " + source);
      }
    }
    return new KeptCodings(source, codings, decisions);
  }

  /** These decisions instead of the earlier ones; imported codings stay. */
  KeptCodings withDecisions(List<Decision> newDecisions) {
    return new KeptCodings(source, imported, newDecisions);
  }

  /**
   * With {@code d} in place of the applied decision on the same span and code, if there was one (a
   * decision that no longer applies was made on other words, so it stays).
   */
  KeptCodings withDecision(Decision d) {
    List<Decision> out = new ArrayList<>();
    for (Decision e : decisions) {
      if (!sameTarget(e, d)) {
        out.add(e);
      }
    }
    out.add(d);
    return withDecisions(out);
  }

  /** The applied decision on {@code passage} for {@code code}, or null. */
  Decision decisionOn(Passage passage, String code) {
    for (Decision d : decisions) {
      if (d.applied()
          && d.code().equals(code)
          && d.start() == passage.start()
          && d.end() == passage.end()) {
        return d;
      }
    }
    return null;
  }

  /** True when an imported coding of {@code code} overlaps {@code passage}. */
  boolean importedCodes(Passage passage, String code) {
    for (Coding c : imported) {
      if (c.code().equals(code)
          && Math.min(c.end(), passage.end()) > Math.max(c.start(), passage.start())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The human codings this keeps: the imported ones, then each applied accepted decision as a
   * coding of its passage's span (once, should an imported coding have the same span and code).
   */
  List<Coding> humanCodings() {
    List<Coding> out = new ArrayList<>(imported);
    for (Decision d : decisions) {
      if (d.applied() && d.accepted() && !out.contains(d.asCoding())) {
        out.add(d.asCoding());
      }
    }
    return out;
  }

  /** The stored document. */
  Document toDocument() {
    ArrayNode codings = JSON.createArrayNode();
    for (Coding c : imported) {
      ObjectNode o = codings.addObject();
      o.put("start", c.start());
      o.put("end", c.end());
      o.put("code", c.code());
      o.put("score", c.score());
      o.put("origin", c.origin());
    }
    ArrayNode decided = JSON.createArrayNode();
    for (Decision d : decisions) {
      ObjectNode o = decided.addObject();
      o.put("start", d.start());
      o.put("end", d.end());
      o.put("code", d.code());
      o.put("accepted", d.accepted());
      o.put("text", d.text());
      o.put("applied", d.applied());
    }
    Document doc = new Document();
    doc.add(new StringField(Fields.TYPE, Fields.TYPE_CODINGS, Field.Store.NO));
    doc.add(new StringField(Fields.SOURCE, source, Field.Store.YES));
    doc.add(new StringField(Fields.CODINGS_OF, source, Field.Store.NO));
    doc.add(new StoredField(Fields.CODINGS, codings.toString()));
    doc.add(new StoredField(Fields.DECISIONS, decided.toString()));
    return doc;
  }

  /**
   * What a stored codings document keeps; one written before decisions were kept has none, and one
   * read without its {@link Fields#CODINGS} field no imported codings.
   *
   * @throws IllegalStateException naming the source when the stored JSON is corrupt
   */
  static KeptCodings fromStored(Document stored) {
    String source = stored.get(Fields.SOURCE);
    List<Coding> codings = new ArrayList<>();
    List<Decision> decisions = new ArrayList<>();
    try {
      String imported = stored.get(Fields.CODINGS);
      if (imported != null) {
        for (JsonNode o : JSON.readTree(imported)) {
          codings.add(
              new Coding(
                  source,
                  o.get("start").asInt(),
                  o.get("end").asInt(),
                  o.get("code").asText(),
                  o.get("score").asDouble(),
                  o.get("origin").asText()));
        }
      }
      String decided = stored.get(Fields.DECISIONS);
      if (decided != null) {
        for (JsonNode o : JSON.readTree(decided)) {
          decisions.add(
              new Decision(
                  source,
                  o.get("start").asInt(),
                  o.get("end").asInt(),
                  o.get("code").asText(),
                  o.get("accepted").asBoolean(),
                  o.get("text").asText(),
                  o.get("applied").asBoolean()));
        }
      }
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException(
          "corrupt codings kept for source " + source + "; import the project again", e);
    }
    return new KeptCodings(source, codings, decisions);
  }

  /**
   * The human codings a stored codings document keeps: imported ones and accepted decisions that
   * apply ({@link #humanCodings()}).
   *
   * @throws IllegalStateException naming the source when the stored JSON is corrupt
   */
  public static List<Coding> read(Document stored) {
    return fromStored(stored).humanCodings();
  }

  /**
   * Every decision a stored codings document keeps, applied or not.
   *
   * @throws IllegalStateException naming the source when the stored JSON is corrupt
   */
  public static List<Decision> readDecisions(Document stored) {
    return fromStored(stored).decisions();
  }

  private static boolean sameTarget(Decision a, Decision b) {
    return a.applied() && a.code().equals(b.code()) && a.start() == b.start() && a.end() == b.end();
  }
}
