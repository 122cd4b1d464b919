package org.entente.ingest.rollup;

import java.util.Locale;
import java.util.Map;
import org.entente.cameo.Cameo;
import org.entente.ingest.RowRejected;

/** Country codes of imported rows: CAMEO/ISO-3 codes as given, or country names resolved. */
final class Countries {
  /** ICEWS's spellings the CAMEO table does not list. */
  private static final Map<String, String> ICEWS_NAMES =
      Map.of(
          "korea, republic of", "KOR",
          "korea, democratic people's republic of", "PRK");

  private final Cameo cameo;

  Countries(Cameo cameo) {
    this.cameo = cameo;
  }

  /** The code of a CAMEO/ISO-3 country code ({@code SUN} becomes {@code RUS}). */
  String code(String v, String column) throws RowRejected {
    if (v == null) {
      throw new RowRejected("missing actor", column + " is empty");
    }
    String c = Cameo.normaliseCountry(v.strip().toUpperCase(Locale.ROOT));
    if (!cameo.isCountry(c)) {
      throw new RowRejected("unknown country", column + ": '" + v + "' is not a country code");
    }
    return c;
  }

  /** The code of a country name (ICEWS's or the CAMEO table's spellings) or code. */
  String named(String v, String column) throws RowRejected {
    if (v == null) {
      throw new RowRejected("missing actor", column + " is empty");
    }
    String alias = ICEWS_NAMES.get(v.strip().toLowerCase(Locale.ROOT));
    if (alias != null) {
      return alias;
    }
    java.util.Optional<String> c = cameo.countryCodeForName(v);
    if (c.isPresent()) {
      return Cameo.normaliseCountry(c.get());
    }
    return code(v, column);
  }
}
