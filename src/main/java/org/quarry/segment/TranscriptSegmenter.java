package org.quarry.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;
import org.quarry.model.Span;
import org.quarry.segment.TranscriptLine.Type;
import org.quarry.text.Interviewers;
import org.quarry.text.SpeakerLabel;

/**
 * Splits an interview, focus-group or think-aloud transcript into one passage per speaker turn.
 *
 * <p>A turn starts at a {@link SpeakerLabel} and runs to the next label of another speaker, over
 * any number of lines and paragraphs. Its text is the speech without labels, timestamps and
 * whole-line stage directions ({@code [laughs]}, {@code (participant reads the task)}); a turn with
 * no speech left is no passage. Interviewer turns are {@link PassageKind#INTERVIEWER}, others
 * {@link PassageKind#TURN}, and the participant is the speaker's label as written (see {@link
 * Interviewers} for who counts as the interviewer).
 *
 * <p>When only the interviewer is labelled (think-aloud and single-respondent transcripts), an
 * interviewer turn is its own paragraph (its line, when the file has no blank lines) and the
 * unlabelled text up to the next label is the participant's turn. The participant is the {@code
 * participant} metadata, else a code in the file name (see {@link FileParticipant}). The same
 * metadata also names the one respondent of a labelled interview ({@code R:} becomes {@code P12}),
 * so that a respondent's turns facet under their code across files.
 *
 * <p>Unlabelled text before the first label (a title, a date, a header block of {@code Key: value}
 * lines) becomes {@link PassageKind#NARRATIVE} passages with no participant, so it stays searchable
 * without being put in anyone's mouth.
 */
public final class TranscriptSegmenter implements Segmenter {
  /** Metadata key naming the participant of a single-respondent transcript. */
  public static final String PARTICIPANT_KEY = "participant";

  /** Labelled paragraphs needed to call a text a transcript by its look alone. */
  private static final int MIN_LABELLED = 3;

  private static final Set<String> TRANSCRIPT_TYPES =
      Set.of("transcript", "interview", "focus group", "focus-group", "think-aloud", "think aloud");

  @Override
  public List<Passage> segment(Source source) {
    String text = source.text();
    List<TranscriptLine> lines = TranscriptLine.read(text);
    Optional<Set<String>> named = Interviewers.named(source.metadata());
    Set<String> labelled = labelledSpeakers(lines);
    boolean moderatorOnly =
        !labelled.isEmpty()
            && labelled.stream().allMatch(s -> Interviewers.isInterviewer(s, named))
            && hasUnlabelledSpeech(lines);
    String participant =
        metadataParticipant(source).orElseGet(() -> FileParticipant.of(source.id()));
    List<Turn> turns =
        moderatorOnly ? moderatorOnlyTurns(lines, participant) : labelledTurns(lines);
    Set<String> interviewers =
        moderatorOnly
            ? labelled
            : Interviewers.find(source.metadata(), speakerStats(turns, text, lines));
    Map<String, String> codes = participantCodes(source, turns, interviewers);
    List<Passage> out = new ArrayList<>();
    for (Turn turn : turns) {
      if (turn.lines.isEmpty()) {
        continue;
      }
      int start = lines.get(turn.lines.get(0)).start();
      int end = lines.get(turn.lines.get(turn.lines.size() - 1)).end();
      Span span = source.offsets().toOriginal(start, end);
      PassageKind kind =
          turn.speaker == null
              ? PassageKind.NARRATIVE
              : interviewers.contains(turn.speaker) ? PassageKind.INTERVIEWER : PassageKind.TURN;
      String who = turn.speaker == null ? null : codes.getOrDefault(turn.speaker, turn.speaker);
      out.add(
          Passage.of(
              source.id(), kind, who, null, span.start(), span.end(), turn.text(text, lines)));
    }
    return out;
  }

