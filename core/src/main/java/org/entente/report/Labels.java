package org.entente.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.analyse.series.Score;
import org.entente.analyse.triangle.Configuration;
import org.entente.analyse.verdict.Outcome;
import org.entente.cameo.QuadMapping;
import org.entente.store.DyadQuery;
import org.entente.store.SourceInfo;

/**
 * The plain words readers see for the values the analyses name by code: triangle configurations,
 * quad classes, verdict outcomes, data sources, scores, frequencies and the seed essays. One
 * registry for every output that people read (the dashboard through {@code /api/labels}, the HTML
 * report, text output), written out explicitly per value: no reflection, no string rewriting of
 * enum names. Codes stay in machine outputs (JSON, CSV); labels are for display only.
 *
 * <p>Every method is a pure function of its argument and thread-safe.
 */
public final class Labels {
  private Labels() {}

  /**
   * A seed essay of {@code shared/seeds/}, cited by its file name in the propositions.
   *
   * @param file the file name, e.g. {@code 000_c65cb143f1c9742f.txt}
   * @param number the three-digit number SYSTEM.md cites it by, e.g. {@code 000}
   * @param author the author(s) as the text names them
   * @param title the title as the text prints it, or a description in brackets where it prints none
   * @param outlet where it appeared
   * @param year the year it was written
   */
  public record Seed(
      String file, String number, String author, String title, String outlet, int year) {
    /** {@code Author, “Title” (Outlet, year)}; a bracketed description is not quoted. */
    public String label() {
      String t = title.startsWith("[") ? title : "“" + title + "”";
      return author + ", " + t + " (" + outlet + ", " + year + ")";
    }
  }

  /**
   * The five seed essays. Authors, titles and outlets are as each text prints them; where a text
   * carries no title (000, 004) the entry describes it in brackets rather than inventing one.
   */
  public static final List<Seed> SEEDS =
      List.of(
          new Seed(
              "000_c65cb143f1c9742f.txt",
              "000",
              "Gilbert Rozman",
              "[North Korea's place in Putin's “Turn to the East”]",
              "essay",
              2024),
          new Seed(
              "001_d74c2ac04aab06b2.txt",
              "001",
              "Anthony V. Rinna",
              "The Kim-Putin summit: thrusting Russia-US tensions into Northeast Asia",
              "9DASHLINE",
              2023),
          new Seed(
              "002_3adfef112901d24e.txt",
              "002",
              "Mercy Kuo with Rachel Minyoung Lee",
              "Assessing North Korea-Russia Relations",
              "The Diplomat",
              2024),
          new Seed(
              "003_a9255427f1e96809.txt",
              "003",
              "Will Kielm and Axel de Vernou",
              "The Russia-North Korea Alliance: A Hidden Opportunity for Washington",
              "RealClearDefense",
              2024),
          new Seed(
              "004_a736d2815ef8c985.txt",
              "004",
              "Van Jackson",
              "[Russia's North Korea strategy and U.S.–Russian rivalry]",
              "Foreign Affairs",
              2015));

  /**
   * A seed by its file name or its number ({@code 000}).
   *
   * @return the seed, or empty for a name no seed has
   */
  public static Optional<Seed> seed(String fileOrNumber) {
    return SEEDS.stream()
        .filter(s -> s.file().equals(fileOrNumber) || s.number().equals(fileOrNumber))
        .findFirst();
  }

  /** A seed's label, or the name itself when it is not one of the seeds (never dropped). */
  public static String seedLabel(String fileOrNumber) {
    return seed(fileOrNumber).map(Seed::label).orElse(fileOrNumber);
  }

  /** A Dittmer configuration in words, e.g. {@code romantic triangle}. */
  public static String configuration(Configuration.Type t) {
    return switch (t) {
      case MENAGE_A_TROIS -> "ménage à trois";
      case ROMANTIC_TRIANGLE -> "romantic triangle";
      case STABLE_MARRIAGE -> "stable marriage";
      case UNIT_VETO -> "unit veto";
      case INDETERMINATE -> "indeterminate";
    };
  }

  /** The side signs of a configuration, e.g. {@code ++−}, or what makes it indeterminate. */
  public static String configurationSigns(Configuration.Type t) {
    return switch (t) {
      case MENAGE_A_TROIS -> "+++";
      case ROMANTIC_TRIANGLE -> "++−";
      case STABLE_MARRIAGE -> "+−−";
      case UNIT_VETO -> "−−−";
      case INDETERMINATE -> "a side is 0";
    };
  }

  /**
   * A CAMEO quad class in words.
   *
   * @param quad 1 to 4
   * @throws IllegalArgumentException for any other number
   */
  public static String quad(int quad) {
    return switch (quad) {
      case 1 -> "verbal cooperation";
      case 2 -> "material cooperation";
      case 3 -> "verbal conflict";
      case 4 -> "material conflict";
      default -> throw new IllegalArgumentException("not a quad class (1-4): " + quad);
    };
  }

