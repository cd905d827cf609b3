package org.quarry.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Quarry's analysis, per field.
 *
 * <ul>
 *   <li>{@value #TEXT}: exact words: standard tokenizer, acronym plurals folded, lower case.
 *   <li>{@value #TEXT_STEM}: English stems: possessives dropped, acronym plurals folded, lower
 *       case, Porter stemmer.
 *   <li>{@value #TEXT_LEMMA}: lemmas. At index time the field is built from a stored {@link
 *       LemmaAnnotation} (see {@link LemmaTokenStream}); this analyzer's chain for it is the
 *       model-free query path: acronym plurals folded, untagged lemma, lower case.
 *   <li>any other field: one keyword token, as written.
 * </ul>
 *
 * The query analyzer ({@link #forQuerying}) adds the glossary's synonyms to the exact and lemma
 * chains with a {@link SynonymGraphFilter}, so multi-word synonyms become phrase queries.
 */
public final class QuarryAnalyzer extends Analyzer {
  /** Field of exact words, stored, with offsets. */
  public static final String TEXT = "text";

  /** Field of English stems. */
  public static final String TEXT_STEM = "text_stem";

  /** Field of lemmas. */
  public static final String TEXT_LEMMA = "text_lemma";

  /** The token chains of the text fields, without synonyms. */
  enum Chain {
    EXACT,
    STEM,
    LEMMA
  }

  private final SynonymMap exactSynonyms;
  private final SynonymMap lemmaSynonyms;

  private QuarryAnalyzer(SynonymMap exactSynonyms, SynonymMap lemmaSynonyms) {
    super(PER_FIELD_REUSE_STRATEGY);
    this.exactSynonyms = exactSynonyms;
    this.lemmaSynonyms = lemmaSynonyms;
  }

  /** The analyzer for writing documents: no synonyms. */
  public static QuarryAnalyzer forIndexing() {
    return new QuarryAnalyzer(null, null);
  }

  /** The analyzer for parsing queries: the glossary's synonyms on the exact and lemma fields. */
  public static QuarryAnalyzer forQuerying(Glossary glossary) {
    if (glossary.isEmpty()) {
      return forIndexing();
    }
    return new QuarryAnalyzer(
        glossary.synonymMap(chain(Chain.EXACT)), glossary.synonymMap(chain(Chain.LEMMA)));
  }

  /** True for the analysed text fields; all others are keywords. */
  public static boolean isTextField(String field) {
    return TEXT.equals(field) || TEXT_STEM.equals(field) || TEXT_LEMMA.equals(field);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    switch (fieldName) {
      case TEXT -> {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(
            source, withSynonyms(filters(Chain.EXACT, source), exactSynonyms));
      }
      case TEXT_STEM -> {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, filters(Chain.STEM, source));
      }
      case TEXT_LEMMA -> {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(
            source, withSynonyms(filters(Chain.LEMMA, source), lemmaSynonyms));
      }
      default -> {
        return new TokenStreamComponents(new KeywordTokenizer());
      }
    }
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    // wildcard, prefix and fuzzy terms skip analysis; lower-case them like the indexed words
    return isTextField(fieldName) ? new LowerCaseFilter(in) : in;
  }

  /** An analyzer running one chain on any field, for parsing glossary entries. */
  static Analyzer chain(Chain chain) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, filters(chain, source));
      }
    };
  }

  private static TokenStream filters(Chain chain, Tokenizer source) {
    return switch (chain) {
      case EXACT -> new LowerCaseFilter(new AcronymPluralFilter(source));
      case STEM ->
          new PorterStemFilter(
              new LowerCaseFilter(new AcronymPluralFilter(new EnglishPossessiveFilter(source))));
      case LEMMA -> new LowerCaseFilter(new UntaggedLemmaFilter(new AcronymPluralFilter(source)));
    };
  }

  private static TokenStream withSynonyms(TokenStream in, SynonymMap synonyms) {
    if (synonyms == null || synonyms.fst == null) {
      return in;
    }
    return new SynonymGraphFilter(in, synonyms, false);
  }
}
