package org.quarry.index;

import java.util.Map;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;

/**
 * Where a source's passages sit in the normalised text Quarry keeps for it, with the map from that
 * text to the file as read: what a passage's char offsets are taken through to the file's code
 * points, without the text itself (which a source record need not store whole: {@link
 * SourceLayout}).
 */
public final class PassageLocations {
  /** The locations of a source the index keeps no text for. */
  public static final PassageLocations NONE = new PassageLocations(null, null, null);

  private final OffsetMap offsets;
  private final String text;
  private final Map<Long, Integer> places;

  private PassageLocations(OffsetMap offsets, String text, Map<Long, Integer> places) {
    this.offsets = offsets;
    this.text = text;
    this.places = places;
  }

  /** The locations in a source's whole normalised text. */
  static PassageLocations of(String text, OffsetMap offsets) {
    return new PassageLocations(offsets, text, null);
  }

  /** The locations of {@code source}'s passages in its whole text, as read back from a store. */
  public static PassageLocations of(org.quarry.model.Source source) {
    return of(source.text(), source.offsets());
  }

  static PassageLocations of(OffsetMap offsets, SourceLayout layout) {
    return new PassageLocations(offsets, null, layout.places());
  }

  /** The map from the source's normalised text to its file, or null when the index keeps none. */
  public OffsetMap offsets() {
    return offsets;
  }

  /**
   * The char index of {@code p}'s text in the source's normalised text, or -1 when it is not known
   * there.
   */
  public int charIndex(Passage p) {
    if (offsets == null) {
      return -1;
    }
    if (text != null) {
      return SourceLayout.charIndex(text, offsets, p);
    }
    return places.getOrDefault(SourceLayout.key(p.start(), p.text().length()), -1);
  }
}
