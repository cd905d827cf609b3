package org.quarry.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
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
 * through the same query analyzer as search, so lemmas and glossary synonyms apply; several words
 * a phrase; {@code *}/{@code ?} a wildcard on lemmas), the raw {@code query} one more clause, and
 * every {@code exclude} entry a veto.
 *
 * <p>Wildcards rewrite to at most {@value #WILDCARD_TERMS} terms scored like one blended term, so
 * {@code system*} weighs about what one word weighs instead of a constant 1.0 (which would not be
 * comparable with BM25 scores of plain words).
 */
public final class CodeQueryBuilder {
  /** Most index terms one wildcard entry expands to. */
  public static final int WILDCARD_TERMS = 64;

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
    Query q = entries.isEmpty() ? new MatchNoDocsQuery("code " + code.id() + " has no terms") : b.build();
    return new CodeQuery(code, entries, excludes, q);
  }

  /**
   * The query of one lexicon entry: a word, a phrase (several words) or a single-word wildcard.
   *
   * @throws IllegalArgumentException with the reason, when the entry matches nothing by
   *     construction (no letters or digits, only punctuation) or is a wildcard Quarry refuses
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
    boolean words = !t.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '*' || cp == '?');
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1).strip();
      words = true;
    }
    if (wildcard && t.codePoints().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "term '" + term + "' puts a wildcard in a phrase; wildcards work in single words"
              + " (write the phrase as a raw 'query' instead)");
    }
    if (wildcard) {
      if (t.startsWith("*") || t.startsWith("?")) {
        throw new IllegalArgumentException(
            "term '" + term + "' starts with a wildcard, which scans every word of the index");
      }
      WildcardQuery w =
          new WildcardQuery(
              new Term(Fields.TEXT_LEMMA, t.toLowerCase(Locale.ROOT)),
              org.apache.lucene.util.automaton.Operations.DEFAULT_DETERMINIZE_WORK_LIMIT,
              new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(WILDCARD_TERMS));
      return w;
    }
    String text = words ? "\"" + escapePhrase(t) + "\"" : QueryParser.escape(t);
    Query q = parse(text, term);
    if (isEmpty(q)) {
      throw new IllegalArgumentException(
          "term '" + term + "' is only punctuation or symbols after analysis, so it matches nothing");
    }
    return q;
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
   * The lemmas of a lexicon entry as the lemma field holds them, joined by spaces ({@code
   * "clinical directors"} gives {@code clinical director}); a wildcard entry lower-cased as is.
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
    parser.setMultiTermRewriteMethod(new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(WILDCARD_TERMS));
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      throw new IllegalArgumentException(
          "'" + asWritten + "' is not valid query syntax: " + (nl < 0 ? m : m.substring(0, nl)).strip(), e);
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
