package org.entente.analyse.triangle;

import java.util.List;
import java.util.Objects;

/**
 * Three distinct actors forming a triangle, with sides a–b, b–c and c–a.
 *
 * @param a first vertex (for example {@code "USA"})
 * @param b second vertex
 * @param c third vertex
 */
public record Triad(String a, String b, String c) {

  /**
   * Validates the vertices.
   *
   * @throws NullPointerException if a vertex is null
   * @throws IllegalArgumentException if two vertices are equal or a vertex is blank
   */
  public Triad {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(c, "c");
    if (a.isBlank() || b.isBlank() || c.isBlank()) {
      throw new IllegalArgumentException("vertex names must not be blank");
    }
    if (a.equals(b) || b.equals(c) || c.equals(a)) {
      throw new IllegalArgumentException("vertices must be distinct: " + a + ", " + b + ", " + c);
    }
  }

  /**
   * Returns the vertices in order a, b, c.
   *
   * @return an immutable list of the three vertices
   */
  public List<String> vertices() {
    return List.of(a, b, c);
  }
}
