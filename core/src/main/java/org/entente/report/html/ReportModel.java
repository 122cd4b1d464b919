package org.entente.report.html;

import java.util.List;

/**
 * What the HTML report shows, as values: one record per section, rendered by {@code
 * report.mustache} ({@link ReportTemplate}). Texts are plain (the template escapes them); charts
 * are {@link Svg.Chart}s, already escaped by {@link SvgWriter}.
 */
record ReportModel(
    Header header,
    SystemMap map,
    Dyads dyads,
    Triangles triangles,
    List<Card> propositions,
    BySource bySource,
    Timeline timeline,
    Simulation simulation) {

  /** The header line: the store's file name, its events and extent, the date written. */
  record Header(String store, long events, String extent, String today, String source) {}

  /**
   * Section 4b: every proposition's verdict under each source of the store, side by side (each
   * source evaluated on its own; none pooled). Absent when the store holds one source.
   */
  record BySource(List<String> sources, List<BySourceRow> rows) {}

  /** One proposition's verdicts, one cell per source in {@link BySource#sources()} order. */
  record BySourceRow(String label, List<BySourceCell> cells) {}

  /** One source's verdict on a proposition, with its reason as a tooltip. */
  record BySourceCell(String verdictClass, String verdict, String reason) {}

  /** Section 1: the network in selected years and the relations of the last year with events. */
  record SystemMap(List<Svg.Chart> networks, String year, List<Relation> relations, String note) {
    boolean empty() {
      return networks.isEmpty();
    }
  }

  /** One row of the relations table: dyad, events, S4 (with its colour), S6. */
  record Relation(String dyad, long n, String colour, String s4, String s6) {}

  /** Section 2: each dyad's chart and periods, and the expert periods. */
  record Dyads(int firstYear, List<DyadView> views, List<ExpertRow> expert) {}

  /**
   * One dyad: its chart, and its periods or why none were found; or, when the store's files read
   * with {@code --actors} left it out, only why ({@code leftOut}).
   */
  record DyadView(
      String label, Svg.Chart chart, String problem, List<PeriodRow> periods, String leftOut) {}

  /** One detected period. */
  record PeriodRow(String from, String to, int years, String mean, long events) {}

  /** One expert period. */
  record ExpertRow(String name, String from, String to, String characterisation) {}

  /** Section 3: the configuration legend and each triad. */
  record Triangles(List<LegendItem> legend, List<TriadView> triads) {}

  /** A colour swatch with its name. */
  record LegendItem(String colour, String name) {}

  /** One triad: empty, or its band, the triangle of the latest classified year and transitions. */
  record TriadView(
      String name,
      Svg.Chart band,
      Svg.Chart triangle,
      String strict,
      String weak,
      List<Transition> transitions,
      int shown,
      int total,
      String leftOut) {
    boolean empty() {
      return band == null;
    }
  }

  /** One change of configuration. */
  record Transition(String from, String to, String change) {}

  /** Section 4: one proposition's card. */
  record Card(
      String anchor,
      String label,
      String verdictClass,
      String verdict,
      String claim,
      String seeds,
      String test,
      String operationalisation,
      String supportedWhen,
      String reason,
      Svg.Chart chart,
      String noChart,
      String evidence) {}

  /** Section 5: the chronology. */
  record Timeline(int count, List<Entry> entries) {}

  /** One chronology entry; {@code link} is the source when it is a URL, else null. */
  record Entry(
      String id,
      String date,
      String actors,
      String code,
      String title,
      String description,
      String tags,
      String link,
      String source) {}

  /** Section 6: the model's setting and each scenario's run. */
  record Simulation(
      String epsilon, int stableRounds, int maxRounds, List<ScenarioView> scenarios) {}

  /** One scenario's run. */
  record ScenarioView(
      String id,
      String title,
      String question,
      String period,
      String forecast,
      String scaleMin,
      String scaleMax,
      String region,
      String rounds,
      String stopped,
      Svg.Chart chart,
      List<LegendItem> legend,
      List<ActorRow> actors,
      String minLabel,
      String maxLabel,
      String capabilityIndex) {}

  /** One state of a scenario: inputs and final position. */
  record ActorRow(String name, String capability, String salience, String start, String end) {}
}
