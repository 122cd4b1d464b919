package org.entente.serve;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.analyse.CharacterReport;
import org.entente.analyse.LeadLagReport;
import org.entente.analyse.PeriodReport;
import org.entente.analyse.TriangleReport;
import org.entente.analyse.verdict.Verdict;
import org.entente.measure.DyadScore;
import org.entente.measure.DyadSeries;
import org.entente.measure.Network;
import org.entente.measure.Period;
import org.entente.model.ChronologyEntry;
import org.entente.report.CharacterOutput;
import org.entente.report.LeadLagOutput;
import org.entente.report.PeriodOutput;
import org.entente.report.SeriesJson;
import org.entente.report.SeriesTable;
import org.entente.report.TriangleOutput;
import org.entente.report.VerdictOutput;
import org.entente.store.MonthRange;
import org.entente.store.StoreSummary;
import org.entente.store.StoredFile;
import org.entente.system.Actor;
import org.entente.system.ExpertPeriod;
import org.entente.system.Proposition;

/**
 * The JSON shapes of the API: stage records mapped to maps with the command line's column names
 * (snake_case), so that a client reads the same keys as in {@code --format json}. Months are {@code
 * YYYY-MM}, periods are labelled as in {@code entente series}, undefined numbers are null.
 */
final class Views {
  private Views() {}

  /** A map from alternating keys and values, in order. */
  static Map<String, Object> obj(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static String month(YearMonth m) {
    return m == null ? null : m.toString();
  }

  static Map<String, Object> range(MonthRange r) {
    return r == null ? null : obj("first", month(r.first()), "last", month(r.last()));
  }

  static Map<String, Object> info(
      StoreSummary s,
      List<org.entente.store.SourceInfo> infos,
      org.entente.store.MentionSummary mentions,
      Map<String, Long> volumes,
      long rollupsPending) {
    long events = s.eventsBySource().stream().mapToLong(StoreSummary.Count::count).sum();
    List<Object> sources = new ArrayList<>();
    for (org.entente.store.SourceInfo i : infos) {
      sources.add(
          obj(
              "source", i.name(),
              "events", i.kind() == org.entente.store.SourceInfo.Kind.EVENTS ? i.rows() : 0,
              "kind", i.kind().word(),
              "rows", i.rows(),
              "first", i.first() == null ? null : i.first().toString(),
              "last", i.last() == null ? null : i.last().toString(),
              "frequency", i.frequency(),
              "dyads", i.dyads()));
    }
    List<Object> files = new ArrayList<>();
    for (StoredFile f : s.files()) {
      files.add(
          obj(
              "id", f.fileId(),
              "file", Path.of(f.path()).getFileName().toString(),
              "format", f.format(),
              "read", f.rowsRead(),
              "stored", f.rowsStored(),
              "rejected", f.rowsRejected(),
              "duplicate", f.rowsDuplicate(),
              "filtered", f.rowsFiltered(),
              "actors", f.actorFilter() == null ? "all" : f.actorFilter(),
              "ingested", f.ingestedText()));
    }
    List<Object> dyads = new ArrayList<>();
    for (StoreSummary.DyadCount d : s.eventsByDyad()) {
      dyads.add(
          obj(
              "dyad", d.a() + "-" + d.b(),
              "a", d.a(),
              "b", d.b(),
              "a_to_b", d.aToB(),
              "b_to_a", d.bToA(),
              "total", d.total()));
    }
    List<Object> rejects = new ArrayList<>();
    s.rejectsByReason().forEach(c -> rejects.add(obj("reason", c.label(), "count", c.count())));
    return obj(
        "store",
        Path.of(s.location()).getFileName().toString(),
        "events",
        events,
        "extent",
        range(s.extent()),
        "sources",
        sources,
        "files",
        files,
        "dyads",
        dyads,
        "rejects",
        rejects,
        "mentions",
        obj(
            "rows", mentions.rows(),
            "events", mentions.events(),
            "linked", mentions.linked(),
            "first", mentions.first() == null ? null : mentions.first().toString(),
            "last", mentions.last() == null ? null : mentions.last().toString()),
        "volumes",
        new java.util.TreeMap<>(volumes),
        // files ingested with --defer-rollups: until 'entente fold', queries also read their events
        "rollups_pending",
        rollupsPending);
  }

  /** One row of {@code entente series --format json}. */
  static Map<String, Object> score(DyadScore d) {
    return obj(
        "period", d.period().label(),
        "source", d.source(),
        "target", d.target(),
        "n", d.n(),
        "w1", d.w1(),
        "w2", d.w2(),
        "w3", d.w3(),
        "w4", d.w4(),
        "goldstein_sum", d.goldsteinSum(),
        "goldstein_mean", d.goldsteinMean(),
        "s3", d.s3(),
        "s4", d.s4(),
        "s5", d.s5(),
        "s6", d.s6(),
        "low_confidence", d.lowConfidence());
  }

  /** {@code entente series --format json}: the query as run and one row per period. */
  static Map<String, Object> series(DyadSeries s) {
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < s.scores().size(); i++) {
      Map<String, Object> row = score(s.scores().get(i));
      if (s.volumes() != null) {
        // the columns series --intensity adds, by the same names
        row.put(SeriesTable.VOLUME_COLUMNS.get(0), s.volumes().get(i));
        row.put(SeriesTable.VOLUME_COLUMNS.get(1), s.intensity(i));
      }
      rows.add(row);
    }
    return obj("query", SeriesJson.query(s.query()), "rows", rows);
  }

