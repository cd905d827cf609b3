package org.quarry.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.quarry.index.Fields;
import org.quarry.model.CodeScore;

/**
 * What Quarry sends Solr for a passage's codes: an atomic update of the code fields alone, which
 * Solr refuses for a passage it lacks.
 */
class SolrPassagesTest {
  @Test
  void aCodeUpdateSetsTheThreeCodeFieldsAndNothingElse() {
    SolrInputDocument d =
        SolrPassages.codeUpdate(
            "a.txt#0-10",
            List.of(
                new CodeScore("voice", 1.0, CodeScore.HUMAN),
                new CodeScore("pressure", 0.42, "suggested")));
    assertEquals(
        java.util.Set.of(Fields.ID, "_version_", Fields.CODE, Fields.CODE_SCORES, Fields.ORIGIN),
        d.getFieldNames());
    assertEquals("a.txt#0-10", d.getFieldValue(Fields.ID));
    // 1: the document must exist, so an update never makes a passage of codes alone
    assertEquals(1L, d.getFieldValue("_version_"));
    assertEquals(Map.of("set", List.of("voice", "pressure")), d.getFieldValue(Fields.CODE));
    assertEquals(
        Map.of("set", List.of("voice\t1.0\t" + CodeScore.HUMAN, "pressure\t0.42\tsuggested")),
        d.getFieldValue(Fields.CODE_SCORES));
    assertEquals(
        Map.of("set", List.of(CodeScore.HUMAN, "suggested").stream().sorted().toList()),
        d.getFieldValue(Fields.ORIGIN));
  }

  @Test
  void noCodesRemoveTheFields() {
    SolrInputDocument d = SolrPassages.codeUpdate("a.txt#0-10", List.of());
    for (String f : List.of(Fields.CODE, Fields.CODE_SCORES, Fields.ORIGIN)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> op = (Map<String, Object>) d.getFieldValue(f);
      assertTrue(op.containsKey("set"), f);
      assertNull(op.get("set"), f + ": null removes the field");
    }
  }

  @Test
  void theConfigsetKeepsEachAnalysedFieldsTokensStoredAndCopiesThemIn() throws Exception {
    // an atomic update rebuilds a document from its stored fields: each analysed field must be
    // fed by a stored copy of its tokens, and store nothing itself
    String schema =
        java.nio.file.Files.readString(java.nio.file.Path.of("solr/configset/conf/schema.xml"));
    for (String f : List.of(Fields.TEXT, Fields.TEXT_STEM, Fields.TEXT_LEMMA)) {
      String tokens = SolrPassages.tokens(f);
      assertTrue(
          schema.contains(
              "<field name=\"" + f + "\" type=\"preanalyzed\" indexed=\"true\" stored=\"false\"/>"),
          f + " is not stored");
      assertTrue(
          schema.contains("<field name=\"" + tokens + "\" type=\"stored_string\"/>"),
          tokens + " is stored");
      assertTrue(
          schema.contains("<copyField source=\"" + tokens + "\" dest=\"" + f + "\"/>"),
          tokens + " is copied into " + f);
    }
    assertTrue(
        schema.contains(
            "<fieldType name=\"stored_string\" class=\"solr.StrField\" indexed=\"false\" stored=\"true\" docValues=\"false\"/>"));
  }

  @Test
  void aPassageOfACollectionMadeByAnEarlierConfigsetIsOneClearError() {
    org.apache.solr.common.SolrDocument old = new org.apache.solr.common.SolrDocument();
    old.setField(Fields.ID, "a.txt#0-10");
    old.setField(Fields.TEXT, "as the old configset stored it");
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> SolrPassages.passage(old));
    assertTrue(
        e.getMessage().startsWith("passage a.txt#0-10 in Solr has no stored words"),
        e.getMessage());
    assertTrue(e.getMessage().contains("quarry solr create-collection"), e.getMessage());
  }
}
