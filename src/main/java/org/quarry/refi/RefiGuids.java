package org.quarry.refi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Stable GUIDs for REFI-QDA exports: name-based UUIDs version 5 (SHA-1, RFC 9562 section 5.5) under
 * a Quarry namespace, so the same code, source or coding gets the same GUID on every export and
 * tools can merge re-exports; and the GUIDs a project came with, kept as they are ({@link #kept}),
 * so a tool gets its own items back.
 */
public final class RefiGuids {
  /** RFC 9562's URL namespace. */
  public static final UUID NAMESPACE_URL = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

  /** Quarry's namespace: v5 of {@code urn:quarry:refi-qda} in the URL namespace. */
  public static final UUID QUARRY = v5(NAMESPACE_URL, "urn:quarry:refi-qda");

  /**
   * The key of a source's metadata that keeps the GUID the source had in the REFI-QDA project it
   * was imported from. It lives on the source record, with the text an export writes back, so it
   * comes and goes with the source: a re-import replaces it, a removed source takes it along.
   */
  public static final String SOURCE_METADATA_KEY = "refi-guid";

  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private RefiGuids() {}

  /** The version-5 UUID of {@code name} (UTF-8) in {@code namespace}. */
  public static UUID v5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK must provide SHA-1", e);
    }
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    sha1.update(ns.array());
    byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    h[6] = (byte) ((h[6] & 0x0f) | 0x50);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
    return new UUID(b.getLong(), b.getLong());
  }

  /** The GUID of {@code kind:key} in Quarry's namespace, lower case without braces. */
  public static String of(String kind, String key) {
    return v5(QUARRY, kind + ":" + key).toString();
  }

  /**
   * A tool's GUID in the form an export writes ({@link #normalise}), or null when it is no GUID at
   * all (some tools write other ids): an export under it would not validate, so such an element
   * gets a generated GUID instead.
   */
  public static String kept(String guid) {
    String g = normalise(guid);
    return GUID.matcher(g).matches() ? g : null;
  }

  /** A GUID as written by any tool ({@code {...}}, upper case) in the form used for lookups. */
  public static String normalise(String guid) {
    String g = guid == null ? "" : guid.strip();
    if (g.startsWith("{") && g.endsWith("}")) {
      g = g.substring(1, g.length() - 1);
    }
    return g.toLowerCase(Locale.ROOT);
  }
}
