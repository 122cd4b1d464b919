package org.entente.serve;

import io.javalin.config.JavalinConfig;
import java.util.List;
import org.entente.analyse.Vocabulary;
import org.entente.report.JsonOutput;
import org.entente.system.ActorKind;

/**
 * Every route of the API, declared in this one place: its path, the command it mirrors, its
 * parameters (which {@link Query} enforces and {@link OpenApi} documents) and its handler. All are
 * GET; the server answers any other method on them with 405.
 */
final class Routes {
  static final String OPENAPI = "/api/openapi.json";

  private static final List<String> FREQ = List.of("month", "quarter", "year");
  private static final List<String> WEIGHT =
      List.of("none", "articles", "sources", "mentions", "logmentions", "allmentions");
  private static final List<String> DEDUP = List.of("none", "root", "daily", "url");

  private Routes() {}

  /** The data source a route reads (sources are never pooled). */
  static final Param SOURCE =
      Param.optional(
          "source",
          "Data source (see /api/info; default: the server's --source, else the store's only"
              + " one). Needed when the store holds several: sources are never pooled.",
          "chronology");

  private static final List<String> SCORES =
      List.of("s4", "s3", "s5", "s6", "goldstein_mean", "goldstein_sum", "n");
  private static final List<String> IMPUTATION = List.of("none", "zero", "carry", "linear");

  /**
   * The series options of {@code entente series}, shared by the routes that read a series.
   *
   * @param freq the default frequency, or {@code null} for a route without one
   */
  static List<Param> seriesOptions(String freq) {
    List<Param> out = new java.util.ArrayList<>();
    out.add(SOURCE);
    out.add(
        Param.optional("from", "First month, YYYY-MM or YYYY (default: first event).", "2012-01"));
    out.add(Param.optional("to", "Last month, YYYY-MM or YYYY (default: last event).", "2024-12"));
    if (freq != null) {
      out.add(
          new Param("freq", "string", false, "Period length (default: " + freq + ").", FREQ, freq));
    }
    out.addAll(
        List.of(
            Param.choice("weight", "Event weight (default: none).", WEIGHT),
            Param.choice("dedup", "Deduplication (default: none).", DEDUP),
            Param.flag("state-only", "Only events whose actors are both GOV or MIL."),
            Param.flag("drop-statements", "Leave out root 01 (make public statement).")));
    return out;
  }

  private static List<Param> with(List<Param> first, List<Param> more) {
    List<Param> out = new java.util.ArrayList<>(first);
    out.addAll(more);
    return out;
  }

  /** Every route: the store's, then the simulate stage's ({@link SimulateRoutes}). */
  static List<Route> all(Api api) {
    List<Route> out = new java.util.ArrayList<>(storeRoutes(api));
    out.addAll(SimulateRoutes.all());
    return List.copyOf(out);
  }

