package org.quarry.model;

import java.util.Arrays;

/**
 * A compact fingerprint of a source's text (a MinHash signature, say), stored with the source so
 * near duplicates are found without reading texts again. Its values are copied in and out: a record
 * holding an array would otherwise compare by reference and could be changed from outside.
 *
 * @param values the signature's numbers, in the order its finder gives them; empty for none
 */
public record TextSignature(int[] values) {
  private static final TextSignature NONE = new TextSignature(new int[0]);

  public TextSignature {
    values = values == null ? new int[0] : values.clone();
  }

  /** A signature of nothing: never a near duplicate of anything. */
  public static TextSignature none() {
    return NONE;
  }

  /** A copy of the values. */
  @Override
  public int[] values() {
    return values.clone();
  }

  /** How many values the signature has. */
  public int length() {
    return values.length;
  }

  /** The value at {@code i}. */
  public int get(int i) {
    return values[i];
  }

  /** True for a signature without values. */
  public boolean isEmpty() {
    return values.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextSignature other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "TextSignature" + Arrays.toString(values);
  }
}
