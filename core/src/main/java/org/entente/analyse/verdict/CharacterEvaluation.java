package org.entente.analyse.verdict;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.analyse.CharacterAnalysis;
import org.entente.analyse.CharacterReport;
import org.entente.analyse.character.CharacterComponents;
import org.entente.analyse.series.Dyad;
import org.entente.analyse.verdict.Evaluation.Finding;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.MonthRange;
import org.entente.system.Proposition;

/**
 * Test kind {@code character} (P6): is a dyad's target window strategic rather than transactional,
 * relative to a reference set of (dyad, window) rows?
 *
 * <p>Operationalisation read: {@code dyad}, {@code window_months}, {@code target_window}, {@code
 * reference} (dyads {@code all_six_state}; windows {@code non_overlapping_W_months_from_YYYY}),
 * {@code expected} (tsi_z positive; components_above_median: component names), {@code minimum}
 * (events_in_target_window, reference_rows).
 *
 * <p>Reference rows: every complete, non-overlapping window of W months from January of the given
 * year up to the last month with data, for each of the 15 core dyads, that has events; the target
 * (dyad, window) is added if it is not one of them. The composite index (METHODS §6) is computed
 * over these rows; tsi_z = (TSI_target − mean TSI)/SD TSI over the rows with a defined TSI. A
 * component is above the median when it exceeds the median of its defined values over the rows.
 * Test: the target's rank among the rows' TSI values, empirical p = share of rows at least as high
 * (or as low), two-sided; with R rows the smallest p is 2/R. Effect: tsi_z, minimum {@link
 * #MINIMUM_Z}; "supported" also needs every listed component above its median. Too few target
 * events or reference rows → insufficient data.
 */
final class CharacterEvaluation implements Evaluation {
  private static final Pattern WINDOWS =
      Pattern.compile("non_overlapping_(\\d+)_months_from_(\\d{4})");

