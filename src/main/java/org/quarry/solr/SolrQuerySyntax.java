package org.quarry.solr;

import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * Writes a query Quarry has parsed and analysed (lemmas, glossary synonyms) in Solr's standard
 * query syntax, term by term, so Solr searches Quarry's own terms: its query analyzer only splits
 * on white space, and every term here is one token. What this syntax cannot say exactly is refused
 * with an {@link UnsupportedOperationException} naming the query, rather than sent as something
 * that ranks or counts differently.
 */
final class SolrQuerySyntax {
  /** {@code query} in Solr's standard syntax. */
  static String of(Query query) {
    return of(query, SolrPassages::field);
  }

  /**
   * {@code query} in Solr's standard syntax, each field written as {@code fields} names it in Solr
   * (which may refuse one with an {@link UnsupportedOperationException}).
   */
  static String of(Query query, java.util.function.UnaryOperator<String> fields) {
    StringBuilder out = new StringBuilder();
    new SolrQuerySyntax(fields).write(query, out);
    return out.toString();
  }

  private final java.util.function.UnaryOperator<String> fields;

  private SolrQuerySyntax(java.util.function.UnaryOperator<String> fields) {
    this.fields = fields;
  }

  private void write(Query q, StringBuilder out) {
    if (q instanceof TermQuery t) {
      term(t.getTerm(), out);
    } else if (q instanceof BooleanQuery b) {
      bool(b, out);
    } else if (q instanceof BoostQuery b) {
      out.append('(');
      write(b.getQuery(), out);
      out.append(")^").append(number(b.getBoost()));
    } else if (q instanceof PhraseQuery p) {
      phrase(p, out);
    } else if (q instanceof SynonymQuery s && s.getTerms().size() == 1) {
      term(s.getTerms().get(0), out);
    } else if (q instanceof PrefixQuery p) {
      out.append(fields.apply(p.getField()))
          .append(':')
          .append(ClientUtils.escapeQueryChars(p.getPrefix().text()))
          .append('*');
    } else if (q instanceof WildcardQuery w) {
      out.append(fields.apply(w.getField())).append(':').append(wildcard(w.getTerm().text()));
    } else if (q instanceof FuzzyQuery f && f.getPrefixLength() == 0 && f.getTranspositions()) {
      term(f.getTerm(), out);
      out.append('~').append(f.getMaxEdits());
    } else if (q instanceof RegexpQuery r) {
      out.append(fields.apply(r.getField()))
          .append(":/")
          .append(r.getRegexp().text().replace("/", "\\/"))
          .append('/');
    } else if (q instanceof TermRangeQuery r) {
      out.append(fields.apply(r.getField()))
          .append(':')
          .append(r.includesLower() ? '[' : '{')
          .append(r.getLowerTerm() == null ? "*" : quoted(r.getLowerTerm().utf8ToString()))
          .append(" TO ")
          .append(r.getUpperTerm() == null ? "*" : quoted(r.getUpperTerm().utf8ToString()))
          .append(r.includesUpper() ? ']' : '}');
    } else if (q instanceof MatchAllDocsQuery) {
      out.append("*:*");
    } else if (q instanceof MatchNoDocsQuery) {
      out.append("(-*:*)");
    } else {
      throw new UnsupportedOperationException(
          "this part of the query cannot be searched in Solr yet: " + q);
    }
  }

  private void term(Term t, StringBuilder out) {
    out.append(fields.apply(t.field())).append(':').append(ClientUtils.escapeQueryChars(t.text()));
  }

  private void bool(BooleanQuery b, StringBuilder out) {
    if (b.getMinimumNumberShouldMatch() > 0) {
      throw new UnsupportedOperationException(
          "a minimum number of optional clauses cannot be searched in Solr yet: " + b);
    }
    out.append('(');
    boolean first = true;
    boolean positive = false;
    for (BooleanClause c : b.clauses()) {
      out.append(first ? "" : " ");
      first = false;
      switch (c.occur()) {
        case MUST -> out.append('+');
        case MUST_NOT -> out.append('-');
        case FILTER -> out.append("+filter(");
        case SHOULD -> {}
      }
      positive |= c.occur() != BooleanClause.Occur.MUST_NOT;
      write(c.query(), out);
      if (c.occur() == BooleanClause.Occur.FILTER) {
        out.append(')');
      }
    }
    if (!positive) {
      // Lucene matches nothing with only prohibited clauses; so does this
      out.append(first ? "" : " ").append("+(-*:*)");
    }
    out.append(')');
  }

  private void phrase(PhraseQuery p, StringBuilder out) {
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    for (int i = 1; i < positions.length; i++) {
      if (positions[i] != positions[i - 1] + 1) {
        throw new UnsupportedOperationException(
            "a phrase with a gap between its words cannot be searched in Solr yet: " + p);
      }
    }
    if (terms.length == 0) {
      out.append("(-*:*)");
      return;
    }
    out.append(fields.apply(terms[0].field())).append(":\"");
    for (int i = 0; i < terms.length; i++) {
      out.append(i == 0 ? "" : " ")
          .append(terms[i].text().replace("\\", "\\\\").replace("\"", "\\\""));
    }
    out.append('"');
    if (p.getSlop() > 0) {
      out.append('~').append(p.getSlop());
    }
  }

  private static String wildcard(String pattern) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?') {
        s.append(c);
      } else if (c == '\\' && i + 1 < pattern.length()) {
        s.append(ClientUtils.escapeQueryChars(String.valueOf(pattern.charAt(++i))));
      } else {
        s.append(ClientUtils.escapeQueryChars(String.valueOf(c)));
      }
    }
    return s.toString();
  }

  private static String quoted(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String number(float f) {
    return String.format(Locale.ROOT, "%s", f);
  }
}
