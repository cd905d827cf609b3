package org.quarry.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A case of a qualitative project, usually a participant, with its attributes.
 *
 * @param id the case's id (a participant code such as {@code P01})
 * @param attributes attribute name to value (role, region, …), sorted by name; never null
 */
public record Case(String id, Map<String, String> attributes) {
  public Case {
    Objects.requireNonNull(id, "id");
    attributes =
        attributes == null
            ? Map.of()
            : Collections.unmodifiableMap(new TreeMap<>(attributes));
  }
}
