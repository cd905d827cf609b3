package org.quarry.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.quarry.analysis.LemmaTokenStream;
import org.quarry.analysis.QuarryAnalyzer;
import org.quarry.index.Fields;
import org.quarry.index.IndexedPassage;
import org.quarry.index.PassageDocuments;
import org.quarry.model.CodeScore;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;

/**
 * A passage as a document of Quarry's Solr configset ({@code solr/configset}) and back: the same
 * fields as the local index, the three text fields pre-analysed by Quarry (words, stems, CoreNLP
 * lemmas, with offsets), so the Solr nodes need neither CoreNLP nor Quarry.
 */
final class SolrPassages {
  /** Field of the worker share a passage was sent by ({@code --worker I/N}). */
  static final String WORKER = "worker";

  /** Field of the run that sent a passage, so a run can remove what it no longer sends. */
  static final String SENT_RUN = "sent_run";

  /**
   * The query of what {@code share} sent before and not in {@code run}: after a run, what its
   * share's sources no longer hold.
   */
  static String sentBefore(WorkerShare share, String run) {
    return WORKER + ":\"" + share + "\" AND -" + SENT_RUN + ":\"" + run + "\"";
  }

  /** Stored field of the passage's words as written (the analysed fields are not stored). */
  static final String WORDS = "words";

  /** The stored field holding the pre-analysed tokens of the analysed field {@code field}. */
  static String tokens(String field) {
    return field + "_tokens";
  }

  /** Fields of the configset with the names the local index gives them. */
  private static final java.util.Set<String> OWN_FIELDS =
      java.util.Set.of(
          Fields.ID,
          Fields.SOURCE,
          Fields.KIND,
          Fields.PARTICIPANT,
          Fields.SPEAKER,
          Fields.SECTION,
          Fields.CODE,
          Fields.ORIGIN,
          Fields.DUPLICATE,
          Fields.DUPLICATE_OF,
          Fields.START,
          Fields.END,
          Fields.TEXT,
          Fields.TEXT_STEM,
          Fields.TEXT_LEMMA);

