package org.quarry.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.analysis.LemmaTokenStream;
import org.quarry.model.CodeScore;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;

/**
 * Turns an {@link IndexedPassage} into a Lucene document and a stored document back into an {@link
 * IndexedPassage}. Everything needed to rebuild a document is stored, so attaching codes or marking
 * duplicates re-adds documents without running CoreNLP.
 */
public final class PassageDocuments {
  private PassageDocuments() {}

  private static final FieldType TEXT_TYPE = offsetsType(true);
  private static final FieldType LEMMA_TYPE = offsetsType(false);

  private static FieldType offsetsType(boolean stored) {
    FieldType type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
    // offsets in the postings let the highlighter mark words matched in any text field
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /**
   * The facets configuration of a Quarry index: {@link Fields#CODE} and {@link Fields#ORIGIN} are
   * multi-valued, and so is {@link Fields#PARTICIPANT} (a narrative passage counts for the
   * participants it quotes).
   */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(Fields.CODE, true);
    config.setMultiValued(Fields.PARTICIPANT, true);
    config.setMultiValued(Fields.ORIGIN, true);
    return config;
  }

  // the source id, a separator below any character of an id, then the start padded to sort as text
  private static String readingOrder(Passage p) {
    return p.source() + '\u0000' + String.format(java.util.Locale.ROOT, "%010d", p.start());
  }

