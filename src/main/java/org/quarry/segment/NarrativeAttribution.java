package org.quarry.segment;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quote whose speaker the authors name in their own sentence rather than in a bracket after it:
 *
 * <ul>
 *   <li>before the quote: {@code An oncologist P4 explained: "…"}, {@code a surgeon (P3) contended
 *       that "…"}, {@code Christine, a case manager, said: "…"};
 *   <li>after it: {@code "…," P8 said.}, {@code "…," a surgeon (P6) envisioned.}
 * </ul>
 *
 * <p>The speaker is a participant code (bare or in parentheses) next to a reporting verb, or a name
 * set off as a person by a role in commas ({@code Name, a case manager,}); a bare name is not
 * enough ({@code Nsereko said} may be a character in a vignette). Codes that name something else
 * ({@link NotParticipant}) are not speakers.
 */
final class NarrativeAttribution {
  /** Longest clause between a reporting verb and the quote it introduces. */
  private static final int MAX_CLAUSE = 80;

  /** A reporting verb that introduces speech whatever follows it. */
  private static final String NAMED_VERB =
      "(?:said|says|explained|explains|suggested|suggests|argued|argues|stated|states|noted|notes|commented"
          + "|remarked|mentioned|described|emphasi[sz]ed|highlighted|recommended|proposed|insisted|added)";

  /** A reporting verb: said, explained, put it, envisioned, notes… */
  private static final String VERB =
      "(?:said|says|put it|told|wrote|thought|felt|knew|spoke|went on|added|adds|explained|explains|noted|notes"
          + "|stated|states|remarked|remarks|commented|comments|described|describes|reported|reports|recalled"
          + "|recalls|argued|argues|observed|observes|emphasi[sz]ed|suggested|suggests|mentioned|mentions"
          + "|shared|shares|expressed|expresses|elaborated|highlighted|highlights|contended|contends"
          + "|envisioned|envisaged|asserted|asserts|claimed|claims|insisted|insists|reflected|reflects"
          + "|acknowledged|admitted|agreed|agrees|answered|replied|responded|concluded|continued"
          + "|indicated|indicates|pointed out|points out|summed up|summari[sz]ed|worried|wondered|warned|[a-z]{3,}ed)";

  private static final String SPEAKER_CODE =
      "(?:\\((" + QuoteExtractor.CODE + ")\\)|(?<![\\p{L}\\p{N}])(" + QuoteExtractor.CODE + "))";

  /**
   * Words before a quote, ending where the quote opens: a speaker, a verb, then that, a colon or
   * comma.
   */
  private static final Pattern BEFORE =
      Pattern.compile(
          "(?:"
              + SPEAKER_CODE
              + "|("
              + Pseudonym.NAME
              + "),\\s+(?:(?:a|an|the|one)\\s+)?[\\p{L} -]{2,40}?,)"
              + "\\s+(?:[a-z]+ly\\s+)?"
              + VERB
              + "\\s*(?:that\\s*|:\\s*|,\\s*)?$");

