package org.quarry.text;

import java.util.regex.Pattern;

/**
 * Generic role and code labels, as opposed to people's names: {@code I}, {@code R3}, {@code
 * Interviewer}, {@code Speaker 2}; and which of them name an interviewer.
 */
public final class SpeakerRoles {
  private static final String NUMBER = "(?:[ \\t]*#?\\d+)?";

  private static final Pattern ROLE =
      Pattern.compile(
          "(?i)(interviewer|interviewee|respondent|participant|moderator|facilitator|researcher"
              + "|speaker|int|mod|fac|i|r|p|q|a)"
              + NUMBER);

  private static final Pattern INTERVIEWER_ROLE =
      Pattern.compile(
          "(?i)(i|int|interviewer|mod|moderator|fac|facilitator|q|researcher)" + NUMBER);

  private SpeakerRoles() {}

  /** Whether {@code speaker} is a role or code label rather than a person's name. */
  public static boolean isRole(String speaker) {
    return ROLE.matcher(speaker.strip()).matches();
  }

  /** Whether {@code speaker} is an interviewer's role label ({@code I}, {@code Moderator}). */
  public static boolean isInterviewerRole(String speaker) {
    return INTERVIEWER_ROLE.matcher(speaker.strip()).matches();
  }
}
