package org.quarry.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/**
 * Keeps each source's normalised text, offset map and metadata on its source record, so that an
 * export can carry the text the passages were cut from (for .docx or .pdf there is no other plain
 * text to point into) without the original file.
 *
 * <p>The record keeps the text between the passages; the passages' own stored texts fill the rest
 * back in ({@link SourceLayout}). Records of an index of format 2 or older keep the text whole, and
 * are read as they are.
 */
public final class SourceTexts {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The stored fields of a record that {@link #locations} reads. */
  public static final Set<String> LOCATION_FIELDS =
      Set.of(
          Fields.SOURCE,
          Fields.SOURCE_TEXT,
          Fields.SOURCE_LAYOUT,
          Fields.SOURCE_OFFSETS,
          Fields.SOURCE_OFFSET_RUNS);

  private static final String[] TEXT_FIELDS = {
    Fields.SOURCE_TEXT,
    Fields.SOURCE_TEXT_GAPS,
    Fields.SOURCE_LAYOUT,
    Fields.SOURCE_OFFSETS,
    Fields.SOURCE_OFFSET_RUNS,
    Fields.SOURCE_METADATA
  };

  private SourceTexts() {}

  /**
   * Adds the source's text (less what {@code passages}, all the passages written with it, store),
   * their layout, the offsets and the metadata to its record document.
   */
  static void store(Source source, List<Passage> passages, Document doc) {
    SourceLayout layout = SourceLayout.of(source.text(), source.offsets(), passages);
    doc.add(new StoredField(Fields.SOURCE_TEXT_GAPS, layout.gaps(source.text())));
    doc.add(new StoredField(Fields.SOURCE_LAYOUT, layout.encode()));
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
    for (String name : TEXT_FIELDS) {
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

  /**
   * The source a record document describes, its text whole: the passages {@code searcher} finds for
   * it fill in what the record leaves to them. Null when the record was stored without its text.
   *
   * @throws IllegalStateException when those passages are not the ones the record was written with
   */
  public static Source read(Document doc, IndexSearcher searcher) throws IOException {
    if (doc.getField(Fields.SOURCE_LAYOUT) == null) {
      return read(doc);
    }
    return read(doc, passagesOf(searcher, doc.get(Fields.SOURCE)));
  }

  /**
   * Every source of the index {@code searcher} reads that keeps its text, by id: the records in one
   * pass, then the passages in another, each read in index order (a source's passages are mostly
   * consecutive), a source rebuilt as soon as its last passage is read.
   *
   * @throws IllegalStateException when a source's passages are not the ones its record was written
   *     with
   */
  public static Map<String, Source> readAll(IndexSearcher searcher) throws IOException {
    Map<String, Source> sources = new TreeMap<>();
    Map<String, Document> waiting = new HashMap<>();
    Map<String, SourceLayout> layouts = new HashMap<>();
    StoredFields records = SequentialStoredFields.of(searcher.getIndexReader());
    DocumentWalk.forEach(
        searcher,
        new TermQuery(new Term(Fields.TYPE, Fields.TYPE_SOURCE)),
        d -> {
          Document doc = records.document(d);
          BytesRef layout = doc.getBinaryValue(Fields.SOURCE_LAYOUT);
          if (layout == null) {
            Source s = read(doc);
            if (s != null) {
              sources.put(s.id(), s);
            }
          } else {
            waiting.put(doc.get(Fields.SOURCE), doc);
            layouts.put(doc.get(Fields.SOURCE), SourceLayout.decode(layout));
          }
        });
    if (waiting.isEmpty()) {
      return sources;
    }
    Map<String, List<Passage>> cut = new HashMap<>();
    StoredFields passages = SequentialStoredFields.of(searcher.getIndexReader());
    DocumentWalk.forEach(
        searcher,
        new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)),
        d -> {
          Passage p =
              PassageDocuments.passage(passages.document(d, PassageDocuments.PASSAGE_FIELDS));
          SourceLayout layout = layouts.get(p.source());
          if (layout == null) {
            return; // a source without a record, or one that keeps its text whole
          }
          List<Passage> read = cut.computeIfAbsent(p.source(), k -> new ArrayList<>());
          read.add(p);
          if (read.size() == layout.passages()) {
            sources.put(p.source(), read(waiting.remove(p.source()), read));
            cut.remove(p.source());
          }
        });
    // a source short of passages is read with those it has, which names what is missing
    for (Map.Entry<String, Document> w : waiting.entrySet()) {
      Source s = read(w.getValue(), cut.getOrDefault(w.getKey(), List.of()));
      if (s != null) {
        sources.put(s.id(), s);
      }
    }
    return sources;
  }