  /**
   * Whether {@code source} should be segmented as a transcript: its kind says so, its metadata
   * {@code kind} or {@code type} says so, or most of its paragraphs start with a speaker label,
   * with at least two speakers who come back (two turns beyond one each; one, for a pair), or only
   * an interviewer labelled. In a file without blank lines, where turns wrap over lines, three
   * lines in ten starting with a label is enough.
   */
  public static boolean looksLikeTranscript(Source source) {
    if (source.kind() == SourceKind.TRANSCRIPT) {
      return true;
    }
    for (String key : List.of("kind", "type")) {
      String value = source.metadata().get(key);
      if (value != null && TRANSCRIPT_TYPES.contains(value.strip().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    List<TranscriptLine> lines = TranscriptLine.read(source.text());
    boolean lineMode = !hasBlankBetweenLines(lines);
    int units = 0;
    Map<String, Integer> turnsBySpeaker = new LinkedHashMap<>();
    boolean inUnit = false;
    boolean afterBareLabel = false;
    for (TranscriptLine line : lines) {
      switch (line.type()) {
        case BLANK, DIRECTION -> inUnit = false;
        case LABEL -> {
          units++;
          turnsBySpeaker.merge(line.label().speaker(), 1, Integer::sum);
          inUnit = !lineMode;
          // an Otter-style label fills its line; the speech under it is the same paragraph
          afterBareLabel = !line.hasSpeech();
        }
        case SPEECH -> {
          if (!inUnit && !afterBareLabel) {
            units++;
          }
          inUnit = !lineMode;
          afterBareLabel = false;
        }
      }
    }
    int labelled = turnsBySpeaker.values().stream().mapToInt(Integer::intValue).sum();
    if (labelled < MIN_LABELLED) {
      return false;
    }
    Optional<Set<String>> named = Interviewers.named(source.metadata());
    boolean onlyInterviewer =
        turnsBySpeaker.keySet().stream().allMatch(s -> Interviewers.isInterviewer(s, named));
    if (onlyInterviewer) {
      // alternating with unlabelled answers, an interviewer holds about half the paragraphs
      return labelled * 4 >= units;
    }
    // speakers come back: metadata pages ("Item Type:", "Depositing User:") name each key once
    int speakers = turnsBySpeaker.size();
    boolean speakersRecur = labelled - speakers >= Math.min(2, speakers - 1);
    // without blank lines a hard-wrapped turn spans several lines, so fewer lines carry a label
    boolean mostlyLabelled = lineMode ? labelled * 10 >= units * 3 : labelled * 5 >= units * 3;
    return speakers >= 2 && speakersRecur && mostlyLabelled;
  }

  /** Turns of a transcript where speakers are labelled: each label of a new speaker starts one. */
  private static List<Turn> labelledTurns(List<TranscriptLine> lines) {
    List<Turn> turns = new ArrayList<>();
    Turn current = null;
    boolean blankSince = false;
    for (int i = 0; i < lines.size(); i++) {
      TranscriptLine line = lines.get(i);
      switch (line.type()) {
        case BLANK -> blankSince = true;
        case DIRECTION -> {}
        case LABEL -> {
          String speaker = line.label().speaker();
          if (current == null || current.unlabelled || !speaker.equals(current.speaker)) {
            current = new Turn(speaker, false);
            turns.add(current);
          }
          current.add(i, line);
          blankSince = false;
        }
        case SPEECH -> {
          // before the first label, each paragraph is narrative (a title, a date, a note)
          if (current == null || (current.speaker == null && blankSince)) {
            current = new Turn(null, true);
            turns.add(current);
          }
          current.add(i, line);
          blankSince = false;
        }
      }
    }
    return turns;
  }

  /**
   * Turns of a transcript where only the interviewer is labelled: the interviewer's turn is the
   * labelled paragraph (line, in a file without blank lines), the participant's turn the unlabelled
   * text that follows until the next label.
   */
  private static List<Turn> moderatorOnlyTurns(List<TranscriptLine> lines, String participant) {
    boolean lineMode = !hasBlankBetweenLines(lines);
    List<Turn> turns = new ArrayList<>();
    Turn current = null;
    boolean labelSeen = false;
    boolean blankSince = false;
    boolean interviewerParagraphOpen = false;
    for (int i = 0; i < lines.size(); i++) {
      TranscriptLine line = lines.get(i);
      switch (line.type()) {
        case BLANK -> {
          blankSince = true;
          interviewerParagraphOpen = false;
        }
        // a stage direction marks the participant's action, so the interviewer has stopped
        case DIRECTION -> interviewerParagraphOpen = false;
        case LABEL -> {
          String speaker = line.label().speaker();
          if (current == null || current.unlabelled || !speaker.equals(current.speaker)) {
            current = new Turn(speaker, false);
            turns.add(current);
          }
          current.add(i, line);
          labelSeen = true;
          interviewerParagraphOpen = !lineMode;
        }
        case SPEECH -> {
          if (!labelSeen) {
            // a title or header before anyone is prompted is nobody's speech
            if (current == null || blankSince) {
              current = new Turn(null, true);
              turns.add(current);
            }
          } else if (!current.unlabelled && !interviewerParagraphOpen) {
            current = new Turn(participant, true);
            turns.add(current);
          }
          current.add(i, line);
          blankSince = false;
        }
      }
    }
    return turns;
  }

  private static Set<String> labelledSpeakers(List<TranscriptLine> lines) {
    Set<String> out = new LinkedHashSet<>();
    for (TranscriptLine line : lines) {
      if (line.type() == Type.LABEL) {
        out.add(line.label().speaker());
      }
    }
    return out;
  }

  private static boolean hasUnlabelledSpeech(List<TranscriptLine> lines) {
    boolean labelSeen = false;
    for (TranscriptLine line : lines) {
      if (line.type() == Type.LABEL) {
        labelSeen = true;
      } else if (line.type() == Type.SPEECH && labelSeen) {
        return true;
      }
    }
    return false;
  }

  /** Whether paragraphs are separated by blank lines, as opposed to one paragraph a line. */
  private static boolean hasBlankBetweenLines(List<TranscriptLine> lines) {
    boolean textSeen = false;
    boolean blankAfterText = false;
    for (TranscriptLine line : lines) {
      if (line.type() == Type.BLANK) {
        blankAfterText = textSeen;
      } else {
        if (blankAfterText) {
          return true;
        }
        textSeen = true;
      }
    }
    return false;
  }

  private static List<Interviewers.Speaker> speakerStats(
      List<Turn> turns, String text, List<TranscriptLine> lines) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Turn turn : turns) {
      if (turn.speaker == null || turn.lines.isEmpty()) {
        continue;
      }
      int[] c = counts.computeIfAbsent(turn.speaker, s -> new int[2]);
      c[0]++;
      if (turn.asks(text, lines)) {
        c[1]++;
      }
    }
    List<Interviewers.Speaker> out = new ArrayList<>();
    counts.forEach((s, c) -> out.add(new Interviewers.Speaker(s, c[0], c[1])));
    return out;
  }

  private static Optional<String> metadataParticipant(Source source) {
    String p = source.metadata().get(PARTICIPANT_KEY);
    return p == null || p.isBlank() ? Optional.empty() : Optional.of(p.strip());
  }

  /**
   * Speaker label → participant code: the {@code participant} metadata names the one respondent of
   * a labelled interview; otherwise labels are codes as written.
   */
  private static Map<String, String> participantCodes(
      Source source, List<Turn> turns, Set<String> interviewers) {
    Optional<String> participant = metadataParticipant(source);
    Set<String> respondents = new LinkedHashSet<>();
    for (Turn turn : turns) {
      if (turn.speaker != null && !turn.lines.isEmpty() && !interviewers.contains(turn.speaker)) {
        respondents.add(turn.speaker);
      }
    }
    if (participant.isEmpty() || respondents.size() != 1) {
      return Map.of();
    }
    return Map.of(respondents.iterator().next(), participant.get());
  }

  /** One speaker turn (speaker null for narrative), as the indices of its lines with speech. */
  private static final class Turn {
    final String speaker;
    final List<Integer> lines = new ArrayList<>();
    final boolean unlabelled;

    Turn(String speaker, boolean unlabelled) {
      this.speaker = speaker;
      this.unlabelled = unlabelled;
    }

    void add(int index, TranscriptLine line) {
      if (line.hasSpeech()) {
        lines.add(index);
      }
    }

    /** Whether the speech holds a question mark; looks at its lines without building the text. */
    boolean asks(String source, List<TranscriptLine> all) {
      for (int i : lines) {
        TranscriptLine line = all.get(i);
        for (int k = line.start(); k < line.end(); k++) {
          if (source.charAt(k) == '?') {
            return true;
          }
        }
      }
      return false;
    }

    /** The speech, its lines joined by a line break, or a blank line where paragraphs break. */
    String text(String source, List<TranscriptLine> all) {
      StringBuilder out = new StringBuilder();
      int previous = -1;
      for (int i : lines) {
        if (previous >= 0) {
          boolean paragraphBreak = false;
          for (int j = previous + 1; j < i; j++) {
            paragraphBreak |= all.get(j).type() == Type.BLANK;
          }
          out.append(paragraphBreak ? "\n\n" : "\n");
        }
        TranscriptLine line = all.get(i);
        out.append(source, line.start(), line.end());
        previous = i;
      }
      return out.toString();
    }
  }
}
