package org.quarry.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/** Test sources: seed files split into blank-line paragraphs, and handmade sources. */
public final class TestCorpus {
  private static final Pattern PARAGRAPH = Pattern.compile("(?s)\\S.*?(?=\\n\\s*\\n|\\z)");

  private TestCorpus() {}

  /** The seed files of the repository, each split into paragraphs. */
  public static List<SourcePassages> seeds() {
    try (var files = Files.list(Path.of("seeds"))) {
      List<SourcePassages> all = new ArrayList<>();
      for (Path f :
          files
              .filter(p -> p.toString().endsWith(".txt") && !p.endsWith("nhs-glossary.txt"))
              .sorted()
              .toList()) {
        all.add(paragraphs(f.getFileName().toString(), Files.readString(f)));
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A source with this text, split into blank-line paragraphs (narrative passages). */
  public static SourcePassages paragraphs(String id, String text) {
    Source source = source(id, text);
    List<Passage> passages = new ArrayList<>();
    Matcher m = PARAGRAPH.matcher(text);
    while (m.find()) {
      String para = m.group().strip();
      if (!para.isEmpty()) {
        int start = m.start();
        passages.add(
            Passage.of(id, PassageKind.NARRATIVE, null, null, start, start + para.length(), para));
      }
    }
    return new SourcePassages(source, passages);
  }

  /** A source whose hash is the SHA-256 of its text. */
  public static Source source(String id, String text) {
    return new Source(
        id,
        "/test/" + id,
        SourceKind.PAPER,
        text,
        OffsetMap.identity(text),
        sha256(text),
        Map.of());
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
