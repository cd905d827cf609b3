package org.quarry.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * A paper's text (one paragraph a line) printed as PDF text extraction gives it: paragraphs
 * hard-wrapped at a width, long words hyphenated at a line end, and every {@code pageLines} lines a
 * page break with a footer (journal line, address, page number) and a running header, wherever the
 * break falls, inside a paragraph or a quote too.
 */
final class PdfRendering {
  private static final int MIN_HYPHENATED = 8;

  private PdfRendering() {}

  static String of(String text, int width, int pageLines) {
    return of(text, width, pageLines, true);
  }

  /**
   * As {@link #of(String, int, int)}; without {@code blankLines}, paragraphs follow each other with
   * no blank line between.
   */
  static String of(String text, int width, int pageLines, boolean blankLines) {
    List<String> out = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      if (paragraph.isBlank()) {
        if (blankLines) {
          out.add("");
        }
      } else {
        out.addAll(wrap(paragraph.strip(), width));
      }
    }
    StringBuilder page = new StringBuilder();
    int n = 0;
    int pageNo = 1;
    for (String line : out) {
      page.append(line).append('\n');
      if (++n % pageLines == 0) {
        pageNo++;
        page.append("Journal of Invented Studies 2021 | vol. 9 | e22488 | p. ")
            .append(pageNo)
            .append('\n')
            .append("https://example.org/2021/1/e22488\n")
            .append(pageNo)
            .append('\n')
            .append("\fSMITH ET AL                                        INVENTED STUDIES\n");
      }
    }
    return page.toString();
  }

  /** Greedy wrapping; a long word that does not fit is split with a hyphen when half of it fits. */
  private static List<String> wrap(String paragraph, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        int room = width - line.length() - 2;
        if (word.length() >= MIN_HYPHENATED
            && word.chars().allMatch(Character::isLetter)
            && room >= word.length() / 2) {
          line.append(' ').append(word, 0, room).append('-');
          word = word.substring(room);
        }
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
