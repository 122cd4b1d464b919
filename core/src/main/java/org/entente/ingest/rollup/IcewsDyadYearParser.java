package org.entente.ingest.rollup;

import java.time.LocalDate;
import java.util.List;
import org.entente.ingest.Fields;
import org.entente.ingest.RowRejected;
import org.entente.ingest.RowSink;
import org.entente.store.RollupFrequency;
import org.entente.store.RollupRow;

/**
 * ICEWS directed dyad-year quad counts in the layout of the netify package ({@code i}, {@code j},
 * {@code year}, {@code verbCoop}, {@code matlCoop}, {@code verbConf}, {@code matlConf}, optional
 * {@code i_iso3c}/{@code j_iso3c}): verbCoop → w1, matlCoop → w2, verbConf → w3, matlConf → w4, n =
 * their sum (every ICEWS event has one quad class). Actors are read from the ISO-3 columns where
 * the header has them, else from ICEWS's country names. No Goldstein values: goldstein_sum is
 * absent. A zero row is a year with no events (ICEWS's zeros are real), not a gap.
 */
final class IcewsDyadYearParser extends CsvImportParser {
  private static final String[] QUADS = {"verbCoop", "matlCoop", "verbConf", "matlConf"};
  private final int i;
  private final int j;
  private final int iIso;
  private final int jIso;
  private final int year;
  private final int[] quad = new int[4];
  private final String source;
  private final Countries countries;
  private final SourceRules rules;

  IcewsDyadYearParser(String header, String source, Countries countries, SourceRules rules) {
    super(header);
    iIso = column("i_iso3c");
    jIso = column("j_iso3c");
    i = iIso >= 0 ? column("i") : required("i");
    j = jIso >= 0 ? column("j") : required("j");
    year = required("year");
    for (int k = 0; k < 4; k++) {
      quad[k] = required(QUADS[k]);
    }
    this.source = source;
    this.countries = countries;
    this.rules = rules;
  }

  /** Whether a header line looks like this layout. */
  static boolean looksLikeHeader(String header) {
    String h = header.toLowerCase(java.util.Locale.ROOT);
    return h.contains("verbcoop") && h.contains("matlconf") && h.contains("year");
  }

  @Override
  void record(List<String> f, long line, RowSink sink) throws RowRejected {
    rules.aggregate(source, RollupFrequency.YEAR);
    String a1 =
        iIso >= 0 && value(f, iIso) != null
            ? countries.code(value(f, iIso), "i_iso3c")
            : countries.named(value(f, i), "i");
    String a2 =
        jIso >= 0 && value(f, jIso) != null
            ? countries.code(value(f, jIso), "j_iso3c")
            : countries.named(value(f, j), "j");
    String y = value(f, year);
    if (y == null || !y.matches("[0-9]{4}")) {
      throw new RowRejected("bad year", "year: '" + (y == null ? "" : y) + "' is not YYYY");
    }
    double[] w = new double[4];
    long n = 0;
    for (int k = 0; k < 4; k++) {
      Integer c = Fields.count(value(f, quad[k]), QUADS[k]);
      if (c == null) {
        throw new RowRejected("missing count", QUADS[k] + " is empty");
      }
      w[k] = c;
      n += c;
    }
    if (a1.equals(a2)) {
      throw new RowRejected("self-dyad", "i and j are both " + a1);
    }
    sink.rollup(
        new RollupRow(
            source,
            RollupFrequency.YEAR,
            LocalDate.of(Integer.parseInt(y), 1, 1),
            a1,
            a2,
            true,
            n,
            w[0],
            w[1],
            w[2],
            w[3],
            null,
            null,
            null),
        line);
  }

  @Override
  public String formatName() {
    return "icews-dyad-year:" + source;
  }
}