  /**
   * The source a record document that keeps its text whole describes, or null when it was stored
   * without its text.
   *
   * @throws IllegalStateException when the record keeps only the text between its passages
   */
  public static Source read(Document doc) {
    if (doc.getField(Fields.SOURCE_LAYOUT) != null) {
      throw new IllegalStateException(
          "source " + doc.get(Fields.SOURCE) + " is stored with its passages; read it with them");
    }
    return read(doc, List.of());
  }

  /**
   * The record document with its text whole in {@link Fields#SOURCE_TEXT}, as an index of format 2
   * stored it: the form another store keeps, which needs no passages to be read.
   */
  static Document whole(Document doc, IndexSearcher searcher) throws IOException {
    if (doc.getField(Fields.SOURCE_LAYOUT) == null) {
      return doc;
    }
    Source source = read(doc, searcher);
    Document out = new Document();
    for (IndexableField f : doc) {
      if (f.name().equals(Fields.SOURCE_TEXT_GAPS)) {
        out.add(new StoredField(Fields.SOURCE_TEXT, source.text()));
      } else if (!f.name().equals(Fields.SOURCE_LAYOUT)) {
        out.add(f);
      }
    }
    return out;
  }

  private static Source read(Document doc, List<Passage> passages) {
    BytesRef layout = doc.getBinaryValue(Fields.SOURCE_LAYOUT);
    String text =
        layout == null
            ? doc.get(Fields.SOURCE_TEXT)
            : SourceLayout.decode(layout)
                .rebuild(doc.get(Fields.SOURCE), doc.get(Fields.SOURCE_TEXT_GAPS), passages);
    OffsetMap offsets = offsets(doc);
    if (text == null || offsets == null) {
      return null;
    }
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
        offsets,
        doc.get(Fields.CONTENT_HASH),
        metadata);
  }

  /**
   * Where the passages of the source a record describes sit in its text, read with at least {@link
   * #LOCATION_FIELDS}; {@link PassageLocations#NONE} when the record keeps no text.
   */
  public static PassageLocations locations(Document doc) {
    OffsetMap offsets = offsets(doc);
    if (offsets == null) {
      return PassageLocations.NONE;
    }
    BytesRef layout = doc.getBinaryValue(Fields.SOURCE_LAYOUT);
    if (layout != null) {
      return PassageLocations.of(offsets, SourceLayout.decode(layout));
    }
    String text = doc.get(Fields.SOURCE_TEXT);
    return text == null ? PassageLocations.NONE : PassageLocations.of(text, offsets);
  }

  private static OffsetMap offsets(Document doc) {
    BytesRef runs = doc.getBinaryValue(Fields.SOURCE_OFFSET_RUNS);
    BytesRef ints = doc.getBinaryValue(Fields.SOURCE_OFFSETS);
    if (runs == null && ints == null) {
      return null;
    }
    // an index of format 1 kept one int per char
    return OffsetMap.of(runs != null ? OffsetRuns.decode(runs) : OffsetRuns.decodeInts(ints));
  }

  /**
   * The documents of one type ({@link Fields#TYPE_PASSAGE}, {@link Fields#TYPE_SOURCE}) that belong
   * to {@code source}.
   */
  public static Query documentsOf(String type, String source) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.TYPE, type)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.SOURCE, source)), BooleanClause.Occur.FILTER)
        .build();
  }

  // every passage of the source, read in index order so each stored block is inflated once
  private static List<Passage> passagesOf(IndexSearcher searcher, String source)
      throws IOException {
    StoredFields stored = SequentialStoredFields.of(searcher.getIndexReader());
    List<Passage> passages = new ArrayList<>();
    DocumentWalk.forEach(
        searcher,
        documentsOf(Fields.TYPE_PASSAGE, source),
        d ->
            passages.add(
                PassageDocuments.passage(stored.document(d, PassageDocuments.PASSAGE_FIELDS))));
    return passages;
  }
}