  /**
   * A speaker code and a reporting verb of the list (not any past tense) with a short clause
   * between them and the quote: {@code expert P010 suggested assessing early (and as an ongoing
   * theme) "…"}.
   */
  private static final Pattern BEFORE_CLAUSE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])("
              + QuoteExtractor.CODE
              + ")\\s+(?:[a-z]+ly\\s+)?"
              + NAMED_VERB
              + "\\s+[\\p{Ll}(][^.!?;:\"“”‘’\\[\\]]{0,"
              + MAX_CLAUSE
              + "}$");

  private static final Pattern BARE_CODE =
      Pattern.compile("(?<![\\p{L}\\p{N}])" + QuoteExtractor.CODE + "(?![\\p{L}\\p{N}])");

  /** Words after a quote's closing mark, up to the code: a comma, perhaps an article and a role. */
  private static final Pattern ROLE_AFTER =
      Pattern.compile(
          "[\"”’']\\s*,?\\s*(?:(?:a|an|the|one|another)\\s+)?(?:[\\p{Ll}-]+\\s+){0,3}[\\p{Ll}-]+\\s*$");

  private static final Pattern VERB_NEXT = Pattern.compile("\\s*(?:[a-z]+ly\\s+)?" + VERB + "\\b");

  /** A bare code after a quote's closing mark, before a verb: {@code ," P8 said}. */
  private static final Pattern CODE_AFTER =
      Pattern.compile(
          "\\s*,?\\s*(?:(?:a|an|the|one|another)\\s+(?:[\\p{Ll}-]+\\s+){0,3})?("
              + QuoteExtractor.CODE
              + ")\\s+(?:[a-z]+ly\\s+)?"
              + VERB
              + "\\b");

  /** Sentence openers that a comma follows, as a name with its role would be. */
  private static final Set<String> DISCOURSE =
      Set.of(
          "However",
          "Furthermore",
          "Moreover",
          "Similarly",
          "Additionally",
          "Finally",
          "Also",
          "Therefore",
          "Thus",
          "Indeed",
          "Instead",
          "Overall",
          "Likewise",
          "Conversely",
          "Meanwhile",
          "Notably",
          "Interestingly",
          "Importantly",
          "Specifically",
          "Nevertheless",
          "Nonetheless",
          "Again",
          "First",
          "Second",
          "Third",
          "Lastly",
          "Hence",
          "Accordingly",
          "Consequently",
          "Yet",
          "Still",
          "Otherwise",
          "Alternatively",
          "Besides",
          "Rather",
          "Surprisingly",
          "Unsurprisingly",
          "Later",
          "Previously",
          "Initially",
          "Subsequently",
          "Generally",
          "Often",
          "Sometimes");

  /**
   * A name, a role of any length in commas, a reporting verb: the last sentence of a paragraph
   * before a quote.
   */
  private static final Pattern NAME_ROLE_SAID =
      Pattern.compile(
          "(" + Pseudonym.NAME + "),[^.!?\"“”]{2,160},\\s+(?:[a-z]+ly\\s+)?" + VERB + "\\s*[:,]?");

  private static final Pattern NAME_FIRST = Pattern.compile("(" + Pseudonym.NAME + ")\\b");

  /** How far back from a quote a speaker phrase is looked for. */
  private static final int LOOK_BACK = 120;

  private NarrativeAttribution() {}

  /** A speaker found in the narrative: the participant as printed, and one past its last char. */
  record Speaker(String participant, int end) {}

  /** The speaker the sentence names just before the opening mark at {@code open}, if any. */
  static Optional<String> before(String text, int floor, int open) {
    int from = Math.max(floor, open - LOOK_BACK);
    Matcher m = BEFORE.matcher(text).region(from, open);
    m.useTransparentBounds(true);
    if (!m.find()) {
      return clauseBefore(text, floor, open);
    }
    if (m.group(3) != null) {
      String name = m.group(3);
      boolean person = Pseudonym.inBrackets(name).isPresent() && !DISCOURSE.contains(name);
      return person ? Optional.of(name) : Optional.empty();
    }
    String code = (m.group(1) != null ? m.group(1) : m.group(2)).replaceAll("\\s+", " ");
    return NotParticipant.is(code) ? Optional.empty() : Optional.of(code);
  }

  /**
   * The code of a speaker whose reporting verb a short clause separates from the quote ({@link
   * #BEFORE_CLAUSE}).
   */
  private static Optional<String> clauseBefore(String text, int floor, int open) {
    int from = Math.max(floor, open - LOOK_BACK - MAX_CLAUSE);
    Matcher m = BEFORE_CLAUSE.matcher(text).region(from, open);
    m.useTransparentBounds(true);
    if (!m.find()) {
      return Optional.empty();
    }
    String code = m.group(1).replaceAll("\\s+", " ");
    // another code in the clause is another speaker or a reference: no guess between them
    String clause = text.substring(m.end(1), open);
    boolean otherCode = BARE_CODE.matcher(clause).find();
    return NotParticipant.is(code) || otherCode ? Optional.empty() : Optional.of(code);
  }

  /**
   * The speaker the last sentence of the paragraph {@code text[from, end)} names when a quote
   * paragraph follows it: {@code Josh, Chief Data Scientist at RBC, said:}, or a sentence whose
   * subject is a name already seen attributing a quote in this paper ({@code Eric the case manager
   * suggested an offline option.}); a name not seen so (a vignette's character) is no speaker.
   */
  static Optional<String> leadingParagraph(String text, int from, int end, Set<String> names) {
    int s = end - 1;
    while (s > from
        && !(".!?]\"”".indexOf(text.charAt(s - 1)) >= 0
            && Character.isWhitespace(text.charAt(s))
            && s < end - 2)) {
      s--;
    }
    while (s < end && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    String sentence = text.substring(s, end).strip();
    Matcher m = NAME_ROLE_SAID.matcher(sentence);
    if (m.matches()
        && !DISCOURSE.contains(m.group(1))
        && Pseudonym.inBrackets(m.group(1)).isPresent()) {
      return Optional.of(m.group(1));
    }
    Matcher first = NAME_FIRST.matcher(sentence);
    if (first.lookingAt()
        && names.contains(first.group(1))
        && (sentence.endsWith(".") || sentence.endsWith(":"))) {
      return Optional.of(first.group(1));
    }
    return Optional.empty();
  }

  /**
   * The closing mark a role phrase separates from a bracketed code that a reporting verb follows
   * ({@code "…," a surgeon (P6) envisioned}): its index, or -1. {@code last} is the last char
   * before the code's bracket, {@code codeEnd} one past it.
   */
  static int closingBeforeRole(String text, int floor, int last, int codeEnd, int to) {
    int from = Math.max(floor, last + 1 - 60);
    Matcher m = ROLE_AFTER.matcher(text).region(from, last + 1);
    m.useTransparentBounds(true);
    if (!m.find() || !QuoteExtractor.isClosing(text, m.start())) {
      return -1;
    }
    Matcher verb = VERB_NEXT.matcher(text).region(codeEnd, Math.min(to, codeEnd + 40));
    return verb.lookingAt() ? m.start() : -1;
  }

  /**
   * The bare code after the closing mark at {@code close} when a reporting verb follows it ({@code
   * ," P8 said}).
   */
  static Optional<Speaker> after(String text, int close, int to) {
    Matcher m = CODE_AFTER.matcher(text).region(close + 1, Math.min(to, close + 1 + LOOK_BACK));
    if (!m.lookingAt() || NotParticipant.is(m.group(1))) {
      return Optional.empty();
    }
    return Optional.of(new Speaker(m.group(1).replaceAll("\\s+", " "), m.end(1)));
  }
}