  @Override
  public Finding evaluate(Proposition p, Spec s, Context c, Map<String, Object> evidence) {
    Dyad dyad = Dyad.parse(s.string("dyad"));
    int w = s.integer("window_months");
    YearMonth tFrom = s.month("target_window.from");
    YearMonth tTo = s.month("target_window.to");
    if (!s.string("reference.dyads").equals("all_six_state")) {
      throw s.fail("reference.dyads", "all_six_state");
    }
    Matcher m = WINDOWS.matcher(s.string("reference.windows"));
    if (!m.matches()) {
      throw s.fail("reference.windows", "non_overlapping_W_months_from_YYYY");
    }
    int gridMonths = Integer.parseInt(m.group(1));
    YearMonth gridFrom = YearMonth.of(Integer.parseInt(m.group(2)), 1);
    if (!s.string("expected.tsi_z").equals("positive")) {
      throw s.fail("expected.tsi_z", "positive");
    }
    List<String> above =
        s.list("expected.components_above_median").stream().map(Object::toString).toList();
    int minEvents = s.integer("minimum.events_in_target_window");
    int minRows = s.integer("minimum.reference_rows");
    evidence.put("target_window", tFrom + ".." + tTo);
    CharacterAnalysis analysis = new CharacterAnalysis(c.store);
    CharacterReport.Window target =
        analysis
            .windows(
                dyad,
                List.of(new MonthRange(tFrom, tTo)),
                (int) java.time.temporal.ChronoUnit.MONTHS.between(tFrom, tTo) + 1,
                c.filters)
            .get(0);
    evidence.put("events_in_target_window", target.events());
    // the core dyads the store holds (a filtered store's others have no windows with events)
    List<Dyad> core = c.series.held(Dyad.coreDyads());
    Optional<MonthRange> data =
        c.series.range(core, c.options(Frequency.MONTH).withRange(gridFrom, null));
    List<CharacterReport.Window> rows = new ArrayList<>();
    if (data.isPresent()) {
      List<MonthRange> grid = CharacterAnalysis.grid(gridFrom, data.get().last(), gridMonths, true);
      for (List<CharacterReport.Window> ws :
          analysis.windowsAll(core, grid, gridMonths, c.filters)) {
        for (CharacterReport.Window x : ws) {
          if (x.events() > 0) {
            rows.add(x);
          }
        }
      }
    }
    String targetKey = new Dyad(dyad.a(), dyad.b(), false).label();
    boolean onGrid = false;
    for (int i = 0; i < rows.size(); i++) {
      CharacterReport.Window x = rows.get(i);
      if (same(x.dyad(), targetKey) && x.first().equals(tFrom) && x.last().equals(tTo)) {
        onGrid = true;
      }
    }
    if (!onGrid && target.events() > 0) {
      rows.add(target);
    }
    evidence.put("reference_rows", rows.size());
    if (target.events() < minEvents || rows.size() < minRows) {
      return Finding.insufficient(
          "too little data: "
              + target.events()
              + " events in the target window (minimum "
              + minEvents
              + "), "
              + rows.size()
              + " reference rows (minimum "
              + minRows
              + ")");
    }
    List<CharacterReport.Window> scored = CharacterAnalysis.score(rows);
    CharacterReport.Window t = null;
    for (CharacterReport.Window x : scored) {
      if (same(x.dyad(), targetKey) && x.first().equals(tFrom) && x.last().equals(tTo)) {
        t = x;
      }
    }
    double[] tsi =
        scored.stream().mapToDouble(x -> x.score().tsi()).filter(Double::isFinite).toArray();
    double mean = Arrays.stream(tsi).average().orElse(Double.NaN);
    double sd = sd(tsi, mean);
    double z = t == null || !(sd > 0) ? Double.NaN : (t.score().tsi() - mean) / sd;
    CharacterComponents comp = target.components();
    evidence.put("components", comp.named());
    evidence.put("tsi", t == null ? Double.NaN : t.score().tsi());
    evidence.put("tsi_components_used", t == null ? 0 : t.score().componentsUsed());
    evidence.put("reference_tsi_mean", mean);
    evidence.put("reference_tsi_sd", sd);
    evidence.put("tsi_z", z);
    Map<String, Object> medians = new LinkedHashMap<>();
    List<String> notAbove = new ArrayList<>();
    for (String name : above) {
      ToDoubleFunction<CharacterComponents> f = component(name, s);
      double med =
          median(
              scored.stream()
                  .mapToDouble(x -> f.applyAsDouble(x.components()))
                  .filter(Double::isFinite)
                  .toArray());
      double v = f.applyAsDouble(comp);
      // in this order in every run (Map.of's iteration order varies between JVMs and archives)
      Map<String, Object> pair = new LinkedHashMap<>();
      pair.put("target", v);
      pair.put("reference_median", med);
      medians.put(name, pair);
      if (!(v > med)) {
        notAbove.add(name + " " + Evaluation.num(v) + " ≤ median " + Evaluation.num(med));
      }
    }
    evidence.put("above_median", medians);
    if (Double.isNaN(z)) {
      return Finding.insufficient("the index is undefined for the target window");
    }
    double targetTsi = t.score().tsi();
    int ge = 0;
    int le = 0;
    for (double v : tsi) {
      if (v >= targetTsi) {
        ge++;
      }
      if (v <= targetTsi) {
        le++;
      }
    }
    double upper = (double) ge / tsi.length;
    double lower = (double) le / tsi.length;
    TestResult.Direction dir = Decisions.direction(z, true);
    TestResult test =
        new TestResult(
            dyad + " " + tFrom + ".." + tTo + " TSI vs reference rows",
            "rank of the target among the "
                + tsi.length
                + " reference rows (empirical p = share of rows at least as extreme), two-sided",
            tsi.length,
            targetTsi,
            Math.min(1, 2 * Math.min(upper, lower)),
            Double.NaN,
            z,
            "tsi_z",
            "tsi_z >= " + MINIMUM_Z,
            z >= MINIMUM_Z,
            dir,
            upper);
    String components =
        notAbove.isEmpty()
            ? null
            : String.join("; ", notAbove)
                + " ("
                + String.join(" and ", above)
                + " must exceed the"
                + " reference medians)";
    return Finding.of(List.of(test), Decisions.atLeast(1, 1, x -> components));
  }

  /** Minimum tsi_z for "supported" (half a reference SD). */
  static final double MINIMUM_Z = 0.5;

  private static boolean same(String a, String b) {
    Dyad x = Dyad.parse(a);
    Dyad y = Dyad.parse(b);
    return (x.a().equals(y.a()) && x.b().equals(y.b()))
        || (x.a().equals(y.b()) && x.b().equals(y.a()));
  }

  private static ToDoubleFunction<CharacterComponents> component(String name, Spec s) {
    return switch (name) {
      case "breadth" -> CharacterComponents::breadth;
      case "material_share" -> CharacterComponents::materialShare;
      case "security_share" -> CharacterComponents::securityShare;
      case "persistence" -> CharacterComponents::persistence;
      case "volatility" -> CharacterComponents::volatility;
      case "diffuse_balance" -> CharacterComponents::diffuseBalance;
      case "specific_reciprocity" -> CharacterComponents::specificReciprocity;
      case "institutionalisation" -> CharacterComponents::institutionalisation;
      default -> throw s.fail("expected.components_above_median", "names of METHODS §6 components");
    };
  }

  static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] x = v.clone();
    Arrays.sort(x);
    int m = x.length / 2;
    return x.length % 2 == 1 ? x[m] : 0.5 * (x[m - 1] + x[m]);
  }

  private static double sd(double[] v, double mean) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double ss = 0;
    for (double d : v) {
      ss += (d - mean) * (d - mean);
    }
    return Math.sqrt(ss / (v.length - 1));
  }
}
