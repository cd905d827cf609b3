package org.quarry.search;

import java.util.Map;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.QuarryAnalyzer;
import org.quarry.index.Fields;

/**
 * Reads a query in Quarry's syntax into a Lucene query over passages, analysed as Quarry analyses
 * queries (lemmas, the glossary's synonyms): what a search runs, locally or sent to a SolrCloud
 * collection. It needs no index, only the glossary.
 */
public final class QueryReader {
  private final QuarryAnalyzer analyzer;
  private final Map<String, Float> boosts =
      Map.of(Fields.TEXT_LEMMA, 1.0f, Fields.TEXT, PassageSearcher.EXACT_BOOST);

  /** A reader of queries with {@code glossary}'s synonyms. */
  public QueryReader(Glossary glossary) {
    this.analyzer = QuarryAnalyzer.forQuerying(glossary);
  }

  /**
   * Parses {@code query} (no type, duplicate or facet filtering); blank is every passage.
   *
   * @throws QuerySyntaxException with a one-line message naming the position
   */
  public Query parse(String query) {
    if (query == null || query.isBlank()) {
      return new MatchAllDocsQuery();
    }
    int depth = PassageSearcher.nesting(query);
    if (depth > PassageSearcher.MAX_NESTING) {
      // the parser recurses once per level: refuse before it runs out of stack
      throw QueryErrors.tooDeep(depth);
    }
    QueryParser parser =
        new MultiFieldQueryParser(new String[] {Fields.TEXT_LEMMA, Fields.TEXT}, analyzer, boosts);
    parser.setSplitOnWhitespace(false);
    // a multi-word synonym (ICS => integrated care system) becomes a phrase, not three words
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    parser.setAllowLeadingWildcard(false);
    parser.setDefaultOperator(QueryParser.Operator.OR);
    try {
      return parser.parse(query);
    } catch (ParseException e) {
      throw QueryErrors.of(query, e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw QueryErrors.tooBroad(query);
    } catch (TooComplexToDeterminizeException e) {
      throw QueryErrors.tooComplexRegex(query);
    }
  }
}
