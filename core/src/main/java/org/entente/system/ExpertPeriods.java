package org.entente.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expert periodisations from the seeds, bundled in the jar ({@value #RESOURCE}): Rozman's four
 * stages of the Turn to the East (seed 000) and the older eras in Van Jackson's essay (seed 004).
 * Within a scheme, periods are ordered and do not overlap.
 */
public final class ExpertPeriods {
  public static final String RESOURCE = "/org/entente/system/expert-periods.tsv";
  private static volatile List<ExpertPeriod> bundled;

  private ExpertPeriods() {}

  /** Every bundled period, in file order. */
  public static List<ExpertPeriod> bundled() {
    List<ExpertPeriod> b = bundled;
    if (b == null) {
      try (InputStream in = ExpertPeriods.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the bundled expert periods are missing");
        }
        b = read(in);
        bundled = b;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return b;
  }

  /** The names of the bundled schemes. */
  public static Set<String> schemes() {
    Set<String> s = new LinkedHashSet<>();
    bundled().forEach(p -> s.add(p.scheme()));
    return s;
  }

  /**
   * The periods of one scheme in order.
   *
   * @throws IllegalArgumentException naming the known schemes if {@code scheme} is unknown
   */
  public static List<ExpertPeriod> scheme(String scheme) {
    List<ExpertPeriod> out = bundled().stream().filter(p -> p.scheme().equals(scheme)).toList();
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown expert periodisation '"
              + scheme
              + "' (known: "
              + String.join(", ", schemes())
              + ")");
    }
    return out;
  }

  /** The first months of the periods after the first one: the breaks an analysis should find. */
  public static List<YearMonth> breaks(String scheme) {
    List<ExpertPeriod> ps = scheme(scheme);
    List<YearMonth> out = new ArrayList<>();
    for (int i = 1; i < ps.size(); i++) {
      out.add(ps.get(i).first());
    }
    return out;
  }

  /**
   * Reads periods (header {@code scheme period first last seed characterisation}).
   *
   * @throws IllegalArgumentException naming the line of a malformed period, or a scheme whose
   *     periods are out of order or overlap
   */
  public static List<ExpertPeriod> read(InputStream in) throws IOException {
    List<ExpertPeriod> out = new ArrayList<>();
    for (TsvRows.Row row :
        TsvRows.read(
            in,
            "expert periods",
            List.of("scheme", "period", "first", "last", "seed", "characterisation"))) {
      int n = row.line();
      String[] f = row.fields();
      try {
        YearMonth first = YearMonth.parse(f[2].strip());
        YearMonth last = f[3].isBlank() ? null : YearMonth.parse(f[3].strip());
        if (last != null && last.isBefore(first)) {
          throw new IllegalArgumentException("expert periods line " + n + ": last before first");
        }
        ExpertPeriod p =
            new ExpertPeriod(f[0].strip(), f[1].strip(), first, last, f[4].strip(), f[5].strip());
        ExpertPeriod prev = out.isEmpty() ? null : out.get(out.size() - 1);
        if (prev != null
            && prev.scheme().equals(p.scheme())
            && (prev.last() == null || !prev.last().isBefore(p.first()))) {
          throw new IllegalArgumentException(
              "expert periods line " + n + ": overlaps or precedes the previous period");
        }
        out.add(p);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "expert periods line " + n + ": months are written YYYY-MM", e);
      }
    }
    return List.copyOf(out);
  }
}
