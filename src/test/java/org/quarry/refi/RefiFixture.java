package org.quarry.refi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.quarry.model.Case;
import org.quarry.model.CodeScore;
import org.quarry.model.Coding;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;
import org.quarry.model.Span;
import org.xml.sax.SAXException;

/**
 * Sources whose text Quarry normalised (CRLF to LF, NFD to NFC, a hyphenated line break joined),
 * with emoji, accents and characters outside the BMP, and passages and codings on them.
 */
final class RefiFixture {
  private RefiFixture() {}

  static final String INTERVIEW_ORIGINAL =
      "Interviewer: How was the first year?\r\n"
          + "P01: Honestly the cafe\u0301 meetings were the best part \uD83D\uDE0A and we built trust.\r\n"
          + "\r\n"
          + "P01: The ICS felt distant; na\u00EFve co-\r\noperation, \uD835\uDC9C lot of paperwork "
          + "\uD83D\uDC4D\uD83C\uDFFD.\r\n";

  static final String MEMO_ORIGINAL = "Memo: réunion à Zürich — \uD834\uDD1E music; trust again.\n";

  static final Source INTERVIEW = normalise("interviews/p01.txt", INTERVIEW_ORIGINAL, "P01");
  static final Source MEMO = normalise("memo.txt", MEMO_ORIGINAL, "P02");

  static final Passage CAFE =
      passage(INTERVIEW, "café meetings were the best part \uD83D\uDE0A", "P01");
  static final Passage TRUST = passage(INTERVIEW, "we built trust", "P01");
  static final Passage ICS =
      passage(
          INTERVIEW,
          "The ICS felt distant; naïve cooperation, \uD835\uDC9C lot of paperwork \uD83D\uDC4D\uD83C\uDFFD.",
          "P01");
  static final Passage MEMO_TRUST = passage(MEMO, "trust again", "P02");

  static final List<Source> SOURCES = List.of(INTERVIEW, MEMO);
  static final List<Passage> PASSAGES = List.of(CAFE, TRUST, ICS, MEMO_TRUST);

  static final List<Coding> CODINGS =
      List.of(
          coding(CAFE, "meetings", 0.8, CodeScore.SUGGESTED),
          coding(TRUST, "trust", 1.0, CodeScore.HUMAN),
          coding(ICS, "system", 0.7, CodeScore.SUGGESTED),
          coding(ICS, "trust", 0.6, CodeScore.SUGGESTED),
          coding(MEMO_TRUST, "trust", 1.0, CodeScore.HUMAN));

  static final List<Case> CASES =
      List.of(
          new Case("P01", Map.of("role", "GP", "region", "North & East")),
          new Case("P02", Map.of("role", "Manager")));

  static Coding coding(Passage p, String code, double score, String origin) {
    return new Coding(p.source(), p.start(), p.end(), code, score, origin);
  }

  /** A passage on {@code phrase}, found in the normalised text, offsets in the original file. */
  static Passage passage(Source s, String phrase, String participant) {
    int a = s.text().indexOf(phrase);
    if (a < 0) {
      throw new IllegalStateException("fixture phrase not in " + s.id() + ": " + phrase);
    }
    Span span = s.offsets().toOriginal(a, a + phrase.length());
    return Passage.of(s.id(), PassageKind.TURN, participant, null, span.start(), span.end(), phrase)
        .withAttributes(Map.of("role", participant.equals("P01") ? "GP" : "Manager"));
  }

  /**
   * Normalises like Quarry's reader: CRLF becomes LF (mapped to the CR), a letter plus combining
   * marks becomes NFC (mapped to the letter), and "-" + line break between letters is removed.
   */
  static Source normalise(String id, String original, String participant) {
    StringBuilder out = new StringBuilder();
    List<Integer> origin = new ArrayList<>();
    int[] cps = original.codePoints().toArray();
    for (int k = 0; k < cps.length; k++) {
      int cp = cps[k];
      if (cp == '\r' && k + 1 < cps.length && cps[k + 1] == '\n') {
        out.append('\n');
        origin.add(k);
        k++;
        continue;
      }
      if (cp == '-'
          && k + 3 < cps.length
          && cps[k + 1] == '\r'
          && cps[k + 2] == '\n'
          && k > 0
          && Character.isLetter(cps[k - 1])
          && Character.isLetter(cps[k + 3])) {
        k += 2;
        continue;
      }
      int j = k + 1;
      while (j < cps.length && Character.getType(cps[j]) == Character.NON_SPACING_MARK) {
        j++;
      }
      String cluster = Normalizer.normalize(new String(cps, k, j - k), Normalizer.Form.NFC);
      for (int c = 0; c < cluster.length(); c++) {
        origin.add(k);
      }
      out.append(cluster);
      k = j - 1;
    }
    origin.add(cps.length);
    return new Source(
        id,
        "/fixtures/" + id,
        SourceKind.TRANSCRIPT,
        out.toString(),
        OffsetMap.of(origin.stream().mapToInt(Integer::intValue).toArray()),
        "",
        Map.of("participant", participant));
  }

  /** The entries of a ZIP, by name. */
  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static Path resource(String name) {
    try {
      return Path.of(RefiFixture.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Validates {@code xml} against a schema under /refi/, throwing SAXException on the first error.
   */
  static void validate(byte[] xml, String schema) throws IOException, SAXException {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try (InputStream in = Files.newInputStream(resource("/refi/" + schema))) {
      f.newSchema(new StreamSource(in))
          .newValidator()
          .validate(new StreamSource(new ByteArrayInputStream(xml)));
    }
  }

  private static final java.util.regex.Pattern GUID =
      java.util.regex.Pattern.compile(
          "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?");

  /**
   * The archive as a tool that mints every GUID anew on export writes it (QualCoder does): each
   * GUID in the {@code .qde} (codes, sources, selections, codings, cases, variables, users) and in
   * the names of the source files is replaced by another one, the same wherever it is referred to,
   * in upper case in braces. Nothing else changes.
   */
  static Map<String, byte[]> regenerateGuids(Map<String, byte[]> entries) {
    Map<String, String> fresh = new java.util.HashMap<>();
    java.util.function.Function<String, String> rewrite =
        text ->
            GUID.matcher(text)
                .replaceAll(
                    m -> {
                      String old = RefiGuids.normalise(m.group());
                      String now =
                          fresh.computeIfAbsent(
                              old,
                              k ->
                                  java.util
                                      .UUID
                                      .nameUUIDFromBytes(
                                          ("regenerated " + k).getBytes(StandardCharsets.UTF_8))
                                      .toString());
                      return "{" + now.toUpperCase(java.util.Locale.ROOT) + "}";
                    });
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      String name = rewrite.apply(e.getKey());
      byte[] bytes =
          e.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(".qde")
              ? rewrite
                  .apply(new String(e.getValue(), StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8)
              : e.getValue();
      out.put(name, bytes);
    }
    return out;
  }

  /** The NVivo-like archive: a .qde not called project.qde, a capitalised Sources/ folder. */
  static byte[] nvivoLike(String qde) throws IOException {
    Path dir = resource("/refi/nvivo-like");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("Interview study.qde", Files.readAllBytes(dir.resolve(qde)));
    try (var files = Files.list(dir.resolve("Sources"))) {
      for (Path f : files.sorted().toList()) {
        entries.put("Sources/" + f.getFileName(), Files.readAllBytes(f));
      }
    }
    return zip(entries);
  }
}