  static List<Object> periods(List<Period> ps) {
    List<Object> out = new ArrayList<>();
    ps.forEach(p -> out.add(p.label()));
    return out;
  }

  static Map<String, Object> network(Network.Series n, double tau) {
    List<Object> dyads = new ArrayList<>();
    for (DyadSeries s : n.dyads()) {
      List<Object> events = new ArrayList<>();
      List<Object> s4 = new ArrayList<>();
      List<Object> s6 = new ArrayList<>();
      for (DyadScore d : s.scores()) {
        events.add(d.n());
        s4.add(d.s4());
        s6.add(d.s6());
      }
      dyads.add(
          obj(
              "dyad",
              s.query().label(),
              "a",
              s.query().source(),
              "b",
              s.query().target(),
              "n",
              events,
              "s4",
              s4,
              "s6",
              s6));
    }
    return obj(
        "actors", n.actors(),
        "freq", n.frequency().name().toLowerCase(Locale.ROOT),
        "tau", tau,
        "periods", periods(n.periods()),
        "dyads", dyads);
  }

  /** A chronology entry: the {@code timeline} columns plus description and a link. */
  static Map<String, Object> entry(ChronologyEntry e) {
    return obj(
        "id", e.id(),
        "date", e.dateText(),
        "precision", e.precision(),
        "actor1", e.actor1(),
        "actor2", e.actor2(),
        "code", e.code(),
        "goldstein", e.goldstein(),
        "quad", e.quad(),
        "title", e.title(),
        "description", e.description(),
        "source", e.source(),
        "source_url", org.entente.report.Labels.sourceUrl(e.source()),
        "tags", e.tags(),
        "concerns", e.concerns().isEmpty() ? null : e.concerns());
  }

  static Map<String, Object> timeline(List<ChronologyEntry> entries) {
    List<Object> out = new ArrayList<>();
    entries.forEach(e -> out.add(entry(e)));
    return obj("count", entries.size(), "entries", out);
  }

  static Map<String, Object> expert(ExpertPeriod p) {
    return obj(
        "scheme", p.scheme(),
        "period", p.name(),
        "first", month(p.first()),
        "last", month(p.last()),
        "seed", p.seed(),
        "characterisation", p.characterisation());
  }

  static Map<String, Object> proposition(Proposition p) {
    return obj(
        "id", p.id(),
        "version", p.version(),
        "claim", p.claim(),
        "seeds", p.seeds(),
        "test", p.test(),
        "operationalisation", p.operationalisation(),
        "verdict_rules", p.verdictRules());
  }

  static Map<String, Object> actor(Actor a) {
    return obj(
        "code", a.code(),
        "kind", a.kind(),
        "name", a.name(),
        "state", a.state(),
        "from", a.from(),
        "to", a.to(),
        "aliases", a.aliases());
  }

  // The analyses as their commands print them with --format json (the report stage's mappers).

  static Map<String, Object> triangle(TriangleReport t) {
    return TriangleOutput.json(t);
  }

  static Map<String, Object> periods(PeriodReport p) {
    return PeriodOutput.json(p);
  }

  static Map<String, Object> leadLag(LeadLagReport r) {
    return LeadLagOutput.json(r);
  }

  static Map<String, Object> character(CharacterReport c) {
    return CharacterOutput.json(c);
  }

  static Map<String, Object> verdicts(List<Verdict> vs) {
    return obj("verdicts", VerdictOutput.json(vs));
  }
}
