package org.quarry.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.QuarryAnalyzer;
import org.quarry.index.Fields;
import org.quarry.model.Code;

/**
 * Turns a code's lexicon into one Lucene query over the lemma field: each term a clause (a word
 * through the same query analyzer as search, so lemmas and glossary synonyms apply; several words a
 * phrase; {@code *}/{@code ?} a wildcard on lemmas, also as words of a phrase, {@code "human
 * subject*"}, see {@link WildcardPhraseQuery}), the raw {@code query} one more clause, and every
 * {@code exclude} entry a veto.
 *
 * <p>Wildcards rewrite to at most {@value #WILDCARD_TERMS} terms scored like one blended term, so
 * {@code system*} weighs about what one word weighs instead of a constant 1.0 (which would not be
 * comparable with BM25 scores of plain words).
 */
public final class CodeQueryBuilder {
  /** Most index terms one wildcard entry expands to. */
  public static final int WILDCARD_TERMS = 64;

  /**
   * Most words a wildcard word of a phrase ({@code "human subject*"}) may match in one segment of
   * the index; more is an error that names the term. A wildcard word stands for a word family
   * (subject, subjective, subjectivity), which has a handful of lemmas; past 128 (Lucene's {@code
   * Intervals.DEFAULT_MAX_EXPANSIONS}) the prefix is too short to name one, and every passage would
   * be checked against hundreds of words' positions. Unlike a single-word wildcard, which keeps its
   * {@value #WILDCARD_TERMS} most frequent words, an interval phrase cannot drop words without
   * missing matches, so it refuses instead.
   */
  public static final int PHRASE_WILDCARD_TERMS = 128;

  private final Analyzer analyzer;

  /** A builder applying {@code glossary}'s synonyms (as search does). */
  public CodeQueryBuilder(Glossary glossary) {
    this.analyzer = QuarryAnalyzer.forQuerying(glossary);
  }

  /**
   * One lexicon entry of a code, with its query.
   *
   * @param term the entry as written in the codebook
   * @param query its query on the lemma field
   */
  public record Entry(String term, Query query) {}

  /**
   * A code's queries.
   *
   * @param code the code
   * @param entries one per term, then the raw query (if any) under its own text
   * @param excludes one per exclude entry
   * @param query all entries OR-ed (at least one must match), excludes as MUST_NOT
   */
  public record CodeQuery(Code code, List<Entry> entries, List<Entry> excludes, Query query) {
    public CodeQuery {
      entries = List.copyOf(entries);
      excludes = List.copyOf(excludes);
    }
  }

  /**
   * The query of {@code code}.
   *
   * @throws IllegalArgumentException naming the term or query that cannot be used
   */
  public CodeQuery build(Code code) {
    List<Entry> entries = new ArrayList<>();
    for (String t : code.terms()) {
      entries.add(new Entry(t, term(t)));
    }
    if (code.query() != null && !code.query().isBlank()) {
      entries.add(new Entry(code.query(), raw(code.query())));
    }
    List<Entry> excludes = new ArrayList<>();
    for (String t : code.exclude()) {
      excludes.add(new Entry(t, term(t)));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Entry e : entries) {
      b.add(e.query(), BooleanClause.Occur.SHOULD);
    }
    for (Entry e : excludes) {
      b.add(e.query(), BooleanClause.Occur.MUST_NOT);
    }
    // callers that filter wrap this query as a MUST clause, so its SHOULD clauses stay a
    // disjunction (a FILTER clause next to them would make them optional)
    Query q =
        entries.isEmpty() ? new MatchNoDocsQuery("code " + code.id() + " has no terms") : b.build();
    return new CodeQuery(code, entries, excludes, q);
  }

