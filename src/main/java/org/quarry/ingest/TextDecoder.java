package org.quarry.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Turns a text file's bytes into text, detecting the charset rather than assuming it: a byte-order
 * mark decides first (UTF-8, UTF-16 LE/BE); NUL bytes in the pattern of UTF-16 text without a mark
 * decide next; bytes that are valid UTF-8 are UTF-8; anything else goes to Tika's statistical
 * detector, whose guess (windows-1251, windows-1250, Shift_JIS, …) is taken when it is clearly
 * surer of it than of windows-1252, the charset of most legacy Windows text and the fallback.
 * ISO-8859-1 is read as windows-1252, as browsers do: the two differ only where ISO-8859-1 has
 * control characters that real text never holds. Decoded text with many control characters is
 * binary.
 *
 * <p>The byte-order mark is not part of the text: offsets into a file "as read" count code points
 * of the decoded text after the mark.
 */
public final class TextDecoder {
  /** Charset when every clue fails: legacy Windows text is the common non-UTF-8 case. */
  public static final Charset FALLBACK = Charset.forName("windows-1252");

  // below this Tika's guess is noise (it answers for any bytes); the fallback is likelier right
  private static final int MIN_CONFIDENCE = 20;
  // how much likelier than windows-1252 another charset must score to be believed
  private static final int MARGIN = 15;
  private static final Set<String> WESTERN = Set.of("WINDOWS-1252", "ISO-8859-1", "ISO-8859-15");
  private static final Set<String> EBCDIC =
      Set.of("IBM500", "IBM420_LTR", "IBM420_RTL", "IBM424_LTR", "IBM424_RTL");
  // share of control characters above which decoded bytes are not text
  private static final double MAX_CONTROL_SHARE = 0.05;

  private TextDecoder() {}

  /**
   * Decoded text and how it was decoded.
   *
   * @param text the text, without the byte-order mark
   * @param charset the charset the bytes were decoded with
   * @param bomBytes length of the byte-order mark skipped (0 when there was none)
   */
  public record Decoded(String text, Charset charset, int bomBytes) {}

  /**
   * Decodes a text file's bytes.
   *
   * @throws SkippedSourceException {@code empty} for no bytes or only whitespace; {@code binary
   *     file (not text)} for bytes that are not text in any charset Quarry reads
   */
  public static Decoded decode(byte[] bytes) throws SkippedSourceException {
    Decoded decoded = detectAndDecode(bytes);
    if (decoded.text().isBlank()) {
      throw new SkippedSourceException("empty");
    }
    if (controlShare(decoded.text()) > MAX_CONTROL_SHARE) {
      throw new SkippedSourceException("binary file (not text)");
    }
    return decoded;
  }

  private static Decoded detectAndDecode(byte[] b) throws SkippedSourceException {
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return new Decoded(lenient(b, 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, 3);
    }
    if (startsWith(b, 0xFF, 0xFE)) {
      return new Decoded(lenient(b, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, 2);
    }
    if (startsWith(b, 0xFE, 0xFF)) {
      return new Decoded(lenient(b, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, 2);
    }
    if (contains(b, (byte) 0)) {
      Charset utf16 =
          utf16ByNulPattern(b)
              .orElseThrow(() -> new SkippedSourceException("binary file (not text)"));
      return new Decoded(strictly(b, utf16).orElseThrow(), utf16, 0);
    }
    Optional<String> utf8 = strictly(b, StandardCharsets.UTF_8);
    if (utf8.isPresent()) {
      return new Decoded(utf8.get(), StandardCharsets.UTF_8, 0);
    }
    Charset guessed = guess(b);
    return new Decoded(lenient(b, 0, guessed), guessed, 0);
  }

  /**
   * UTF-16 text without a mark that is mostly Latin script has a NUL in every other byte: at odd
   * positions for little-endian, even for big-endian. Bytes with NULs in no such pattern are
   * binary.
   */
  private static Optional<Charset> utf16ByNulPattern(byte[] b) {
    if (b.length % 2 != 0) {
      return Optional.empty();
    }
    int pairs = b.length / 2;
    int evenNuls = 0;
    int oddNuls = 0;
    for (int i = 0; i + 1 < b.length; i += 2) {
      if (b[i] == 0) {
        evenNuls++;
      }
      if (b[i + 1] == 0) {
        oddNuls++;
      }
    }
    Charset charset = null;
    if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.02) {
      charset = StandardCharsets.UTF_16LE;
    } else if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.02) {
      charset = StandardCharsets.UTF_16BE;
    }
    return charset != null && strictly(b, charset).isPresent()
        ? Optional.of(charset)
        : Optional.empty();
  }

  // empty means "not this charset": the caller tries the next clue, so there is no error to keep
  private static Optional<String> strictly(byte[] b, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(b));
      return Optional.of(chars.toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static String lenient(byte[] b, int from, Charset charset) {
    return new String(b, from, b.length - from, charset);
  }

  /**
   * Tika's guess, unless windows-1252 is nearly as likely: on short texts the detector's scores for
   * the Latin charsets are close, and a wrong Central European guess turns "naïve" into "naďve",
   * while most legacy files people hold are windows-1252. EBCDIC and UTF guesses are never right
   * here (the bytes had no NULs and were not UTF-8).
   */
  private static Charset guess(byte[] b) {
    CharsetDetector detector = new CharsetDetector();
    detector.setText(b);
    CharsetMatch[] matches = detector.detectAll();
    int western = 0;
    CharsetMatch best = null;
    for (CharsetMatch m : matches) {
      String name = m.getName().toUpperCase(Locale.ROOT);
      if (WESTERN.contains(name)) {
        western = Math.max(western, m.getConfidence());
      } else if (best == null && !name.startsWith("UTF") && !EBCDIC.contains(name)) {
        best = m;
      }
    }
    if (best == null
        || best.getConfidence() < MIN_CONFIDENCE
        || best.getConfidence() - western < MARGIN) {
      return FALLBACK;
    }
    try {
      return Charset.forName(best.getName());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return FALLBACK;
    }
  }

  private static double controlShare(String text) {
    int controls = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFFFD'
          || (Character.getType(c) == Character.CONTROL
              && c != '\n'
              && c != '\r'
              && c != '\t'
              && c != '\f'
              && c != '\u000B')) {
        controls++;
      }
    }
    return (double) controls / text.length();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] b, byte value) {
    for (byte x : b) {
      if (x == value) {
        return true;
      }
    }
    return false;
  }
}
