package org.quarry.text;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which speakers of a transcript are interviewers (or moderators, facilitators): named in
 * the source's {@code interviewer} metadata when given; else speakers labelled as such ({@code I},
 * {@code INT}, {@code Interviewer 2}, {@code Moderator}, {@code Q}); else the one speaker who
 * clearly asks the questions.
 */
public final class Interviewers {
  /**
   * The metadata key naming the interviewer(s), comma-separated; it overrides the questions guess.
   */
  public static final String METADATA_KEY = "interviewer";

  /**
   * How many turns a speaker took, and how many of them ask something.
   *
   * @param speaker the label as written
   * @param turns turns taken
   * @param questions turns containing a question mark
   */
  public record Speaker(String speaker, int turns, int questions) {}

  private Interviewers() {}

  /** Whether {@code speaker} is an interviewer's role label ({@code I}, {@code Moderator}). */
  public static boolean isRoleLabel(String speaker) {
    return SpeakerRoles.isInterviewerRole(speaker);
  }

  /** The interviewers named in {@code metadata}, normalised with {@link #key}; empty if unnamed. */
  public static Optional<Set<String>> named(Map<String, String> metadata) {
    String value = metadata.get(METADATA_KEY);
    if (value == null) {
      return Optional.empty();
    }
    Set<String> names = new LinkedHashSet<>();
    Arrays.stream(value.split(","))
        .map(Interviewers::key)
        .filter(k -> !k.isEmpty())
        .forEach(names::add);
    return Optional.of(names);
  }

  /**
   * Whether {@code speaker} is an interviewer: named in the metadata, or labelled by role. A role
   * label holds even when the metadata names the interviewer ("interviewer: Dr Lee" over turns
   * labelled "Interviewer:"), since no participant is called "Interviewer".
   */
  public static boolean isInterviewer(String speaker, Optional<Set<String>> named) {
    return isRoleLabel(speaker) || named.map(n -> n.contains(key(speaker))).orElse(false);
  }

  /** The speakers (as written) who are interviewers, among {@code speakers}. */
  public static Set<String> find(Map<String, String> metadata, List<Speaker> speakers) {
    Optional<Set<String>> named = named(metadata);
    Set<String> out = new LinkedHashSet<>();
    for (Speaker s : speakers) {
      if (isInterviewer(s.speaker(), named)) {
        out.add(s.speaker());
      }
    }
    if (named.isEmpty() && out.isEmpty()) {
      byQuestions(speakers).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The speaker who asks most, when the lead is clear: at least two questioning turns, twice as
   * many as anyone else, and a third of their own turns. A tie or a close call names no one, since
   * calling a participant the interviewer would hide their words from participant searches.
   */
  public static Optional<String> byQuestions(List<Speaker> speakers) {
    if (speakers.size() < 2) {
      return Optional.empty();
    }
    Speaker best = null;
    int runnerUp = 0;
    for (Speaker s : speakers) {
      if (best == null || s.questions() > best.questions()) {
        if (best != null) {
          runnerUp = Math.max(runnerUp, best.questions());
        }
        best = s;
      } else {
        runnerUp = Math.max(runnerUp, s.questions());
      }
    }
    boolean clear =
        best.questions() >= 2
            && best.questions() >= 2 * runnerUp
            && best.questions() * 3 >= best.turns();
    return clear ? Optional.of(best.speaker()) : Optional.empty();
  }

  /** A name compared case- and punctuation-blind ("Dr. Lee" is "dr lee"). */
  public static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replace(".", "").strip().replaceAll("\\s+", " ");
  }
}
