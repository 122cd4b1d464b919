package org.entente.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.cameo.Cameo;
import org.entente.ingest.chronology.ChronologyReader;
import org.entente.model.ChronologyEntry;

/**
 * The curated Northeast Asia chronology bundled in the jar ({@value #RESOURCE}), and timeline
 * queries over it and over entries users ingested with {@code --format entente}.
 */
public final class Chronology {
  /** Where the bundled chronology lives on the class path. */
  public static final String RESOURCE = "/org/entente/system/chronology.tsv";

  /** The name under which {@link #loadBundled} records the bundled chronology in a manifest. */
  public static final String BUNDLED_NAME = "chronology.tsv";

  /** The manifest checksum of the bundled chronology. */
  public static String bundledChecksum() {
    return org.entente.ingest.Ingestor.checksum(bundledBytes());
  }

  private static volatile List<ChronologyEntry> bundled;

  private Chronology() {}

  /** The raw bytes of the bundled chronology. */
  public static byte[] bundledBytes() {
    try (InputStream in = Chronology.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled chronology is missing from this build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Ingests the bundled chronology into {@code store} (the demo store), resolving actors through
   * the bundled registry. A store that already holds it is left as it is.
   *
   * @return what the ingest did
   * @throws IllegalStateException if the bundled chronology does not load cleanly (a build defect)
   */
  public static org.entente.ingest.FileReport loadBundled(org.entente.store.EventStore store) {
    org.entente.ingest.FileReport r =
        new org.entente.ingest.Ingestor(store, Cameo.bundled(), ActorRegistry.bundled())
            .ingestBytes(
                BUNDLED_NAME,
                bundledBytes(),
                org.entente.ingest.IngestOptions.defaults(),
                org.entente.ingest.IngestListener.NONE);
    if (r.status() == org.entente.ingest.FileReport.Status.FAILED || r.rejected() > 0) {
      throw new IllegalStateException("the bundled chronology did not load cleanly: " + r);
    }
    return r;
  }

  /**
   * The bundled entries, validated.
   *
   * @throws IllegalStateException if any bundled entry fails validation (a build defect)
   */
  public static List<ChronologyEntry> bundled() {
    List<ChronologyEntry> b = bundled;
    if (b == null) {
      try (InputStream in = new java.io.ByteArrayInputStream(bundledBytes())) {
        ChronologyReader.Result r =
            ChronologyReader.read(in, Cameo.bundled(), ActorRegistry.bundled(), LocalDate.now());
        if (!r.problems().isEmpty()) {
          throw new IllegalStateException(
              "the bundled chronology has invalid entries: " + r.problems());
        }
        b = r.entries();
        bundled = b;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return b;
  }

  /**
   * Entries matching {@code q} in date order (then id), from the bundled chronology and {@code
   * more}; an entry of {@code more} replaces a bundled one with the same id. The store does not
   * keep the {@code concerns} column, so a replacing entry without one takes the bundled entry's.
   */
  public static List<ChronologyEntry> timeline(List<ChronologyEntry> more, TimelineQuery q) {
    Map<String, ChronologyEntry> byId = new LinkedHashMap<>();
    for (ChronologyEntry e : bundled()) {
      byId.put(e.id(), e);
    }
    for (ChronologyEntry e : more) {
      ChronologyEntry old = byId.get(e.id());
      if (old != null && e.concerns().isEmpty() && !old.concerns().isEmpty()) {
        e = e.withConcerns(old.concerns());
      }
      byId.put(e.id(), e);
    }
    List<ChronologyEntry> out = new ArrayList<>();
    for (ChronologyEntry e : byId.values()) {
      if (q.matches(e)) {
        out.add(e);
      }
    }
    out.sort(Comparator.comparing(ChronologyEntry::date).thenComparing(ChronologyEntry::id));
    return out;
  }

  /**
   * A timeline filter; {@code null} fields do not filter.
   *
   * @param a with {@code b}: the dyad (both directions unless {@code directed}); an entry of one
   *     side that {@code concerns} the other belongs to it too (directed: actor1 is a, concerns b)
   * @param tag entries carrying this tag
   * @param from entries whose dated period ends on or after this month
   * @param to entries whose dated period starts on or before this month
   */
  public record TimelineQuery(
      String a, String b, boolean directed, String tag, YearMonth from, YearMonth to) {

    /** Everything. */
    public static TimelineQuery all() {
      return new TimelineQuery(null, null, false, null, null, null);
    }

    boolean matches(ChronologyEntry e) {
      if (a != null && b != null) {
        boolean ab = e.actor1().equals(a) && e.actor2().equals(b);
        boolean ba = e.actor1().equals(b) && e.actor2().equals(a);
        // an entry of one side that concerns the other (a RUS veto of a draft on PRK: RUS-PRK)
        boolean aAboutB =
            e.concerns().equals(b) && (e.actor1().equals(a) || (!directed && e.actor2().equals(a)));
        boolean bAboutA = !directed && e.concerns().equals(a) && e.involves(b);
        if (!(ab || (!directed && ba) || aAboutB || bAboutA)) {
          return false;
        }
      }
      if (tag != null && !e.tags().contains(tag)) {
        return false;
      }
      YearMonth first = YearMonth.from(e.date());
      YearMonth last =
          switch (e.precision()) {
            case "year" -> YearMonth.of(e.date().getYear(), 12);
            default -> first;
          };
      if (from != null && last.isBefore(from)) {
        return false;
      }
      return to == null || !first.isAfter(to);
    }
  }
}
