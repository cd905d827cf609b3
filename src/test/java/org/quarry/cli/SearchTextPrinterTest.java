package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;

class SearchTextPrinterTest {
  private static String printed(
      SearchResult result, SearchRequest request, java.nio.file.Path index) {
    StringWriter out = new StringWriter();
    try (PrintWriter w = new PrintWriter(out)) {
      new SearchTextPrinter(w, index).print(result, request);
    }
    return out.toString();
  }

  private static SearchResult tenOf(int total) {
    List<Hit> hits = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      hits.add(
          new Hit(
              Passage.of("s.txt", PassageKind.TURN, "P1", null, i * 10, i * 10 + 5, "words"),
              1,
              null,
              List.of()));
    }
    return new SearchResult("words", total, hits, Map.of(), 0);
  }

  @Test
  void aPageOfMoreSaysWhereItIsAndHowToGoOn() {
    String text = printed(tenOf(107), SearchRequest.builder("words").build(), null);
    assertTrue(text.contains("showing 1-10 of 107; --offset 10 shows the next"), text);
  }

  @Test
  void theLastPageSaysWhereItIs() {
    String text = printed(tenOf(20), SearchRequest.builder("words").offset(10).build(), null);
    assertTrue(text.contains("showing 11-20 of 20" + System.lineSeparator()), text);
  }

  @Test
  void theIndexSearchedIsNamed() {
    String text =
        printed(
            tenOf(10),
            SearchRequest.builder("words").build(),
            java.nio.file.Path.of("/study/index"));
    assertTrue(
        text.contains(System.lineSeparator() + "from index /study/index" + System.lineSeparator()),
        text);
    assertTrue(!text.contains("showing"), "all shown: no page line");
  }

  @Test
  void aPageOfMoreNamesTheIndexOnItsLine() {
    String text =
        printed(
            tenOf(107),
            SearchRequest.builder("words").build(),
            java.nio.file.Path.of("/study/index"));
    assertTrue(
        text.contains("showing 1-10 of 107 from index /study/index; --offset 10 shows the next"),
        text);
  }

  @Test
  void everyLineOfAPassageOfSeveralParagraphsIsIndentedUnderItsHit() {
    Passage p =
        Passage.of(
            "paper.md",
            PassageKind.QUOTE,
            "P4",
            "Theme 1",
            10,
            60,
            "We started short.\n>\n> By January we <b>turned</b> people away.");
    SearchResult result =
        new SearchResult("winter", 1, List.of(new Hit(p, 0.5, null, List.of())), Map.of(), 0);
    StringWriter out = new StringWriter();
    try (PrintWriter w = new PrintWriter(out)) {
      new SearchTextPrinter(w).print(result, SearchRequest.builder("winter").build());
    }
    assertEquals(
        String.join(
            System.lineSeparator(),
            "1 passage match winter",
            "1. paper.md [quote P4] Theme 1  (score 0.50, 10-60)",
            "   We started short.",
            "   >",
            "   > By January we <b>turned</b> people away.",
            ""),
        out.toString());
  }
}
