package org.quarry.segment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attributions where the participant's code sits among descriptive items rather than first:
 *
 * <ul>
 *   <li>a slash-separated list with one code in it: {@code [58 years old/female/android user/P9]};
 *   <li>a pseudonymous initial or name in quote marks, then demographics and a focus group, in any
 *       order: {@code ("F", 59, male, FG1)}, {@code ("P", male, 61, FG4")}, {@code (G", male, 64,
 *       FG 4)};
 *   <li>a group code, then the person's code: {@code (FG2, P4, female, 45)}.
 * </ul>
 *
 * <p>When only a group tells apart people who share an initial, or a person code is numbered within
 * its group, the participant is the person with the group: {@code F (FG1)}, {@code P4 (FG2)}, so
 * that two people with one initial in different groups are two participants.
 */
final class GlossedCode {
  private static final Pattern CODE = Pattern.compile(QuoteExtractor.CODE);

  /** A focus group or group number: FG1, FG 2, FGD3, Group 4. */
  private static final Pattern GROUP =
      Pattern.compile("(?i)(?:FGD?|Group|Focus group)[-\\s]?[0-9]{1,3}");

  private static final Pattern QUOTED_NAME =
      Pattern.compile("\\s*[\"“‘']?(\\p{Lu}[\\p{L}.'’-]{0,20})[\"”’']{1,2}\\s*,(.+)");
  private static final Pattern AFTER_GLOSS =
      Pattern.compile("\\s*\\p{L}[\\p{L} ,'’-]{2,150};\\s*(" + QuoteExtractor.CODE + ")\\s*");
  private static final Pattern UNDERSCORED =
      Pattern.compile("\\s*(\\p{L}{1,8}[0-9]{1,4})(?:_\\p{L}[\\p{L} -]{0,30})+\\s*");
  private static final Pattern GENDER = Pattern.compile("(?i)(?:fe)?male|man|woman|[MF]");
  private static final Pattern AGE =
      Pattern.compile("[0-9]{1,3}(?:\\s*(?:years?|yrs?|y)(?:\\s*old)?)?");

  /**
   * Longest descriptive item: {@code android user}, {@code 58 years old}, {@code community health
   * worker}.
   */
  private static final int MAX_ITEM = 40;

  private GlossedCode() {}

  /** The participant named in the text inside a bracket pair, in one of the shapes above. */
  static Optional<String> of(String bracketed) {
    return slashList(bracketed)
        .or(() -> quotedName(bracketed))
        .or(() -> afterGloss(bracketed))
        .or(() -> underscored(bracketed));
  }

  /**
   * The code that ends an aside of the authors' words, after a semicolon: {@code (triage,
   * appointment management, others; P007)}. The words before it are plain words and commas, so a
   * citation list ({@code Smith 2020; P3}) or a figure reference is not read as a gloss.
   */
  private static Optional<String> afterGloss(String bracketed) {
    Matcher m = AFTER_GLOSS.matcher(bracketed);
    if (!m.matches() || NotParticipant.is(m.group(1)) || GROUP.matcher(m.group(1)).matches()) {
      return Optional.empty();
    }
    return Optional.of(m.group(1).replaceAll("\\s+", " "));
  }

  /**
   * A code joined by underscores to descriptive words that may hold spaces: {@code (P7_Health
   * worker_FGD)}. The whole label, as printed, is the participant, as {@code P6_male_FGD} is.
   */
  private static Optional<String> underscored(String bracketed) {
    Matcher m = UNDERSCORED.matcher(bracketed);
    if (!m.matches() || NotParticipant.is(m.group(1))) {
      return Optional.empty();
    }
    return Optional.of(bracketed.strip().replaceAll("\\s+", " "));
  }

  /**
   * {@code person (group)} when {@code code} is a group and {@code gloss} names a person in it;
   * else {@code code}.
   */
  static String withinGroup(String code, String gloss) {
    if (!GROUP.matcher(code).matches() || gloss == null) {
      return code;
    }
    for (String item : gloss.split("[,;]")) {
      String t = item.strip();
      if (CODE.matcher(t).matches() && !GROUP.matcher(t).matches() && !NotParticipant.is(t)) {
        return t + " (" + group(code) + ")";
      }
    }
    return code;
  }

  private static Optional<String> slashList(String bracketed) {
    String[] items = bracketed.split("/");
    if (items.length < 2) {
      return Optional.empty();
    }
    String code = null;
    for (String item : items) {
      String t = item.strip();
      if (t.isEmpty() || t.length() > MAX_ITEM || t.matches(".*[\\[\\]()\"“”:].*")) {
        return Optional.empty();
      }
      if (CODE.matcher(t).matches() && !AGE.matcher(t).matches() && !NotParticipant.is(t)) {
        if (code != null) {
          return Optional.empty(); // two codes: a list of people, not one attribution
        }
        code = t;
      }
    }
    return Optional.ofNullable(code).map(c -> c.replaceAll("\\s+", " "));
  }

  private static Optional<String> quotedName(String bracketed) {
    Matcher m = QUOTED_NAME.matcher(bracketed);
    if (!m.matches()) {
      return Optional.empty();
    }
    String group = null;
    boolean described = false;
    for (String item : m.group(2).split(",")) {
      String t = item.strip().replaceAll("^[\"“”‘’']+|[\"“”‘’']+$", "");
      if (t.isEmpty() || t.length() > MAX_ITEM) {
        return Optional.empty();
      }
      if (GROUP.matcher(t).matches()) {
        group = group(t);
        described = true;
      } else if (GENDER.matcher(t).matches() || AGE.matcher(t).matches()) {
        described = true;
      } else if (!t.matches("[\\p{L} '’-]+")) {
        return Optional.empty(); // a citation's year range or a page: not a description of a person
      }
    }
    if (!described) {
      return Optional.empty();
    }
    String name = m.group(1);
    return Optional.of(group == null ? name : name + " (" + group + ")");
  }

  /** A group code without inner spaces, so {@code FG 2} and {@code FG2} are one group. */
  private static String group(String g) {
    return g.strip().replaceAll("\\s+", "");
  }
}
