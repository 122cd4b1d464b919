package org.entente.cameo;

/**
 * How a CAMEO root code maps to a quad class (1 verbal cooperation, 2 material cooperation, 3
 * verbal conflict, 4 material conflict). METHODS §1.2: the two mappings disagree on roots 09 and
 * 14.
 */
public enum QuadMapping {
  /** GDELT's mapping as observed in its raw files: 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4. */
  GDELT,
  /** The ICEWS tooling's mapping (andybega/icews): 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4. */
  ICEWS;

  /**
   * The mapping named {@code s}: {@code gdelt} or {@code icews} (any case, spaces around ignored).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static QuadMapping parse(String s) {
    return switch (s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "gdelt" -> GDELT;
      case "icews" -> ICEWS;
      default ->
          throw new IllegalArgumentException(
              "--quad-mapping: '" + s + "' is not one of gdelt, icews");
    };
  }

  /**
   * Quad class of a two-digit root code.
   *
   * @throws IllegalArgumentException if the root is not 01..20
   */
  public int quadOf(String rootCode) {
    int root = parseRoot(rootCode);
    return switch (this) {
      case GDELT -> root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
      case ICEWS -> root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    };
  }

  private static int parseRoot(String rootCode) {
    if (rootCode == null
        || rootCode.length() != 2
        || !(rootCode.charAt(0) >= '0' && rootCode.charAt(0) <= '9')
        || !(rootCode.charAt(1) >= '0' && rootCode.charAt(1) <= '9')) {
      throw new IllegalArgumentException("not a CAMEO root code: " + rootCode);
    }
    int root = Integer.parseInt(rootCode);
    if (root < 1 || root > 20) {
      throw new IllegalArgumentException("not a CAMEO root code: " + rootCode);
    }
    return root;
  }
}