  /**
   * The Solr field of a local index's field: its own name for the configset's fields, else a
   * passage attribute's dynamic field, {@code attr_} then the name with every character but ASCII
   * letters and digits written {@code _xxxx} (hex), so any attribute name makes a field name.
   */
  static String field(String name) {
    if (OWN_FIELDS.contains(name)) {
      return name;
    }
    StringBuilder f = new StringBuilder("attr_");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        f.append(c);
      } else {
        f.append(String.format(java.util.Locale.ROOT, "_%04x", (int) c));
      }
    }
    return f.toString();
  }

  private final Analyzer analyzer = QuarryAnalyzer.forIndexing();

  /** The Solr document of {@code indexed}. */
  SolrInputDocument toSolr(IndexedPassage indexed) {
    Passage p = indexed.passage();
    SolrInputDocument d = new SolrInputDocument();
    d.addField(Fields.ID, p.id());
    d.addField(Fields.SOURCE, p.source());
    d.addField(Fields.KIND, p.kind().label());
    TreeSet<String> participants = new TreeSet<>();
    if (p.participantCounted() != null && !p.participantCounted().isEmpty()) {
      participants.add(p.participantCounted());
    }
    participants.addAll(p.quoted());
    participants.forEach(v -> d.addField(Fields.PARTICIPANT, v));
    addIfAny(d, Fields.SPEAKER, p.speaker());
    addIfAny(d, Fields.SECTION, p.section());
    p.quoted().forEach(q -> d.addField(Fields.QUOTED, q));
    d.addField(Fields.START, p.start());
    d.addField(Fields.END, p.end());
    new TreeMap<>(p.attributes())
        .forEach(
            (k, v) -> {
              d.addField(Fields.ATTRIBUTES, k + "\t" + v);
              if (v != null && !v.isEmpty()) {
                d.addField(field(k), v); // searchable and counted, as locally
              }
            });
    TreeSet<String> origins = new TreeSet<>();
    for (CodeScore c : indexed.codes()) {
      d.addField(Fields.CODE, c.code());
      d.addField(Fields.CODE_SCORES, codeScore(c));
      origins.add(c.origin());
    }
    origins.forEach(o -> d.addField(Fields.ORIGIN, o));
    if (indexed.duplicateOf() != null) {
      d.addField(Fields.DUPLICATE_OF, indexed.duplicateOf());
      d.addField(Fields.DUPLICATE, "true");
    }
    d.addField(WORDS, p.text());
    // each analysed field's tokens go in a stored field the schema copies into it, so that an
    // atomic update, which rebuilds the document from stored fields, keeps them
    d.addField(
        tokens(Fields.TEXT), PreAnalyzedJson.of(analyzer.tokenStream(Fields.TEXT, p.text())));
    d.addField(
        tokens(Fields.TEXT_STEM),
        PreAnalyzedJson.of(analyzer.tokenStream(Fields.TEXT_STEM, p.text())));
    d.addField(
        tokens(Fields.TEXT_LEMMA),
        PreAnalyzedJson.of(new LemmaTokenStream(indexed.annotation(), p.text().length())));
    // stored only: the hit is highlighted by Quarry, from its own words and lemmas
    d.addField(Fields.ANNOTATION, PassageDocuments.annotationText(indexed));
    return d;
  }

  /**
   * The atomic update that sets a passage's code fields to {@code codes} and keeps the rest of the
   * document; {@code _version_} 1 makes Solr refuse it when the collection lacks the passage,
   * instead of creating a document of codes alone.
   */
  static SolrInputDocument codeUpdate(String id, List<CodeScore> codes) {
    SolrInputDocument d = new SolrInputDocument();
    d.addField(Fields.ID, id);
    d.addField("_version_", 1L);
    List<String> code = new ArrayList<>();
    List<String> scores = new ArrayList<>();
    TreeSet<String> origins = new TreeSet<>();
    for (CodeScore c : codes) {
      code.add(c.code());
      scores.add(codeScore(c));
      origins.add(c.origin());
    }
    d.addField(Fields.CODE, set(code));
    d.addField(Fields.CODE_SCORES, set(scores));
    d.addField(Fields.ORIGIN, set(new ArrayList<>(origins)));
    return d;
  }

  // a stored code_scores value: code TAB score TAB origin (read back by codes())
  private static String codeScore(CodeScore c) {
    return c.code() + "\t" + c.score() + "\t" + c.origin();
  }

  // Solr's atomic "set"; null removes the field
  private static Map<String, Object> set(List<String> values) {
    Map<String, Object> op = new java.util.HashMap<>();
    op.put("set", values.isEmpty() ? null : values);
    return op;
  }

  private static void addIfAny(SolrInputDocument d, String field, String value) {
    if (value != null && !value.isEmpty()) {
      d.addField(field, value);
    }
  }

  /** The passage of a Solr document holding the stored fields of {@link #toSolr}. */
  static Passage passage(SolrDocument d) {
    if (d.getFirstValue(WORDS) == null) {
      // a collection of an earlier configset kept the words in the analysed field itself
      throw new IllegalArgumentException(
          "passage "
              + d.getFirstValue(Fields.ID)
              + " in Solr has no stored words: the collection was made by an earlier Quarry;"
              + " make it again with quarry solr create-collection and send the index");
    }
    Map<String, String> attributes = new TreeMap<>();
    for (String a : strings(d, Fields.ATTRIBUTES)) {
      int tab = a.indexOf('\t');
      attributes.put(a.substring(0, tab), a.substring(tab + 1));
    }
    return new Passage(
        (String) d.getFirstValue(Fields.ID),
        (String) d.getFirstValue(Fields.SOURCE),
        PassageKind.parse((String) d.getFirstValue(Fields.KIND)),
        (String) d.getFirstValue(Fields.SPEAKER),
        (String) d.getFirstValue(Fields.SECTION),
        ((Number) d.getFirstValue(Fields.START)).intValue(),
        ((Number) d.getFirstValue(Fields.END)).intValue(),
        (String) d.getFirstValue(WORDS),
        attributes,
        strings(d, Fields.QUOTED));
  }

  /** The passage, annotation, codes and near-duplicate mark of a Solr document. */
  static IndexedPassage indexed(SolrDocument d) {
    Passage p = passage(d);
    String annotation = (String) d.getFirstValue(Fields.ANNOTATION);
    if (annotation == null) {
      throw new IllegalArgumentException(
          "passage "
              + p.id()
              + " in Solr has no annotation; send it again with quarry index --solr");
    }
    return new IndexedPassage(
        p,
        PassageDocuments.annotationOfText(annotation, p.text()),
        codes(d),
        (String) d.getFirstValue(Fields.DUPLICATE_OF));
  }

  /** The codes of a Solr document, in the order the local index gives them. */
  static List<CodeScore> codes(SolrDocument d) {
    List<CodeScore> codes = new ArrayList<>();
    for (String v : strings(d, Fields.CODE_SCORES)) {
      String[] f = v.split("\t", 3);
      codes.add(new CodeScore(f[0], Double.parseDouble(f[1]), f[2]));
    }
    codes.sort(IndexedPassage.CODE_ORDER);
    return codes;
  }

  private static List<String> strings(SolrDocument d, String field) {
    var values = d.getFieldValues(field);
    List<String> out = new ArrayList<>();
    if (values != null) {
      values.forEach(v -> out.add((String) v));
    }
    return out;
  }
}
