package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which charset a text file's bytes are read in. */
class TextDecoderTest {
  @Test
  void validUtf8IsUtf8() throws SkippedSourceException {
    TextDecoder.Decoded d = TextDecoder.decode("naïve café".getBytes(StandardCharsets.UTF_8));
    assertEquals(StandardCharsets.UTF_8, d.charset());
    assertEquals("naïve café", d.text());
  }

  @Test
  void aByteOrderMarkIsCountedButNotKept() throws SkippedSourceException {
    TextDecoder.Decoded d =
        TextDecoder.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'});
    assertEquals("hi", d.text());
    assertEquals(3, d.bomBytes());
  }

  @Test
  void utf16BigEndianWithAMarkIsRead() throws SkippedSourceException {
    byte[] body = "Zoë speaks.".getBytes(StandardCharsets.UTF_16BE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFE;
    bytes[1] = (byte) 0xFF;
    System.arraycopy(body, 0, bytes, 2, body.length);
    TextDecoder.Decoded d = TextDecoder.decode(bytes);
    assertEquals(StandardCharsets.UTF_16BE, d.charset());
    assertEquals("Zoë speaks.", d.text());
  }

  @Test
  void utf16LittleEndianWithoutAMarkIsFoundByItsNuls() throws SkippedSourceException {
    TextDecoder.Decoded d =
        TextDecoder.decode("Zoë speaks at length.".getBytes(StandardCharsets.UTF_16LE));
    assertEquals(StandardCharsets.UTF_16LE, d.charset());
    assertEquals("Zoë speaks at length.", d.text());
  }

  @Test
  void bytesThatAreNotUtf8FallToWindows1252() throws SkippedSourceException {
    byte[] bytes = "Café – £5".getBytes(Charset.forName("windows-1252"));
    TextDecoder.Decoded d = TextDecoder.decode(bytes);
    assertEquals("Café – £5", d.text());
    assertEquals(Charset.forName("windows-1252"), d.charset());
  }

  @Test
  void aLongerLatin1TextIsReadWithItsAccents() throws SkippedSourceException {
    String text =
        "Les médecins généralistes ont décrit leur expérience du réseau. Très différent, "
            + "disait-elle : « on a gagné du temps, mais perdu la proximité ». Zoë était d’accord.\n";
    TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(Charset.forName("windows-1252")));
    assertEquals(text, d.text());
  }

  @Test
  void aLongerCyrillicTextIsDetectedNotAssumed() throws SkippedSourceException {
    String text =
        "Врачи общей практики рассказали о своей работе в сети. Нагрузка растёт каждый год, "
            + "и звонки не прекращаются.\n";
    TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(Charset.forName("windows-1251")));
    assertEquals(Charset.forName("windows-1251"), d.charset());
    assertEquals(text, d.text());
  }

  @Test
  void aLongerPolishTextIsDetectedNotAssumed() throws SkippedSourceException {
    String text =
        "Lekarze rodzinni opowiadali o pracy w sieci. Obciążenie rośnie każdego roku, "
            + "a telefony dzwonią bez przerwy.\n";
    TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(Charset.forName("windows-1250")));
    assertEquals(text, d.text());
  }

  @Test
  void nulsOutOfTheUtf16PatternAreBinary() {
    byte[] bytes = "some text with a NUL".getBytes(StandardCharsets.US_ASCII);
    bytes[4] = 0;
    SkippedSourceException e =
        assertThrows(SkippedSourceException.class, () -> TextDecoder.decode(bytes));
    assertEquals("binary file (not text)", e.reason());
  }
}
