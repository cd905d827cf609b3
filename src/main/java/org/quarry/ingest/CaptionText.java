package org.quarry.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns WebVTT and SubRip captions (Teams, Zoom, transcription services) into transcript text:
 * cues are merged into speaker turns, one {@code Speaker: text} paragraph per turn, which the
 * transcript segmenter then reads like any transcript. The speaker comes from a {@code <v
 * Speaker>} voice tag or a {@code Speaker:} prefix; a cue with neither continues the current
 * turn.
 */
public final class CaptionText {
  private static final Pattern TIMING =
      Pattern.compile("^\\s*(\\d{1,2}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}\\s+-->\\s+.*$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]+)>");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
  private static final Pattern PREFIX =
      Pattern.compile("^([\\p{L}][\\p{L}\\p{N} .'\\-]{0,40}?):\\s+(.*)$");

  private CaptionText() {}

  /** The transcript text of a .vtt or .srt file's content. */
  public static String toTranscript(String captions) {
    List<String[]> turns = new ArrayList<>();
    String speaker = null;
    StringBuilder words = new StringBuilder();
    for (String cue : cueTexts(captions)) {
      String text = cue;
      String cueSpeaker = null;
      Matcher v = VOICE.matcher(text);
      if (v.find()) {
        cueSpeaker = v.group(1).strip();
      }
      text = TAG.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
      Matcher p = PREFIX.matcher(text);
      if (cueSpeaker == null && p.matches()) {
        cueSpeaker = p.group(1).strip();
        text = p.group(2);
      }
      if (text.isEmpty()) {
        continue;
      }
      if (cueSpeaker != null && !cueSpeaker.equals(speaker)) {
        flush(turns, speaker, words);
        speaker = cueSpeaker;
      }
      if (words.length() > 0) {
        words.append(' ');
      }
      words.append(text);
    }
    flush(turns, speaker, words);
    StringBuilder out = new StringBuilder();
    for (String[] turn : turns) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(turn[0] == null ? "" : turn[0] + ": ").append(turn[1]);
    }
    return out.append('\n').toString();
  }

  private static void flush(List<String[]> turns, String speaker, StringBuilder words) {
    if (words.length() > 0) {
      turns.add(new String[] {speaker, words.toString()});
      words.setLength(0);
    }
  }

  /** The text lines of each cue, joined with spaces; headers, ids, notes and timings dropped. */
  private static List<String> cueTexts(String captions) {
    List<String> cues = new ArrayList<>();
    String[] blocks = captions.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n");
    for (String block : blocks) {
      String[] lines = block.strip().split("\n");
      int timing = -1;
      for (int i = 0; i < lines.length; i++) {
        if (TIMING.matcher(lines[i]).matches()) {
          timing = i;
          break;
        }
      }
      if (timing < 0) {
        continue; // WEBVTT header, NOTE, STYLE and REGION blocks carry no speech
      }
      StringBuilder text = new StringBuilder();
      for (int i = timing + 1; i < lines.length; i++) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(lines[i].strip());
      }
      cues.add(text.toString());
    }
    return cues;
  }
}