  /** The routes over the store, in the order the OpenAPI description lists them. */
  private static List<Route> storeRoutes(Api api) {
    return List.of(
        new Route(
            "/api/info",
            "What the store holds: events by source, files, events per dyad, rejects by reason.",
            "entente info",
            List.of(),
            api::info),
        new Route(
            "/api/labels",
            "Plain words for the codes the other routes return: triangle configurations, quad"
                + " classes, verdicts, the store's sources, scores, frequencies and seed essays"
                + " (org.entente.report.Labels).",
            null,
            List.of(),
            api::labels),
        new Route(
            "/api/series",
            "Dyad-period scores (METHODS 1.5), every period in range present.",
            "entente series",
            with(
                List.of(
                    Param.required("dyad", "A-B (both directions) or A>B.", "RUS-PRK"),
                    Param.flag(
                        "intensity",
                        "Add volume (V: the source's events with either state as an actor) and"
                            + " intensity (n/V) to each row; needs a source ingested without"
                            + " --actors or imported state volumes, and no weight, dedup or"
                            + " filters.")),
                seriesOptions("month")),
            api::series),
        new Route(
            "/api/system",
            "The system map: undirected series of every pair of actors on one period axis.",
            null,
            List.of(
                Param.optional(
                    "actors",
                    "Comma-separated country codes (default: RUS,PRK,CHN,USA,KOR,JPN, or the"
                        + " largest set of them whose every dyad the store holds when files read"
                        + " with --actors left some out; when no two are held, an empty map with"
                        + " a note).",
                    "RUS,PRK,CHN,USA,KOR,JPN"),
                SOURCE,
                Param.optional("from", "First month (default: first event of any pair).", "1990"),
                Param.optional("to", "Last month (default: last event of any pair).", "2024"),
                new Param("freq", "string", false, "Period length (default: year).", FREQ, "year"),
                Param.choice("weight", "Event weight (default: none).", WEIGHT),
                Param.choice("dedup", "Deduplication (default: none).", DEDUP)),
            api::system),
        new Route(
            "/api/triangle",
            "Strategic triangle of a triad (METHODS 2): sides, signs, Dittmer configuration and"
                + " balance per period, and the transitions.",
            "entente triangle",
            with(
                List.of(
                    Param.required(
                        "actors", "Three country codes, comma-separated.", "USA,CHN,RUS"),
                    Param.choice("score", "Score the sign rule reads (default: s4).", SCORES),
                    Param.choice(
                        "sign-rule",
                        "METHODS 2.1 rule (default: baseline, around the data's reference median).",
                        List.of("band", "baseline", "posterior")),
                    Param.number("tau", "Band half-width (default: 0.1).", "0.1"),
                    Param.number(
                        "reference-median",
                        "Baseline rule: the reference median (default: computed).",
                        "0.2"),
                    Param.flag("hysteresis", "Keep a side's sign until the opposite threshold.")),
                seriesOptions("month")),
            api::triangle),
        new Route(
            "/api/periods",
            "Without dyad: the expert periodisations (rozman, jackson). With dyad: the periods"
                + " of its series found by change-point detection (METHODS 3), compared with an"
                + " expert periodisation when compare is given.",
            "entente periods",
            with(
                List.of(
                    Param.optional("expert", "An expert periodisation to list.", "rozman"),
                    Param.optional(
                        "dyad", "A-B or A>B: detect the periods of its series.", "RUS-PRK"),
                    Param.choice("score", "Score (default: s6).", SCORES),
                    Param.choice("method", "pelt or binseg (default: pelt).", Vocabulary.METHODS),
                    Param.optional(
                        "penalty", "mbic, bic, sic0, aic, hq or a number (default: mbic).", "mbic"),
                    Param.integer("min-length", "Minimum period length L (default: 3).", "3"),
                    Param.choice(
                        "impute", "Filling of undefined periods (default: none).", IMPUTATION),
                    Param.optional(
                        "scale", "Noise scale: lrv, mad, sd or a number (default: lrv).", "lrv"),
                    Param.optional("compare", "Expert periodisation to compare with.", "rozman"),
                    Param.integer(
                        "tolerance", "Matching tolerance M in periods (default: 3).", "3")),
                seriesOptions("month")),
            api::periods),
        new Route(
            "/api/leadlag",
            "Lead-lag of two dyads' series (METHODS 4): ADF, lag selection, Granger both ways,"
                + " prewhitened cross-correlation.",
            "entente leadlag",
            with(
                List.of(
                    Param.required("x", "The candidate leader, A-B or A>B.", "USA-RUS"),
                    Param.required("y", "The candidate follower.", "RUS-PRK"),
                    Param.choice("score", "Score (default: s6).", SCORES),
                    Param.integer("max-lag", "Largest lag (default: 12).", "4"),
                    Param.choice("criterion", "Lag selection (default: aic).", Vocabulary.CRITERIA),
                    Param.integer("lags", "Fixed lags, 0 to select (default: 0).", "0"),
                    Param.choice(
                        "difference",
                        "auto, none or 1 (default: auto).",
                        List.of("auto", "none", "1")),
                    Param.integer(
                        "bootstrap", "Resampling replicates, 0 for none (default: 999).", "999"),
                    Param.integer("seed", "Seed of the resampling (default: 1).", "1"),
                    Param.choice(
                        "resampling",
                        "circular (shifts) or block (bootstrap) (default: circular).",
                        Vocabulary.RESAMPLINGS),
                    Param.choice(
                        "impute", "Filling of undefined periods (default: none).", IMPUTATION)),
                seriesOptions("month")),
            api::leadLag),
        new Route(
            "/api/character",
            "Transactional versus strategic character of a dyad per window (METHODS 6).",
            "entente character",
            with(
                List.of(
                    Param.required("dyad", "A-B.", "RUS-PRK"),
                    Param.integer("window", "Window length W in months (default: 24).", "24"),
                    Param.choice(
                        "reference", "Composite reference (default: core).", Vocabulary.REFERENCES),
                    Param.flag("complete-only", "Only windows of the full W months.")),
                seriesOptions(null)),
            api::character),
        new Route(
            "/api/timeline",
            "Curated chronology entries in date order, with their sources.",
            "entente timeline",
            List.of(
                Param.optional("dyad", "Only this dyad, A-B or A>B.", "RUS-PRK"),
                Param.optional("tag", "Only entries with this tag.", "summit"),
                Param.optional("from", "From this month, YYYY-MM or YYYY.", "2019-01"),
                Param.optional("to", "Up to this month, YYYY-MM or YYYY.", "2024-12")),
            api::timeline),
        new Route(
            "/api/actors",
            "The actor registry.",
            "entente actors",
            List.of(
                Param.choice("kind", "Only state, igo or person.", ActorKind.WORDS),
                Param.optional("state", "Only actors mapping to this state.", "RUS")),
            api::actors),
        new Route(
            "/api/propositions",
            "The propositions P1-P10 with claims, seeds and operationalisations.",
            "entente propositions",
            List.of(Param.optional("id", "Only this proposition.", "P1")),
            api::propositions),
        new Route(
            "/api/verdicts",
            "The propositions evaluated on the store: verdict, reason and evidence (computed once"
                + " per query, then kept).",
            "entente test",
            List.of(
                Param.optional("id", "Only this proposition.", "P1"),
                SOURCE,
                Param.choice("weight", "Event weight (default: none).", WEIGHT),
                Param.choice("dedup", "Deduplication (default: none).", DEDUP),
                Param.flag("state-only", "Only events whose actors are both GOV or MIL."),
                Param.flag("drop-statements", "Leave out root 01 (make public statement).")),
            api::verdicts));
  }

  /**
   * Registers every route, and the OpenAPI description of them, on {@code config}.
   *
   * @param cache successful responses to keep and serve again, or {@code null} for none
   */
  static void register(
      JavalinConfig config,
      List<Route> routes,
      ResponseCache cache,
      java.util.concurrent.Semaphore computing) {
    for (Route r : routes) {
      io.javalin.http.Handler answer =
          ctx -> {
            Query q = Query.of(r, ctx);
            String key = cache == null ? null : ResponseCache.key(r.path(), q.raw());
            String body = cache == null ? null : cache.get(key);
            if (body == null) {
              computing.acquireUninterruptibly();
              try {
                body = JsonOutput.compact(r.handler().apply(q));
              } finally {
                computing.release();
              }
              if (cache != null) {
                cache.put(key, body);
              }
            }
            ctx.contentType("application/json").result(body);
          };
      config.routes.get(r.path(), answer);
      // HEAD answers exactly as GET would (same validation and status); Jetty sends no body
      config.routes.head(r.path(), answer);
    }
    String openapi = JsonOutput.compact(OpenApi.describe(routes));
    config.routes.get(OPENAPI, ctx -> ctx.contentType("application/json").result(openapi));
  }
}