  /**
   * The Lucene document of a passage, facets built.
   *
   * @throws IllegalArgumentException when an attribute has a reserved name
   */
  public static Document toDocument(IndexedPassage indexed) {
    Passage p = indexed.passage();
    Document doc = new Document();
    doc.add(new StringField(Fields.TYPE, Fields.TYPE_PASSAGE, Field.Store.NO));
    doc.add(new StringField(Fields.ID, p.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(p.id())));
    doc.add(new SortedDocValuesField(Fields.READING_ORDER, new BytesRef(readingOrder(p))));
    keyword(doc, Fields.SOURCE, p.source());
    keyword(doc, Fields.KIND, p.kind().label());
    keyword(doc, Fields.PARTICIPANT, p.participantCounted());
    keyword(doc, Fields.SPEAKER, p.speaker());
    for (String q : p.quoted()) {
      doc.add(new StoredField(Fields.QUOTED, q));
      if (!q.equals(p.participantCounted())) {
        doc.add(new SortedSetDocValuesFacetField(Fields.PARTICIPANT, q));
      }
    }
    keyword(doc, Fields.SECTION, p.section());
    doc.add(new StoredField(Fields.START, p.start()));
    doc.add(new StoredField(Fields.END, p.end()));
    doc.add(new Field(Fields.TEXT, p.text(), TEXT_TYPE));
    doc.add(new TextField(Fields.TEXT_STEM, p.text(), Field.Store.NO));
    doc.add(
        new Field(
            Fields.TEXT_LEMMA,
            new LemmaTokenStream(indexed.annotation(), p.text().length()),
            LEMMA_TYPE));
    doc.add(
        new StoredField(
            Fields.ANNOTATION, StoredAnnotation.encode(indexed.annotation(), p.text())));
    for (Map.Entry<String, String> a : new TreeMap<>(p.attributes()).entrySet()) {
      String name = a.getKey();
      if (Fields.RESERVED.contains(name) || name.isBlank()) {
        throw new IllegalArgumentException(
            "passage "
                + p.id()
                + " has an attribute named '"
                + name
                + "', which Quarry reserves; rename that column (reserved: "
                + String.join(", ", new java.util.TreeSet<>(Fields.RESERVED))
                + ")");
      }
      doc.add(new StoredField(Fields.ATTRIBUTES, name + "\t" + a.getValue()));
      if (a.getValue() != null && !a.getValue().isEmpty()) {
        doc.add(new StringField(name, a.getValue(), Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(name, a.getValue()));
      }
    }
    Set<String> origins = new TreeSet<>();
    for (CodeScore c : indexed.codes()) {
      doc.add(new StringField(Fields.CODE, c.code(), Field.Store.NO));
      doc.add(new StoredField(Fields.CODE_SCORES, c.code() + "\t" + c.score() + "\t" + c.origin()));
      doc.add(new SortedSetDocValuesFacetField(Fields.CODE, c.code()));
      origins.add(c.origin());
    }
    // one origin value per passage however many codes share it, so facet counts are passages
    for (String origin : origins) {
      doc.add(new StringField(Fields.ORIGIN, origin, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(Fields.ORIGIN, origin));
    }
    if (indexed.duplicateOf() != null) {
      doc.add(new StringField(Fields.DUPLICATE_OF, indexed.duplicateOf(), Field.Store.YES));
      doc.add(new StringField(Fields.DUPLICATE, "true", Field.Store.NO));
    }
    try {
      return facetsConfig().build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("building facets of " + p.id(), e);
    }
  }

  /**
   * The passage, annotation, codes and duplicate mark of a stored passage document.
   *
   * @throws IllegalArgumentException when the document is not a stored passage
   */
  public static IndexedPassage fromStored(Document stored) {
    String id = stored.get(Fields.ID);
    LemmaAnnotation annotation = id == null ? null : annotation(stored);
    if (annotation == null) {
      throw new IllegalArgumentException("not a stored Quarry passage document: " + stored);
    }
    Passage passage = passage(stored);
    return new IndexedPassage(passage, annotation, codes(stored), stored.get(Fields.DUPLICATE_OF));
  }

  /**
   * The CoreNLP annotation of a passage in the compact form the index stores, as Base64 text: for a
   * store of Quarry's passages that keeps text, not bytes.
   */
  public static String annotationText(IndexedPassage p) {
    org.apache.lucene.util.BytesRef b = StoredAnnotation.encode(p.annotation(), p.passage().text());
    return java.util.Base64.getEncoder()
        .encodeToString(java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length));
  }

  /**
   * The annotation of {@link #annotationText}, for the passage's {@code text}.
   *
   * @throws IllegalArgumentException when it is no such text
   */
  public static LemmaAnnotation annotationOfText(String base64, String text) {
    return StoredAnnotation.decode(
        new BytesRef(java.util.Base64.getDecoder().decode(base64)), text);
  }

  /**
   * The stored fields {@link #passage} reads: all but the annotation (the largest field) and the
   * codes.
   */
  public static final Set<String> PASSAGE_FIELDS =
      Set.of(
          Fields.ID,
          Fields.SOURCE,
          Fields.KIND,
          Fields.PARTICIPANT,
          Fields.SPEAKER,
          Fields.SECTION,
          Fields.START,
          Fields.END,
          Fields.TEXT,
          Fields.ATTRIBUTES,
          Fields.QUOTED);

  /**
   * The stored fields {@link #annotation} reads: the annotation is stored against the passage text.
   */
  public static final Set<String> ANNOTATION_FIELDS = Set.of(Fields.ANNOTATION, Fields.TEXT);

  /**
   * The lemma annotation of a stored passage document read with at least {@link
   * #ANNOTATION_FIELDS}, or null when it has none.
   *
   * @throws IllegalArgumentException when the stored annotation is corrupt
   */
  public static LemmaAnnotation annotation(Document stored) {
    IndexableField f = stored.getField(Fields.ANNOTATION);
    if (f == null) {
      return null;
    }
    if (f.binaryValue() == null) {
      // an index of format 1 kept it as text
      return LemmaAnnotation.decode(f.stringValue());
    }
    String text = stored.get(Fields.TEXT);
    if (text == null) {
      throw new IllegalArgumentException(
          "stored annotation read without the passage text (" + Fields.TEXT + ")");
    }
    return StoredAnnotation.decode(f.binaryValue(), text);
  }

  /** The codes stored in a passage document, highest score first. */
  public static List<CodeScore> codes(Document stored) {
    List<CodeScore> codes = new ArrayList<>();
    for (String v : stored.getValues(Fields.CODE_SCORES)) {
      String[] f = v.split("\t", 3);
      codes.add(new CodeScore(f[0], Double.parseDouble(f[1]), f[2]));
    }
    codes.sort(IndexedPassage.CODE_ORDER);
    return codes;
  }

  /** The passage of a stored passage document (without parsing its annotation). */
  public static Passage passage(Document stored) {
    Map<String, String> attributes = new TreeMap<>();
    for (String a : stored.getValues(Fields.ATTRIBUTES)) {
      int tab = a.indexOf('\t');
      attributes.put(a.substring(0, tab), a.substring(tab + 1));
    }
    return new Passage(
        stored.get(Fields.ID),
        stored.get(Fields.SOURCE),
        PassageKind.parse(stored.get(Fields.KIND)),
        // an interviewer's label is only its speaker (an index written before speakers has it as
        // the participant)
        stored.get(Fields.SPEAKER) != null
            ? stored.get(Fields.SPEAKER)
            : stored.get(Fields.PARTICIPANT),
        stored.get(Fields.SECTION),
        intValue(stored, Fields.START),
        intValue(stored, Fields.END),
        stored.get(Fields.TEXT),
        attributes,
        List.of(stored.getValues(Fields.QUOTED)));
  }

  private static int intValue(Document stored, String field) {
    IndexableField f = stored.getField(field);
    if (f == null || f.numericValue() == null) {
      throw new IllegalArgumentException("stored passage lacks the '" + field + "' field");
    }
    return f.numericValue().intValue();
  }

  private static void keyword(Document doc, String field, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    doc.add(new StringField(field, value, Field.Store.YES));
    doc.add(new SortedSetDocValuesFacetField(field, value));
  }
}
