package org.quarry.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Removes the inline HTML tags that Markdown and plain-text renderings of papers keep ({@code
 * <sup>12</sup>}, {@code <em>}, {@code <br>}, …), so they reach neither passages nor the index.
 *
 * <p>Only well-formed tags of {@link #TAGS} are touched: {@code <}, an optional {@code /}, a known
 * name, then {@code >} or attributes on the same line ending in {@code >}. A start tag goes only
 * with its end tag in the same paragraph ({@code <br>} needs none); anything else, such as {@code
 * <5 years} or {@code a < b > c}, is text. The words between a pair stay, except that a {@code
 * <sup>} or {@code <sub>} holding only a citation marker (digits, commas, dashes, spaces) goes with
 * its tags. A {@code <br>} between two words becomes a space mapped to its {@code <}, so the words
 * stay apart. Kept chars keep their offsets; removed ones have no entry.
 */
final class InlineTags {
  private static final Set<String> TAGS =
      Set.of("sup", "sub", "em", "i", "b", "strong", "span", "br", "a");
  private static final Set<String> MARKER_TAGS = Set.of("sup", "sub");

  /**
   * Units squared or cubed in papers' methods ({@code m<sup>2</sup>}): the digit is no citation.
   */
  private static final Set<String> UNITS = Set.of("m", "cm", "mm", "km", "ft", "s");

  /**
   * Longest tag looked at: attributes of inline tags are short, and a bound keeps the scan linear.
   */
  private static final int MAX_TAG = 300;

  /** Longest citation marker ({@code 14,15,17–19}); a longer {@code <sup>} is kept as words. */
  private static final int MAX_MARKER = 40;

  /**
   * Open tags remembered; deeper nesting is not markup worth pairing, and the bound keeps pairing
   * linear.
   */
  private static final int MAX_OPEN = 16;

  private InlineTags() {}

  /** {@code t} without its inline tags, or {@code t} itself when it has none. */
  static MappedText strip(MappedText t) {
    String s = t.text();
    if (s.indexOf('<') < 0) {
      return t;
    }
    // +1 at a removed range's start and -1 at its end: nested ranges (a marker's inner tags) add up
    int[] removed = new int[s.length() + 1];
    boolean[] space = new boolean[s.length()];
    boolean any = false;
    Deque<Tag> open = new ArrayDeque<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n' && i + 1 < s.length() && blankLineAt(s, i + 1)) {
        open.clear(); // a pair never spans paragraphs
      }
      Tag tag = c == '<' ? tag(s, i) : null;
      if (tag == null) {
        i++;
        continue;
      }
      if (tag.name().equals("br")) {
        if (!tag.closing()) {
          mark(removed, tag.start(), tag.end());
          space[tag.start()] =
              tag.start() > 0
                  && tag.end() < s.length()
                  && !Character.isWhitespace(s.charAt(tag.start() - 1))
                  && !Character.isWhitespace(s.charAt(tag.end()));
          any = true;
        }
      } else if (!tag.closing() && !tag.selfClosing()) {
        if (open.size() == MAX_OPEN) {
          open.removeLast();
        }
        open.push(tag);
      } else if (tag.closing()) {
        Tag start = pop(open, tag.name());
        if (start != null) {
          if (MARKER_TAGS.contains(tag.name()) && citationMarker(s, start, tag)) {
            mark(removed, start.start(), tag.end());
          } else {
            mark(removed, start.start(), start.end());
            mark(removed, tag.start(), tag.end());
          }
          any = true;
        }
      }
      i = tag.end();
    }
    if (!any) {
      return t;
    }
    MappedText.Builder out = t.builder();
    int depth = 0;
    for (int k = 0; k < s.length(); k++) {
      depth += removed[k];
      if (space[k]) {
        out.add(' ', t.origin(k));
      }
      if (depth == 0) {
        out.add(s.charAt(k), t.origin(k));
      }
    }
    return out.build();
  }

  /** A tag in the text: {@code [start, end)} with its lowercased name. */
  private record Tag(int start, int end, String name, boolean closing, boolean selfClosing) {}

  /** The known, well-formed tag starting at {@code lt}, or null. */
  private static Tag tag(String s, int lt) {
    int j = lt + 1;
    boolean closing = j < s.length() && s.charAt(j) == '/';
    if (closing) {
      j++;
    }
    int nameStart = j;
    while (j < s.length() && j - nameStart <= 6 && isAsciiLetter(s.charAt(j))) {
      j++;
    }
    String name = s.substring(nameStart, j).toLowerCase(Locale.ROOT);
    if (!TAGS.contains(name) || j >= s.length()) {
      return null;
    }
    char after = s.charAt(j);
    if (after != '>' && after != '/' && after != ' ' && after != '\t') {
      return null; // <bold>, <b2>, <a\n
    }
    // attributes: anything but brackets and line ends, up to the tag's '>'
    int limit = Math.min(s.length(), lt + MAX_TAG);
    while (j < limit && s.charAt(j) != '>') {
      char c = s.charAt(j);
      if (c == '<' || c == '\n') {
        return null;
      }
      j++;
    }
    if (j >= limit) {
      return null;
    }
    String inside = s.substring(nameStart + name.length(), j);
    boolean selfClosing = inside.endsWith("/");
    if (closing && !inside.isBlank()) {
      return null; // an end tag has no attributes
    }
    if (!inside.isEmpty() && !Character.isWhitespace(inside.charAt(0)) && !inside.equals("/")) {
      return null;
    }
    return new Tag(lt, j + 1, name, closing, selfClosing);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * The nearest open tag named {@code name}, with the unpaired tags opened after it dropped; or
   * null.
   */
  private static Tag pop(Deque<Tag> open, String name) {
    Iterator<Tag> it = open.iterator();
    int depth = 0;
    while (it.hasNext()) {
      Tag t = it.next();
      depth++;
      if (t.name().equals(name)) {
        for (int k = 0; k < depth; k++) {
          open.pop();
        }
        return t;
      }
    }
    return null;
  }

  /**
   * True when the words between the pair are a citation marker: digits with commas, dashes and
   * spaces ({@code 12}, {@code 14,15}, {@code 17–19}), inner tags aside. Not where the digit is
   * part of the word: a {@code <sub>} after a short symbol ({@code CO<sub>2</sub>}), a {@code
   * <sup>} after a unit ({@code m<sup>2</sup>}). A {@code <sup>} after other words ({@code
   * UK<sup>3</sup>}, {@code et al<sup>4</sup>}) is a citation, as it is in papers far more often
   * than a power.
   */
  private static boolean citationMarker(String s, Tag start, Tag end) {
    if (end.start() - start.end() > MAX_MARKER) {
      return false;
    }
    String content = s.substring(start.end(), end.start()).replaceAll("<[^<>]*>", "");
    if (content.chars().noneMatch(Character::isDigit)
        || !content
            .chars()
            .allMatch(
                c -> Character.isDigit(c) || Character.isWhitespace(c) || ",-–—".indexOf(c) >= 0)) {
      return false;
    }
    int k = start.start();
    while (k > 0 && Character.isLetter(s.charAt(k - 1)) && start.start() - k <= 3) {
      k--;
    }
    String word = s.substring(k, start.start());
    if (word.isEmpty() || start.start() - k > 3) {
      return true;
    }
    return start.name().equals("sup") ? !UNITS.contains(word) : word.length() > 2;
  }

  private static void mark(int[] removed, int from, int to) {
    removed[from]++;
    removed[to]--;
  }

  /** True when the line starting at {@code i} holds only spaces. */
  private static boolean blankLineAt(String s, int i) {
    for (int j = i; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\n') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
