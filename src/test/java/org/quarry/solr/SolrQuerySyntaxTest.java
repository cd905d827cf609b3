package org.quarry.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.junit.jupiter.api.Test;

/** Queries Quarry has analysed, written in Solr's standard syntax term by term. */
class SolrQuerySyntaxTest {
  private static TermQuery term(String field, String text) {
    return new TermQuery(new Term(field, text));
  }

  @Test
  void aTermIsItsFieldAndItsEscapedText() {
    assertEquals("text_lemma:nurse", SolrQuerySyntax.of(term("text_lemma", "nurse")));
    assertEquals("text:ics\\/stp", SolrQuerySyntax.of(term("text", "ics/stp")));
    assertEquals("participant:IDNS1.24", SolrQuerySyntax.of(term("participant", "IDNS1.24")));
  }

  @Test
  void booleanClausesKeepTheirOccurAndBoostsTheirWeight() {
    BooleanQuery q =
        new BooleanQuery.Builder()
            .add(new BoostQuery(term("text", "voice"), 0.3f), Occur.SHOULD)
            .add(term("text_lemma", "voice"), Occur.MUST)
            .add(term("kind", "interviewer"), Occur.MUST_NOT)
            .add(term("kind", "quote"), Occur.FILTER)
            .build();
    assertEquals(
        "((text:voice)^0.3 +text_lemma:voice -kind:interviewer +filter(kind:quote))",
        SolrQuerySyntax.of(q));
  }

  @Test
  void onlyProhibitedClausesMatchNothingAsInLucene() {
    BooleanQuery q = new BooleanQuery.Builder().add(term("text", "voice"), Occur.MUST_NOT).build();
    assertEquals("(-text:voice +(-*:*))", SolrQuerySyntax.of(q));
  }

  @Test
  void aPhraseKeepsItsSlop() {
    PhraseQuery p = new PhraseQuery(3, "text_lemma", "clinical", "director");
    assertEquals("text_lemma:\"clinical director\"~3", SolrQuerySyntax.of(p));
    assertEquals(
        "text_lemma:\"primary care\"",
        SolrQuerySyntax.of(new PhraseQuery("text_lemma", "primary", "care")));
  }

  @Test
  void aPhraseWithAGapIsRefusedRatherThanRankedOtherwise() {
    PhraseQuery gap =
        new PhraseQuery.Builder()
            .add(new Term("text", "care"), 0)
            .add(new Term("text", "system"), 2)
            .build();
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> SolrQuerySyntax.of(gap));
    assertTrue(e.getMessage().contains("gap"), e.getMessage());
  }

  @Test
  void wildcardsKeepTheirStarsAndEscapeTheRest() {
    assertEquals(
        "text_lemma:commission*",
        SolrQuerySyntax.of(new PrefixQuery(new Term("text_lemma", "commission"))));
    assertEquals(
        "text:f?o*\\:bar", SolrQuerySyntax.of(new WildcardQuery(new Term("text", "f?o*:bar"))));
  }

  @Test
  void aSynonymOfSeveralTermsIsRefusedAndOfOneIsTheTerm() {
    assertEquals(
        "text:gp",
        SolrQuerySyntax.of(
            new SynonymQuery.Builder("text").addTerm(new Term("text", "gp")).build()));
    SynonymQuery two =
        new SynonymQuery.Builder("text")
            .addTerm(new Term("text", "gp"))
            .addTerm(new Term("text", "doctor"))
            .build();
    assertThrows(UnsupportedOperationException.class, () -> SolrQuerySyntax.of(two));
  }

  @Test
  void aPassageAttributeIsItsDynamicField() {
    assertEquals("attr_role:GP", SolrQuerySyntax.of(term("role", "GP")));
    assertEquals(
        "attr_care_0020home:yes", SolrQuerySyntax.of(term("care home", "yes")), "any name");
    assertEquals("participant:P7", SolrQuerySyntax.of(term("participant", "P7")), "own fields");
  }

  @Test
  void everythingIsTheMatchAllQuery() {
    assertEquals("*:*", SolrQuerySyntax.of(new MatchAllDocsQuery()));
  }

  @Test
  void aCodeQueryIsScoredOnTheCodeFieldAndRefusesTheWordFields() {
    BooleanQuery q =
        new BooleanQuery.Builder()
            .add(new BoostQuery(term("text_lemma", "represent"), 1.25f), Occur.SHOULD)
            .add(new PhraseQuery("text_lemma", "one", "voice"), Occur.SHOULD)
            .add(term("kind", "quote"), Occur.MUST_NOT)
            .build();
    assertEquals(
        "((text_lemma_code:represent)^1.25 text_lemma_code:\"one voice\" -kind:quote)",
        SolrQuerySyntax.of(q, SolrScoringStore::codeField));
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> SolrQuerySyntax.of(term("text", "voice"), SolrScoringStore::codeField));
    assertTrue(e.getMessage().contains("field text cannot be scored in Solr"), e.getMessage());
  }

  @Test
  void aWildcardBecomesThePrefixAndRegularExpressionOfTheTermsComponent() {
    SolrScoringStore.WordPattern p = SolrScoringStore.WordPattern.of("represent*");
    assertEquals("represent", p.prefix());
    java.util.regex.Pattern r = java.util.regex.Pattern.compile(p.regex());
    assertTrue(r.matcher("representation").matches());
    assertTrue(r.matcher("represent").matches());
    assertTrue(!r.matcher("xrepresent").matches() && !r.matcher("repre").matches());
    SolrScoringStore.WordPattern q = SolrScoringStore.WordPattern.of("a.b?c\\*d*");
    assertEquals("a.b", q.prefix());
    java.util.regex.Pattern rq = java.util.regex.Pattern.compile(q.regex());
    assertTrue(rq.matcher("a.bxc*dzz").matches(), q.regex());
    assertTrue(!rq.matcher("axbxc*d").matches(), "a dot is a dot");
    assertTrue(!rq.matcher("a.bxcqd").matches(), "an escaped star is a star");
  }
}
