package org.entente.analyse.character;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Classifies CAMEO event codes of cooperative events into issue domains. Thread-safe.
 *
 * <p>The lists are those of METHODS 6.1, taken as given: ECO 0211 0231 0311 0331 0354 061 071 085;
 * MIL 0212 0232 0234 0312 0332 0334 062 072 074; JUD 0213 0313 063; INT 0214 0314 064; HUM 0233
 * 0333 073 0863; DIP every other code with root 02–08. A code belongs to a domain if it equals a
 * listed code or extends it (so a listed three-digit base code covers its four-digit children).
 */
public final class Domains {

  private static final Map<Domain, List<String>> LISTED =
      Map.of(
          Domain.ECO, List.of("0211", "0231", "0311", "0331", "0354", "061", "071", "085"),
          Domain.MIL, List.of("0212", "0232", "0234", "0312", "0332", "0334", "062", "072", "074"),
          Domain.JUD, List.of("0213", "0313", "063"),
          Domain.INT, List.of("0214", "0314", "064"),
          Domain.HUM, List.of("0233", "0333", "073", "0863"));

  private Domains() {}

  /**
   * Classifies one code.
   *
   * @param cameoCode a CAMEO event code as a string with its leading zero ({@code "0211"}, not
   *     {@code "211"}), 2 to 4 digits
   * @return the domain for cooperative codes (roots 02–08), empty for other roots (01, 09–20)
   * @throws NullPointerException if {@code cameoCode} is null
   * @throws IllegalArgumentException if the code is not 2–4 digits or its root is not 01–20
   *     (typically a code read as an integer that lost its leading zero)
   */
  public static Optional<Domain> classify(String cameoCode) {
    Objects.requireNonNull(cameoCode, "cameoCode");
    String code = cameoCode.trim();
    if (code.length() < 2 || code.length() > 4 || !org.entente.ingest.Fields.asciiDigits(code)) {
      throw new IllegalArgumentException("not a CAMEO code: '" + cameoCode + "'");
    }
    int root = Integer.parseInt(code.substring(0, 2));
    if (root < 1 || root > 20) {
      throw new IllegalArgumentException(
          "CAMEO root must be 01-20, got '"
              + cameoCode
              + "' (was the code read as a number and its leading zero lost?)");
    }
    if (root < 2 || root > 8) {
      return Optional.empty();
    }
    for (Domain domain : List.of(Domain.ECO, Domain.MIL, Domain.JUD, Domain.INT, Domain.HUM)) {
      for (String listed : LISTED.get(domain)) {
        if (code.startsWith(listed)) {
          return Optional.of(domain);
        }
      }
    }
    return Optional.of(Domain.DIP);
  }
}