  /**
   * The query of one lexicon entry: a word, a phrase (several words), a single-word wildcard or a
   * phrase with wildcard words ({@code "follow up question*"}).
   *
   * @throws IllegalArgumentException with the reason, when the entry matches nothing by
   *     construction (no letters or digits, only punctuation) or is a wildcard Quarry refuses (a
   *     leading wildcard; a wildcard word of a phrase with symbols in it)
   */
  public Query term(String term) {
    String t = term == null ? "" : term.strip();
    if (t.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new IllegalArgumentException(
          "term '" + term + "' has no letters or digits, so it matches nothing");
    }
    boolean wildcard = t.indexOf('*') >= 0 || t.indexOf('?') >= 0;
    // anything but one plain word (two words, "place-based") is a phrase, so its parts must all
    // occur, in order, rather than any one of them
    boolean words =
        !t.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '*' || cp == '?');
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1).strip();
      words = true;
    }
    if (wildcard && t.codePoints().anyMatch(Character::isWhitespace)) {
      return wildcardPhrase(t, term);
    }
    if (wildcard) {
      return wildcard(t, term);
    }
    String text = words ? "\"" + escapePhrase(t) + "\"" : QueryParser.escape(t);
    Query q = parse(text, term);
    if (isEmpty(q)) {
      throw new IllegalArgumentException(
          "term '"
              + term
              + "' is only punctuation or symbols after analysis, so it matches nothing");
    }
    return q;
  }

  // a single-word wildcard on lemmas, lower-cased as the lemma field's terms are (Lemmas
  // lower-cases
  // with Locale.ROOT; wildcard words skip analysis, so they are not lemmatised)
  private static Query wildcard(String word, String asWritten) {
    if (word.startsWith("*") || word.startsWith("?")) {
      throw new IllegalArgumentException(
          "term '" + asWritten + "' starts with a wildcard, which scans every word of the index");
    }
    return new WildcardQuery(
        new Term(Fields.TEXT_LEMMA, word.toLowerCase(Locale.ROOT)),
        org.apache.lucene.util.automaton.Operations.DEFAULT_DETERMINIZE_WORK_LIMIT,
        new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(WILDCARD_TERMS));
  }

  // a phrase with wildcard words ("follow up question*"): its runs of plain words analysed as any
  // phrase is (lemmas, glossary synonyms), each wildcard word a wildcard on lemmas, all in a row
  private Query wildcardPhrase(String phrase, String asWritten) {
    List<IntervalsSource> sources = new ArrayList<>();
    List<Query> parts = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (String word : phrase.split("\\s+")) {
      if (word.indexOf('*') < 0 && word.indexOf('?') < 0) {
        run.append(run.isEmpty() ? "" : " ").append(word);
        continue;
      }
      addRun(run.toString(), asWritten, sources, parts);
      run.setLength(0);
      if (!word.codePoints()
          .allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '*' || cp == '?')) {
        throw new IllegalArgumentException(
            "term '"
                + asWritten
                + "' has a wildcard in '"
                + word
                + "', which is not one word of letters and digits (write its parts apart, e.g. 'follow up*')");
      }
      Query w = wildcard(word, asWritten);
      sources.add(Intervals.wildcard(((WildcardQuery) w).getTerm().bytes(), PHRASE_WILDCARD_TERMS));
      parts.add(w);
    }
    addRun(run.toString(), asWritten, sources, parts);
    IntervalsSource source =
        sources.size() == 1
            ? sources.get(0)
            : Intervals.phrase(sources.toArray(IntervalsSource[]::new));
    return new WildcardPhraseQuery(asWritten, Fields.TEXT_LEMMA, source, parts);
  }

  // plain words of a wildcard phrase; a run of punctuation alone is dropped, as the tokenizer drops
  // it
  private void addRun(
      String run, String asWritten, List<IntervalsSource> sources, List<Query> parts) {
    if (run.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return;
    }
    Query q = parse("\"" + escapePhrase(run) + "\"", asWritten);
    if (isEmpty(q)) {
      return;
    }
    try {
      sources.add(Intervals.analyzedText(run, analyzer, Fields.TEXT_LEMMA, 0, true));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("analysing a string cannot fail", e);
    }
    parts.add(q);
  }

  /**
   * A raw query in Quarry's search syntax; bare words search the lemma field.
   *
   * @throws IllegalArgumentException with the parser's reason in one line
   */
  public Query raw(String query) {
    Query q = parse(query, query);
    if (isEmpty(q)) {
      throw new IllegalArgumentException("query '" + query + "' matches nothing");
    }
    return q;
  }

  /**
   * The lemmas of a lexicon entry as the lemma field holds them, joined by spaces ({@code "clinical
   * directors"} gives {@code clinical director}); a wildcard entry lower-cased as is.
   */
  public static String lemmas(String term) {
    String t = term.strip();
    if (t.indexOf('*') >= 0 || t.indexOf('?') >= 0) {
      return t.toLowerCase(Locale.ROOT);
    }
    List<String> out = new ArrayList<>();
    try (QuarryAnalyzer a = QuarryAnalyzer.forIndexing();
        org.apache.lucene.analysis.TokenStream ts = a.tokenStream(Fields.TEXT_LEMMA, t)) {
      org.apache.lucene.analysis.tokenattributes.CharTermAttribute word =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(word.toString());
      }
      ts.end();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("analysing a string cannot fail", e);
    }
    return String.join(" ", out);
  }

  private Query parse(String text, String asWritten) {
    QueryParser parser = new QueryParser(Fields.TEXT_LEMMA, analyzer);
    parser.setSplitOnWhitespace(false);
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    parser.setAllowLeadingWildcard(false);
    parser.setDefaultOperator(QueryParser.Operator.OR);
    parser.setMultiTermRewriteMethod(
        new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(WILDCARD_TERMS));
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      throw new IllegalArgumentException(
          "'"
              + asWritten
              + "' is not valid query syntax: "
              + (nl < 0 ? m : m.substring(0, nl)).strip(),
          e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new IllegalArgumentException("'" + asWritten + "' expands to too many clauses", e);
    }
  }

  private static boolean isEmpty(Query q) {
    return q == null
        || q instanceof MatchNoDocsQuery
        || (q instanceof BooleanQuery b && b.clauses().isEmpty());
  }

  private static String escapePhrase(String words) {
    StringBuilder sb = new StringBuilder(words.length());
    for (int i = 0; i < words.length(); i++) {
      char c = words.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