  /** A root-to-quad mapping in words. */
  public static String quadMapping(QuadMapping m) {
    return switch (m) {
      case GDELT -> "GDELT's quad mapping (roots 09 and 14 as GDELT files code them)";
      case ICEWS -> "the ICEWS tooling's quad mapping";
    };
  }

  /** A verdict in words: {@code supported}, {@code insufficient data}, ... */
  public static String outcome(Outcome o) {
    return o.text();
  }

  /** Whether a verdict says the data could not decide (drawn as low confidence). */
  public static boolean undecided(Outcome o) {
    return o == Outcome.INCONCLUSIVE || o == Outcome.INSUFFICIENT_DATA;
  }

  /**
   * A data source in words: the four feeds by name, an imported aggregate as such with its name.
   *
   * @param name the source's name as {@code --source} takes it
   * @param kind what it holds, or {@code null} when unknown
   */
  public static String source(String name, SourceInfo.Kind kind) {
    return switch (name) {
      case "gdelt1" -> "GDELT 1.0 events";
      case "gdelt2" -> "GDELT 2.0 events";
      case "icews" -> "ICEWS coded events";
      case "chronology" -> "curated chronology";
      default -> kind == SourceInfo.Kind.AGGREGATE ? "imported aggregate “" + name + "”" : name;
    };
  }

  /** A source that is a web address; compiled once, not per entry. */
  private static final java.util.regex.Pattern LINK =
      java.util.regex.Pattern.compile("(?i)https?://\\S+");

  /**
   * A chronology entry's source as a link (trimmed) when it is an http(s) address, else {@code
   * null}; the report and the API make the same links.
   */
  public static String sourceUrl(String source) {
    if (source == null) {
      return null;
    }
    String s = source.trim();
    return LINK.matcher(s).matches() ? s : null;
  }

  /** A score in words, e.g. {@code S4 net cooperation (C − K)/(C + K)}. */
  public static String score(Score s) {
    return switch (s) {
      case S3 -> "S3 cooperation minus conflict (C − K)";
      case S4 -> "S4 net cooperation (C − K)/(C + K)";
      case S5 -> "S5 quad-weighted net cooperation";
      case S6 -> "S6 smoothed net cooperation";
      case GOLDSTEIN_MEAN -> "mean Goldstein score";
      case GOLDSTEIN_SUM -> "summed Goldstein score";
      case EVENTS -> "number of events";
      case SCORE -> "the source's own score";
    };
  }

  /** A period length in words: {@code yearly}, {@code quarterly}, {@code monthly}. */
  public static String frequency(DyadQuery.Frequency f) {
    return switch (f) {
      case YEAR -> "yearly";
      case QUARTER -> "quarterly";
      case MONTH -> "monthly";
    };
  }

  /**
   * The whole registry as code → label maps, for a template or the API: {@code configurations} (by
   * type name), {@code configuration_signs}, {@code quads} ("1".."4"), {@code outcomes} (by their
   * output text), {@code sources} (the four feeds and every source given), {@code scores} (by
   * option name), {@code frequencies} (by option name) and {@code seeds} (by file name).
   *
   * @param sources the sources of a store, labelled besides the four feeds; may be empty
   */
  public static Map<String, Map<String, String>> all(List<SourceInfo> sources) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    Map<String, String> configurations = new LinkedHashMap<>();
    Map<String, String> signs = new LinkedHashMap<>();
    for (Configuration.Type t : Configuration.Type.values()) {
      configurations.put(t.name(), configuration(t));
      signs.put(t.name(), configurationSigns(t));
    }
    out.put("configurations", configurations);
    out.put("configuration_signs", signs);
    Map<String, String> quads = new LinkedHashMap<>();
    for (int q = 1; q <= 4; q++) {
      quads.put(Integer.toString(q), quad(q));
    }
    out.put("quads", quads);
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      outcomes.put(o.text(), outcome(o));
    }
    out.put("outcomes", outcomes);
    Map<String, String> src = new LinkedHashMap<>();
    for (String feed : List.of("gdelt1", "gdelt2", "icews", "chronology")) {
      src.put(feed, source(feed, SourceInfo.Kind.EVENTS));
    }
    for (SourceInfo s : sources) {
      src.put(s.name(), source(s.name(), s.kind()));
    }
    out.put("sources", src);
    Map<String, String> scores = new LinkedHashMap<>();
    for (Score s : Score.values()) {
      scores.put(s.optionName(), score(s));
    }
    out.put("scores", scores);
    Map<String, String> freqs = new LinkedHashMap<>();
    for (DyadQuery.Frequency f : DyadQuery.Frequency.values()) {
      freqs.put(f.name().toLowerCase(java.util.Locale.ROOT), frequency(f));
    }
    out.put("frequencies", freqs);
    Map<String, String> seeds = new LinkedHashMap<>();
    for (Seed s : SEEDS) {
      seeds.put(s.file(), s.label());
    }
    out.put("seeds", seeds);
    return out;
  }
}
