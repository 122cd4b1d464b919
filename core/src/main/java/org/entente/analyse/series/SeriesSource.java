package org.entente.analyse.series;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.analyse.AnalysisException;
import org.entente.measure.Period;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.EventStore;
import org.entente.store.MonthRange;

/**
 * Loads several series so that they line up period by period: dyads from a store, columns from CSV
 * files, in any mix. Not thread-safe.
 *
 * <p>Frequency: the files' (they must agree); without a file, the options'. Range: {@code
 * options.from()}/{@code to()} where given; otherwise the overlap of the files' ranges when there
 * are files, else the union of the dyads' event ranges. Dyads are read over that range with every
 * period present (empty periods have n = 0); files are cut to it, and a file that does not cover it
 * leaves undefined values at the ends.
 */
public final class SeriesSource {
  private final StoreSeries store;

  /**
   * Loads from {@code store}, which may be {@code null} when every series is a file.
   *
   * @param store the store, not closed here, or null
   */
  public SeriesSource(EventStore store) {
    this.store = store == null ? null : new StoreSeries(store);
  }

  /**
   * Parses {@code A-B}, {@code A>B} or {@code FILE:COLUMN} (split at the last colon).
   *
   * @param text the option value
   * @param score the score a dyad is read with
   * @return the spec
   * @throws IllegalArgumentException if {@code text} is neither
   */
  public static SeriesSpec spec(String text, Score score) {
    return SeriesSpec.parse(text, score);
  }

  /** Whether any of {@code specs} reads the store. */
  public static boolean needsStore(List<SeriesSpec> specs) {
    return specs.stream().anyMatch(s -> s instanceof SeriesSpec.OfDyad);
  }

  /**
   * Loads the series on one common range.
   *
   * @param specs what to load, in order
   * @param options frequency (unless a file sets it), range and event filters
   * @return one series per spec, in order, all with the same periods; empty series if no range can
   *     be found (no file and no events)
   * @throws AnalysisException if a file cannot be read, files disagree on the frequency, or the
   *     files do not overlap
   * @throws IllegalArgumentException if a file lacks its column
   * @throws IllegalStateException if a dyad is asked for and no store was given
   */
  public List<AnalysisSeries> load(List<SeriesSpec> specs, SeriesOptions options) {
    List<AnalysisSeries> files = new ArrayList<>();
    Frequency frequency = null;
    YearMonth lo = null;
    YearMonth hi = null;
    for (SeriesSpec s : specs) {
      if (s instanceof SeriesSpec.OfFile f) {
        AnalysisSeries a = SeriesCsvReader.read(f.file(), f.column());
        if (frequency != null && a.frequency() != frequency) {
          throw new AnalysisException(
              "series "
                  + a.label()
                  + " is "
                  + a.frequency().name().toLowerCase(java.util.Locale.ROOT)
                  + "ly but "
                  + files.get(0).label()
                  + " is "
                  + frequency.name().toLowerCase(java.util.Locale.ROOT)
                  + "ly");
        }
        frequency = a.frequency();
        YearMonth first = a.periods().get(0).first();
        YearMonth last = a.periods().get(a.length() - 1).last();
        lo = lo == null || first.isAfter(lo) ? first : lo;
        hi = hi == null || last.isBefore(hi) ? last : hi;
        files.add(a);
      }
    }
    SeriesOptions o = frequency == null ? options : options.withFrequency(frequency);
    YearMonth from = o.from() != null ? o.from() : lo;
    YearMonth to = o.to() != null ? o.to() : hi;
    List<Dyad> dyads = new ArrayList<>();
    for (SeriesSpec s : specs) {
      if (s instanceof SeriesSpec.OfDyad d) {
        dyads.add(d.dyad());
      }
    }
    if (!dyads.isEmpty() && store == null) {
      throw new IllegalStateException("dyad series need a store");
    }
    MonthRange range;
    if (from != null && to != null) {
      if (from.isAfter(to)) {
        throw new AnalysisException(
            "the series do not overlap (" + String.join(", ", labels(specs)) + ")");
      }
      range = new MonthRange(from, to);
    } else {
      Optional<MonthRange> r = store.range(dyads, o.withRange(from, to));
      if (r.isEmpty()) {
        return specs.stream().map(s -> empty(s, o)).toList();
      }
      range = r.get();
    }
    List<AnalysisSeries> out = new ArrayList<>();
    int file = 0;
    for (SeriesSpec s : specs) {
      if (s instanceof SeriesSpec.OfDyad d) {
        out.add(store.dyad(d.dyad(), d.score(), o, range));
      } else {
        out.add(cut(files.get(file++), o.frequency(), range));
      }
    }
    return out;
  }

  private static List<String> labels(List<SeriesSpec> specs) {
    return specs.stream().map(SeriesSpec::label).toList();
  }

  private static AnalysisSeries empty(SeriesSpec s, SeriesOptions o) {
    String score = s instanceof SeriesSpec.OfDyad d ? d.score().optionName() : "";
    return new AnalysisSeries(
        s.label(), "store", score, o.frequency(), List.of(), new double[0], new long[0]);
  }

  /** The file series on the periods of {@code range}, undefined where the file has no row. */
  private static AnalysisSeries cut(AnalysisSeries a, Frequency f, MonthRange range) {
    List<Period> periods = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    double[] v = a.values();
    Period last = Period.containing(f, range.last());
    for (Period p = Period.containing(f, range.first()); p.compareTo(last) <= 0; p = p.next()) {
      periods.add(p);
      int i = a.indexOf(p);
      values.add(i < 0 ? Double.NaN : v[i]);
    }
    return new AnalysisSeries(
        a.label(),
        a.origin(),
        a.score(),
        f,
        periods,
        values.stream().mapToDouble(Double::doubleValue).toArray(),
        null);
  }
}
