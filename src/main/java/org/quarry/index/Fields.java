package org.quarry.index;

import java.util.List;
import java.util.Set;
import org.quarry.analysis.QuarryAnalyzer;

/**
 * Every field name of a Quarry index, in one place.
 *
 * <p>The index holds these types of document ({@link #TYPE}): one per passage ({@link
 * #TYPE_PASSAGE}), one record per source ({@link #TYPE_SOURCE}) with its content hash, which lets
 * re-indexing skip unchanged files, and, for a source a person coded (in a QDA tool, or by
 * accepting or rejecting suggestions), one document with the exact spans of its human codings and
 * the researcher's decisions ({@link #TYPE_CODINGS}). All carry {@link #SOURCE}, so deleting by
 * source removes a file's passages, record and codings together (the {@link Indexer} puts the
 * decisions back). An imported project also has one document with its cases ({@link #TYPE_CASES}),
 * which belongs to the project file ({@link #CASES_OF}), not to a source.
 *
 * <p>Participant and file attributes (role, region, …) are indexed under their own name, as a
 * keyword field ({@code role:GP}) and a facet dimension ({@code role}); names in {@link #RESERVED}
 * cannot be attributes.
 */
public final class Fields {
  private Fields() {}

  /** Document type: {@link #TYPE_PASSAGE} or {@link #TYPE_SOURCE}; keyword. */
  public static final String TYPE = "type";

  /** {@link #TYPE} of a passage document. */
  public static final String TYPE_PASSAGE = "passage";

  /** {@link #TYPE} of a source record. */
  public static final String TYPE_SOURCE = "source";

  /**
   * {@link #TYPE} of the document keeping a source's human codings with their exact spans (passages
   * only say which codes they overlap; export and eval need the words coded) and the researcher's
   * decisions on its passages ({@link KeptCodings}).
   */
  public static final String TYPE_CODINGS = "codings";

  /**
   * {@link #TYPE} of the document keeping an imported project's cases with their GUIDs and
   * variables (a case no source refers to has no passage to carry it).
   */
  public static final String TYPE_CASES = "cases";

  /** Passage id: keyword, stored, sorted doc values (the tie-break of every ranking). */
  public static final String ID = "id";

  /** Source id: keyword, stored, facet. */
  public static final String SOURCE = "source";

  /** Passage kind label ({@code quote}, {@code turn}, …): keyword, stored, facet. */
  public static final String KIND = "kind";

  /** Participant code: keyword, stored, facet; absent when no one is attributed. */
  public static final String PARTICIPANT = "participant";

  /**
   * Passage: who speaks it, keyword and facet: the participant, or the interviewer of an
   * interviewer's turn (who is in no {@link #PARTICIPANT} field or facet); stored.
   */
  public static final String SPEAKER = "speaker";

  /**
   * Participants whose quotes a narrative passage's paragraph holds: stored, and counted in the
   * {@link #PARTICIPANT} facet (not in its keyword field, so {@code participant:X} stays exact).
   */
  public static final String QUOTED = "quoted";

  /**
   * Passage: sorted doc values of its source id and zero-padded start, so that hits can come in
   * reading order (source by source, each from its beginning); not stored.
   */
  public static final String READING_ORDER = "reading_order";

  /** Section heading: keyword, stored, facet; absent outside sections. */
  public static final String SECTION = "section";

  /** Exact words: stored, positions and offsets (the highlighted field). */
  public static final String TEXT = QuarryAnalyzer.TEXT;

  /** English stems. */
  public static final String TEXT_STEM = QuarryAnalyzer.TEXT_STEM;

  /** CoreNLP lemmas, with the words' offsets. */
  public static final String TEXT_LEMMA = QuarryAnalyzer.TEXT_LEMMA;

  /** Code id attached to the passage: keyword, multi-valued, facet. */
  public static final String CODE = "code";

  /**
   * Origin of an attached code ({@code suggested}, {@code human}): keyword, multi-valued, facet (so
   * {@code --filter origin=human} drills down to passages a person coded).
   */
  public static final String ORIGIN = "origin";

  /** Stored codes with score and origin, one {@code code TAB score TAB origin} per value. */
  public static final String CODE_SCORES = "code_scores";

  /** Id of the earlier source this passage's source nearly duplicates: keyword, stored. */
  public static final String DUPLICATE_OF = "duplicate_of";

  /** {@code true} on passages of a near-duplicate source: keyword. */
  public static final String DUPLICATE = "duplicate";

  /** Passage start in the source file (code points): stored. */
  public static final String START = "start";

