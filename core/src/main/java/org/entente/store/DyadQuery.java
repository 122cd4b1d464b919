package org.entente.store;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;

/**
 * Which events of a dyad to aggregate, and how (METHODS §1.4–1.5).
 *
 * @param source actor 1 country code (CAMEO), e.g. RUS
 * @param target actor 2 country code, e.g. PRK
 * @param directed {@code true} for {@code source→target} only; {@code false} pools both directions
 * @param from first month, inclusive, or {@code null} for the dyad's first event
 * @param to last month, inclusive, or {@code null} for the dyad's last event
 * @param dataSource the data source whose events are read (e.g. {@code gdelt2}, {@code icews},
 *     {@code chronology}, an imported aggregate's name), or {@code null} for every source in the
 *     store pooled. Callers decide whether pooling is allowed ({@link SourceSelection}); the engine
 *     only filters.
 */
public record DyadQuery(
    String source,
    String target,
    boolean directed,
    YearMonth from,
    YearMonth to,
    Frequency frequency,
    Weighting weighting,
    Dedup dedup,
    boolean stateOnly,
    boolean dropStatements,
    String dataSource) {

  public DyadQuery {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(weighting, "weighting");
    Objects.requireNonNull(dedup, "dedup");
    if (source.equals(target)) {
      throw new IllegalArgumentException("a dyad needs two different actors: " + source);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
  }

  /** A query over every source in the store ({@code dataSource} null). */
  public DyadQuery(
      String source,
      String target,
      boolean directed,
      YearMonth from,
      YearMonth to,
      Frequency frequency,
      Weighting weighting,
      Dedup dedup,
      boolean stateOnly,
      boolean dropStatements) {
    this(
        source,
        target,
        directed,
        from,
        to,
        frequency,
        weighting,
        dedup,
        stateOnly,
        dropStatements,
        null);
  }

  /** The same query restricted to one data source ({@code null}: every source). */
  public DyadQuery withDataSource(String name) {
    return new DyadQuery(
        source,
        target,
        directed,
        from,
        to,
        frequency,
        weighting,
        dedup,
        stateOnly,
        dropStatements,
        name);
  }

  /** Undirected monthly counts with no weighting, deduplication or filters. */
  public static DyadQuery monthly(String a, String b) {
    return new DyadQuery(
        a, b, false, null, null, Frequency.MONTH, Weighting.NONE, Dedup.NONE, false, false);
  }

  /** The same query over another range. */
  public DyadQuery withRange(YearMonth newFrom, YearMonth newTo) {
    return new DyadQuery(
        source,
        target,
        directed,
        newFrom,
        newTo,
        frequency,
        weighting,
        dedup,
        stateOnly,
        dropStatements,
        dataSource);
  }

  /** {@code A>B} for a directed dyad, {@code A-B} for an undirected one. */
  public String label() {
    return source + (directed ? ">" : "-") + target;
  }

  /** Period length of a series. */
  /**
   * A range bound that would cut a period.
   *
   * @param bound {@code from} or {@code to}
   * @param reason why, starting with the month given
   */
  public record Cut(String bound, String reason) {
    /** {@code from 2011-08 starts inside a quarter: ...}. */
    public String message() {
      return bound + " " + reason;
    }
  }

  public enum Frequency {
    MONTH,
    QUARTER,
    YEAR;

    public static Frequency parse(String s) {
      return switch (FrequencyWords.canonical(s)) {
        case "month" -> MONTH;
        case "quarter" -> QUARTER;
        case "year" -> YEAR;
        default ->
            throw new IllegalArgumentException(
                "unknown frequency '" + s + "' (expected month, quarter or year)");
      };
    }

    private static Cut cut(String bound, String what, String unit, String instead) {
      return new Cut(
          bound,
          what
              + " inside a "
              + unit
              + ": a "
              + unit
              + "ly series sums whole "
              + unit
              + "s; give "
              + instead
              + " or a monthly series");
    }

    /** Months per period: 1, 3 or 12. */
    public int months() {
      return switch (this) {
        case MONTH -> 1;
        case QUARTER -> 3;
        case YEAR -> 12;
      };
    }

    /**
     * Why a range given by the user would cut its first or last period of this frequency, or null
     * if it does not: {@code --freq quarter --from 2011-08} summed August and September as 2011-Q3
     * (n 118 where the quarter had 174), with nothing in the CSV or the table to show it.
     *
     * @param from the first month asked for, or null
     * @param to the last month asked for, or null
     * @return the bound that cuts a period and why, or null
     */
    public Cut cutsPeriod(YearMonth from, YearMonth to) {
      if (this == MONTH) {
        return null;
      }
      int k = months();
      String unit = this == QUARTER ? "quarter" : "year";
      if (from != null && (from.getMonthValue() - 1) % k != 0) {
        YearMonth first = from.minusMonths((from.getMonthValue() - 1) % k);
        return cut("from", from + " starts", unit, first + " (the " + unit + "'s first month)");
      }
      if (to != null && to.getMonthValue() % k != 0) {
        YearMonth last = to.plusMonths(k - to.getMonthValue() % k);
        return cut("to", to + " ends", unit, last + " (the " + unit + "'s last month)");
      }
      return null;
    }
  }

  /**
   * Event weight w_e (METHODS §1.5). Events whose source lacks the field (ICEWS, the curated
   * chronology) get weight 1. {@code ALLMENTIONS} is the event's number of rows in the GDELT 2.0
   * Mentions table — its whole coverage, where NumMentions ({@code MENTIONS}) counts only the
   * 15-minute update in which the event was first seen (METHODS §1.4); it needs the mentions of
   * every event it weighs, and an engine refuses the query otherwise.
   */
  public enum Weighting {
    NONE,
    ARTICLES,
    SOURCES,
    MENTIONS,
    LOGMENTIONS,
    ALLMENTIONS;

    public static Weighting parse(String s) {
      for (Weighting w : values()) {
        if (w.name().equalsIgnoreCase(s)) {
          return w;
        }
      }
      throw new IllegalArgumentException(
          "unknown weight '"
              + s
              + "' (expected none, articles, sources, mentions, logmentions or allmentions)");
    }

    public String optionName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Deduplication mode (METHODS §1.4). {@code ROOT} keeps root events (rows of sources without the
   * notion count as root); {@code DAILY} collapses identical (day, actor-1 country, actor-2
   * country, event code) into one event whose weight is the group's maximum; {@code URL} collapses
   * identical (source URL, countries, event code), leaving rows without a URL as they are.
   */
  public enum Dedup {
    NONE,
    ROOT,
    DAILY,
    URL;

    public static Dedup parse(String s) {
      for (Dedup d : values()) {
        if (d.name().equalsIgnoreCase(s)) {
          return d;
        }
      }
      throw new IllegalArgumentException(
          "unknown dedup mode '" + s + "' (expected none, root, daily or url)");
    }

    public String optionName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
