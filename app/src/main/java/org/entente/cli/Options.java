package org.entente.cli;

import java.time.YearMonth;

/** Parsing of option values shared by the commands; mistakes become {@link UsageException}s. */
final class Options {
  private Options() {}

  /** {@code YYYY-MM} (or {@code YYYY}, meaning January for --from and December for --to). */
  static YearMonth month(String option, String v, boolean endOfYear) {
    try {
      return org.entente.model.Months.parse(v, endOfYear);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }

  /**
   * Parses an option's value with the shared vocabulary ({@link org.entente.analyse.Vocabulary}).
   *
   * @throws UsageException naming the option and the accepted values
   */
  static <T> T value(String option, String v, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(v);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }

  /** A --from/--to range, either end open (null). */
  record Range(YearMonth from, YearMonth to) {}

  /**
   * Parses --from and --to (both optional) and checks that --from is not after --to.
   *
   * @throws UsageException naming a bad month, or both values when the range is reversed
   */
  static Range range(String from, String to) {
    YearMonth a = month("--from", from, false);
    YearMonth b = month("--to", to, true);
    if (a != null && b != null && a.isAfter(b)) {
      throw new UsageException("--from " + from + " is after --to " + to);
    }
    return new Range(a, b);
  }

  /** A dyad {@code A-B} (undirected) or {@code A>B} (directed). */
  record Dyad(String a, String b, boolean directed) {}

  /**
   * The {@code --actors} filter of {@code ingest} and {@code fetch --ingest}: every actor when the
   * option is absent.
   *
   * @throws UsageException naming a code that is not a country code
   */
  static org.entente.ingest.ActorFilter actors(java.util.List<String> codes) {
    org.entente.ingest.ActorFilter f;
    try {
      f =
          codes == null
              ? org.entente.ingest.ActorFilter.all()
              : org.entente.ingest.ActorFilter.of(new java.util.LinkedHashSet<>(codes));
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    // the filter keeps events between two of its states, by GDELT's and ICEWS's CAMEO country
    // codes: another code, or one code alone, would silently keep nothing
    org.entente.cameo.Cameo cameo = org.entente.cameo.Cameo.bundled();
    for (String c : f.codes()) {
      if (!cameo.isCountry(c)) {
        throw new UsageException(
            "--actors: '"
                + c
                + "' is not a CAMEO country code (three letters such as RUS, PRK, CHN, USA, KOR,"
                + " JPN; see 'entente actors --kind state')");
      }
    }
    if (f.codes().size() == 1) {
      throw new UsageException(
          "--actors: one code keeps nothing (an event is kept when both its actors' countries are"
              + " in the list and differ): name at least two, e.g. --actors RUS,PRK");
    }
    return f;
  }

  static Dyad dyad(String v) {
    try {
      org.entente.analyse.series.Dyad d = org.entente.analyse.series.Dyad.parseKnown(v);
      return new Dyad(d.a(), d.b(), d.directed());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--dyad: " + e.getMessage());
    }
  }
}
