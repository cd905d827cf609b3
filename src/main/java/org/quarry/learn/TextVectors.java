package org.quarry.learn;

import java.util.List;

/**
 * Turns texts into sentence vectors of one encoder: the encoder itself or a cache in front of it.
 */
public interface TextVectors {
  /** The encoder's name, as a model file records it. */
  String name();

  /** Length of every vector. */
  int dimensions();

  /** One unit-length vector per text, in order. */
  List<float[]> encode(List<String> texts);
}
