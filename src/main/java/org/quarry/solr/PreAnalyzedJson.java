package org.quarry.solr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A token stream in Solr's {@code PreAnalyzedField} JSON format: {@code {"v":"1",
 * "tokens":[{"t":term,"s":start,"e":end,"i":positionIncrement}, …]}}, without a stored value. Solr
 * indexes the tokens as given, so the terms, positions and offsets are Quarry's own analysis.
 */
final class PreAnalyzedJson {
  private static final JsonFactory JSON = new JsonFactory();

  private PreAnalyzedJson() {}

  /** The JSON of {@code tokens}, consumed and closed here. */
  static String of(TokenStream tokens) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out);
        TokenStream ts = tokens) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      g.writeStartObject();
      g.writeStringField("v", "1");
      g.writeArrayFieldStart("tokens");
      ts.reset();
      while (ts.incrementToken()) {
        g.writeStartObject();
        g.writeStringField("t", term.toString());
        g.writeNumberField("s", offset.startOffset());
        g.writeNumberField("e", offset.endOffset());
        g.writeNumberField("i", increment.getPositionIncrement());
        g.writeEndObject();
      }
      ts.end();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("pre-analysing a passage for Solr", e);
    }
    return out.toString();
  }
}
