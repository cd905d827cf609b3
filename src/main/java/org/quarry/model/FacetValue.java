package org.quarry.model;

/** One value of a facet dimension and how many passages have it. */
public record FacetValue(String value, int count) {}
