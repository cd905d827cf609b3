package org.quarry.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.Span;
import org.quarry.segment.NoteLine.Type;

/**
 * Splits think-aloud or observation notes ({@link ThinkAloudNotes}) into the participant's turns
 * and the staff's prompts, in sections named by the tasks.
 *
 * <p>A staff prompt ({@code MODERATOR: …}) is an {@link PassageKind#INTERVIEWER} passage with the
 * label as written for its speaker; it covers its line, and the lines after it that continue it:
 * its paragraph, where prompts stand in paragraphs of their own, or the flush lines right under it,
 * where the participant's lines are indented. Everything else unlabelled after the first prompt or
 * task heading is the participant's speech: each run of it up to the next prompt, task heading or
 * observer's note is one {@link PassageKind#TURN} of the session's participant (see {@link
 * ThinkAloudNotes#participant}; null when neither the front matter, a header line nor the file name
 * names one, as a guess would put words in the wrong mouth). A line labelled with something other
 * than staff ({@code Home tab: right}) is the participant's speech too, label included, unless the
 * label is the participant's own ({@code P9:}).
 *
 * <p>A task heading ({@link TaskHeading}) is no passage; it names the section of what follows.
 * Whole-line stage directions ({@code (taps on menu)}, {@code [laughs]}) are in no passage's text;
 * inline ones stay in the speech. An observer's note ({@code Note: …}), a header block and text
 * before the first prompt or heading are {@link PassageKind#NARRATIVE}, attributed to no one.
 */
public final class ThinkAloudSegmenter implements Segmenter {

  /** Whether {@code source} should be segmented as think-aloud or observation notes. */
  public static boolean looksLikeNotes(Source source) {
    ThinkAloudNotes notes = ThinkAloudNotes.read(source);
    return notes.looksLikeNotes(source, notes.participant(source));
  }

  @Override
  public List<Passage> segment(Source source) {
    ThinkAloudNotes notes = ThinkAloudNotes.read(source);
    String participant = notes.participant(source).orElse(null);
    Optional<String> participantCode = Optional.ofNullable(participant);
    List<NoteLine> lines = notes.lines();
    List<Run> runs = new ArrayList<>();
    if (notes.headerEnd() > 0) {
      Run header = new Run(PassageKind.NARRATIVE, null, null);
      for (int i = 0; i < notes.headerEnd(); i++) {
        header.add(i, lines.get(i), lines.get(i).lineStart());
      }
      runs.add(header);
    }
    String section = null;
    Run current = null;
    boolean started = false;
    // the prompt goes on over the next unlabelled line (its paragraph, or a flush line)
    boolean promptOpen = false;
    boolean blankSince = false;
    for (int i = notes.headerEnd(); i < lines.size(); i++) {
      NoteLine line = lines.get(i);
      switch (line.type()) {
        case BLANK -> {
          blankSince = true;
          promptOpen = false;
        }
        // the participant acted: whatever follows is theirs, not the prompt's
        case DIRECTION -> promptOpen = false;
        case HEADING -> {
          section = line.section();
          started = true;
          current = null;
          promptOpen = false;
        }
        case NOTE -> {
          Run note = new Run(PassageKind.NARRATIVE, null, section);
          note.add(i, line, line.lineStart());
          runs.add(note);
          current = null;
          promptOpen = false;
        }
        case PROMPT -> {
          boolean sameSpeaker =
              current != null
                  && current.kind == PassageKind.INTERVIEWER
                  && line.speaker().equals(current.speaker);
          if (!sameSpeaker) {
            current = new Run(PassageKind.INTERVIEWER, line.speaker(), section);
            runs.add(current);
          }
          current.add(i, line, line.start());
          started = true;
          promptOpen = notes.paragraphPrompts() || notes.indentedSpeech() || !line.hasWords();
        }
        case SPEECH -> {
          if (!started) {
            // a title or a note before the session starts is nobody's speech
            if (current == null || blankSince) {
              current = new Run(PassageKind.NARRATIVE, null, section);
              runs.add(current);
            }
            current.add(i, line, line.lineStart());
          } else if (promptOpen && continuesPrompt(notes, line, current)) {
            current.add(i, line, line.lineStart());
            // without paragraphs or indentation, only the line under a bare label is the prompt's
            promptOpen = notes.paragraphPrompts() || notes.indentedSpeech();
          } else {
            if (current == null || current.kind != PassageKind.TURN) {
              current = new Run(PassageKind.TURN, participant, section);
              runs.add(current);
            }
            boolean ownLabel =
                line.speaker() != null
                    && ThinkAloudNotes.isParticipantLabel(line.speaker(), participantCode);
            current.add(
                i, line, ownLabel || line.speaker() == null ? line.start() : line.lineStart());
            promptOpen = false;
          }
          blankSince = false;
        }
      }
    }
    List<Passage> out = new ArrayList<>();
    for (Run run : runs) {
      if (run.starts.isEmpty()) {
        continue;
      }
      int start = run.starts.get(0);
      int end = run.ends.get(run.ends.size() - 1);
      Span span = source.offsets().toOriginal(start, end);
      out.add(
          Passage.of(
              source.id(),
              run.kind,
              run.speaker,
              run.section,
              span.start(),
              span.end(),
              run.text(source.text(), lines)));
    }
    return out;
  }

  private static boolean continuesPrompt(ThinkAloudNotes notes, NoteLine line, Run current) {
    if (current == null || current.kind != PassageKind.INTERVIEWER || line.speaker() != null) {
      return false;
    }
    return !notes.indentedSpeech() || line.indent() <= notes.promptIndent();
  }

  /** One passage in the making: the lines of a turn, a prompt or a narrative stretch. */
  private static final class Run {
    final PassageKind kind;
    final String speaker;
    final String section;
    final List<Integer> indices = new ArrayList<>();
    final List<Integer> starts = new ArrayList<>();
    final List<Integer> ends = new ArrayList<>();

    Run(PassageKind kind, String speaker, String section) {
      this.kind = kind;
      this.speaker = speaker;
      this.section = section;
    }

    void add(int index, NoteLine line, int from) {
      if (line.end() > from) {
        indices.add(index);
        starts.add(from);
        ends.add(line.end());
      }
    }

    /** The words, lines joined by a line break, or a blank line where a paragraph breaks. */
    String text(String source, List<NoteLine> all) {
      StringBuilder out = new StringBuilder();
      for (int k = 0; k < indices.size(); k++) {
        if (k > 0) {
          boolean paragraphBreak = false;
          for (int j = indices.get(k - 1) + 1; j < indices.get(k); j++) {
            paragraphBreak |= all.get(j).type() == Type.BLANK;
          }
          out.append(paragraphBreak ? "\n\n" : "\n");
        }
        out.append(source, starts.get(k), ends.get(k));
      }
      return out.toString();
    }
  }
}
