package org.entente.ingest;

/**
 * Small hand-written inputs in the non-GDELT-TSV formats, for tests. ICEWS rows follow the
 * 20-column layout of the raw ICEWS files (shared/data/icews-sample-andybega/PROVENANCE.md); the
 * chronology rows follow the format documented in the README.
 */
public final class Samples {
  private Samples() {}

  /** Ingest options of {@code --actors RUS,PRK,USA,CHN,KOR,JPN}, format detected, GDELT quads. */
  public static IngestOptions sixStates() {
    return new IngestOptions(
        SourceFormat.AUTO,
        ActorFilter.of(java.util.Set.of("RUS", "PRK", "USA", "CHN", "KOR", "JPN")),
        org.entente.cameo.QuadMapping.GDELT);
  }

  /** The ICEWS header, as in the raw weekly files. */
  public static final String ICEWS_HEADER =
      String.join(
          "\t",
          "Event ID",
          "Event Date",
          "Source Name",
          "Source Sectors",
          "Source Country",
          "Event Text",
          "CAMEO Code",
          "Intensity",
          "Target Name",
          "Target Sectors",
          "Target Country",
          "Story ID",
          "Sentence Number",
          "Publisher",
          "City",
          "District",
          "Province",
          "Country",
          "Latitude",
          "Longitude");

  /** One ICEWS row; sectors may be "NA" or empty. */
  public static String icews(
      String id,
      String date,
      String sourceSectors,
      String sourceCountry,
      String code,
      String intensity,
      String targetSectors,
      String targetCountry) {
    return String.join(
        "\t",
        id,
        date,
        "Source of " + id,
        sourceSectors,
        sourceCountry,
        "Event text",
        code,
        intensity,
        "Target of " + id,
        targetSectors,
        targetCountry,
        "47400351",
        "2",
        "Yonhap",
        "Seoul",
        "NA",
        "Seoul",
        "South Korea",
        "37.566",
        "126.9784");
  }

  /** The chronology header (without the optional goldstein and quad columns). */
  public static final String CHRONOLOGY_HEADER =
      "id\tdate\tprecision\tactor1\tactor2\tcode\ttitle\tdescription\tsource\ttags";

  /** One chronology entry. */
  public static String chronology(
      String id, String date, String precision, String a1, String a2, String code, String source) {
    return String.join(
        "\t",
        id,
        date,
        precision,
        a1,
        a2,
        code,
        "Title of " + id,
        "Description of " + id,
        source,
        "treaty;summit");
  }

  /** A GDELT CSV header (BigQuery/pandas style) with the columns Entente reads and one extra. */
  public static final String GDELT_CSV_HEADER =
      "GLOBALEVENTID,SQLDATE,MonthYear,Actor1Code,Actor1Name,Actor1CountryCode,Actor1Type1Code,"
          + "Actor2Code,Actor2CountryCode,Actor2Type1Code,IsRootEvent,EventCode,EventBaseCode,"
          + "EventRootCode,QuadClass,GoldsteinScale,NumMentions,NumSources,NumArticles,AvgTone,"
          + "SOURCEURL";

  /** One GDELT CSV row for {@link #GDELT_CSV_HEADER}; {@code name} is written quoted. */
  public static String gdeltCsv(
      long id, String day, String name, String c1, String c2, String code, int quad, double g) {
    String base = code.length() > 3 ? code.substring(0, 3) : code;
    return String.join(
        ",",
        Long.toString(id),
        day,
        day.substring(0, 6),
        c1 + "GOV",
        "\"" + name.replace("\"", "\"\"") + "\"",
        c1,
        "GOV",
        c2,
        c2,
        "",
        "1",
        code,
        base,
        code.substring(0, 2),
        Integer.toString(quad),
        Double.toString(g),
        "4",
        "1",
        "4",
        "-1.5",
        "http://example.org/" + id);
  }
}