  /** Passage end in the source file (code points): stored. */
  public static final String END = "end";

  /** Stored {@link org.quarry.analysis.LemmaAnnotation}, so documents rebuild without CoreNLP. */
  public static final String ANNOTATION = "annotation";

  /** Stored attributes, one {@code name TAB value} per value. */
  public static final String ATTRIBUTES = "attributes";

  /** Source record: its source id, keyword (unique per record, for updating it in place). */
  public static final String RECORD = "record";

  /** Source record: the file's path as read, stored. */
  public static final String PATH = "path";

  /** Source record: hex SHA-256 of the file's bytes, keyword, stored. */
  public static final String CONTENT_HASH = "content_hash";

  /** Source record: source kind label, stored. */
  public static final String SOURCE_KIND = "source_kind";

  /** Source record: near-duplicate signature, stored bytes. */
  public static final String SIGNATURE = "signature";

  /** Source record: number of passages, stored. */
  public static final String PASSAGE_COUNT = "passage_count";

  /** Source record: the folder the source was found under (scopes removal of missing files). */
  public static final String ROOT = "root";

  /**
   * Source record of an index of format 2 or older: the normalised text Quarry keeps for the source
   * (exports carry it), whole; read, no longer written ({@link #SOURCE_TEXT_GAPS}).
   */
  public static final String SOURCE_TEXT = "source_text";

  /**
   * Source record: the normalised text Quarry keeps for the source less the passages that store the
   * same chars, which {@link #SOURCE_LAYOUT} places.
   */
  public static final String SOURCE_TEXT_GAPS = "source_text_gaps";

  /** Source record: where each passage sits in the normalised text ({@link SourceLayout}). */
  public static final String SOURCE_LAYOUT = "source_layout";

  /**
   * Source record of an index of format 1: the offset map from the kept text to the file as read,
   * one int per char; read, no longer written ({@link #SOURCE_OFFSET_RUNS}).
   */
  public static final String SOURCE_OFFSETS = "source_offsets";

  /** Source record: the offset map from the kept text to the file as read, as runs. */
  public static final String SOURCE_OFFSET_RUNS = "source_offset_runs";

  /** Source record: the source's metadata (front matter), as JSON. */
  public static final String SOURCE_METADATA = "source_metadata";

  /** Codings document: its source id, keyword (unique per document, for replacing it). */
  public static final String CODINGS_OF = "codings_of";

  /**
   * Codings document: the source's human codings as a JSON array of {@code {"start", "end", "code",
   * "score", "origin"}}, offsets in code points of the source file as read; stored.
   */
  public static final String CODINGS = "codings";

  /**
   * Codings document: the researcher's accept and reject decisions as a JSON array of {@code
   * {"start", "end", "code", "accepted", "text", "applied"}}, offsets of the passage decided on in
   * code points of the source file as read, {@code text} its words; stored. Absent in indexes
   * written before decisions were kept.
   */
  public static final String DECISIONS = "decisions";

  /** Cases document: the project file it was imported from, keyword (for replacing it). */
  public static final String CASES_OF = "cases_of";

  /**
   * Cases document: the project's cases as a JSON array of {@code {"id", "guid", "attributes"}};
   * stored.
   */
  public static final String CASES = "cases";

  /** Facet dimensions every passage index has; attribute dimensions come on top. */
  public static final List<String> FIXED_FACETS =
      List.of(PARTICIPANT, SPEAKER, SOURCE, KIND, SECTION, CODE, ORIGIN);

  /** Names an attribute may not take. */
  public static final Set<String> RESERVED =
      Set.of(
          TYPE,
          ID,
          SOURCE,
          KIND,
          PARTICIPANT,
          SPEAKER,
          QUOTED,
          SECTION,
          TEXT,
          TEXT_STEM,
          TEXT_LEMMA,
          CODE,
          ORIGIN,
          CODE_SCORES,
          DUPLICATE_OF,
          DUPLICATE,
          START,
          END,
          ANNOTATION,
          ATTRIBUTES,
          READING_ORDER,
          PATH,
          CONTENT_HASH,
          SOURCE_KIND,
          SIGNATURE,
          PASSAGE_COUNT,
          RECORD,
          ROOT,
          SOURCE_TEXT,
          SOURCE_TEXT_GAPS,
          SOURCE_LAYOUT,
          SOURCE_OFFSETS,
          SOURCE_OFFSET_RUNS,
          SOURCE_METADATA,
          CODINGS_OF,
          CODINGS,
          DECISIONS,
          CASES_OF,
          CASES,
          "$facets");
}
