package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  @Test
  void everyLineOfAPassageOfSeveralParagraphsIsIndentedUnderItsHit() {
    Passage p = Passage.of("paper.md", PassageKind.QUOTE, "P4", "Theme 1", 10, 60,
        "We started short.\n>\n> By January we <b>turned</b> people away.");
    SearchResult result = new SearchResult("winter", 1, List.of(new Hit(p, 0.5, null, List.of())), Map.of());
    StringWriter out = new StringWriter();
    try (PrintWriter w = new PrintWriter(out)) {
      new SearchTextPrinter(w).print(result, new SearchRequest("winter", List.of(), Map.of(), 10, 0, false));
    }
    assertEquals(String.join(System.lineSeparator(),
        "1 passage match winter",
        "1. paper.md [quote P4] Theme 1  (score 0.50, 10-60)",
        "   We started short.",
        "   >",
        "   > By January we <b>turned</b> people away.",
        ""), out.toString());
  }
}
