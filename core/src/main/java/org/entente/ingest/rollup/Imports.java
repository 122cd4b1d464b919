package org.entente.ingest.rollup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;
import org.entente.cameo.Cameo;
import org.entente.ingest.ParserFactory;
import org.entente.ingest.RowParser;
import org.entente.store.SourceInfo;

/**
 * The parsers of {@code entente import}: aggregates (rollup, ICEWS dyad-years, pair scores) become
 * rows of the store's aggregate table, event lists become events. Pass the result to {@link
 * org.entente.ingest.Ingestor#importFile}.
 */
public final class Imports {
  private Imports() {}

  /**
   * What to import.
   *
   * @param format the format
   * @param source the source name to store under, or {@code null} for the format's default (the
   *     rollup's {@code source} column, the mapping's {@code source})
   * @param mapping the mapping file of an event list, else {@code null}
   */
  public record Options(ImportFormat format, String source, Path mapping) {}

  /**
   * The parser factory for {@code options}.
   *
   * @param existing the store's sources (a name holds events or aggregates, never both, and an
   *     aggregate has one frequency)
   * @throws IllegalArgumentException if the options are inconsistent (a malformed or reserved
   *     source name, an event list without a valid mapping, or a mapping for another format)
   * @throws IOException if the mapping file cannot be read
   */
  public static ParserFactory factory(Options options, Cameo cameo, List<SourceInfo> existing)
      throws IOException {
    ImportFormat f = options.format();
    if (f != ImportFormat.EVENT_LIST && options.mapping() != null) {
      throw new IllegalArgumentException("--mapping is for event-list only, not " + f.word());
    }
    Countries countries = new Countries(cameo);
    EventListMapping mapping = null;
    String fingerprint = "";
    if (f == ImportFormat.EVENT_LIST) {
      if (options.mapping() == null) {
        throw new IllegalArgumentException(
            "event-list needs --mapping FILE (see docs/event-lists/ for the shipped ones)");
      }
      mapping = EventListMapping.read(options.mapping(), cameo);
      CRC32C crc = new CRC32C();
      crc.update(Files.readAllBytes(options.mapping()));
      fingerprint = String.format(":%08x", crc.getValue()) + undirected(mapping);
    }
    String source = options.source();
    if (source == null) {
      source = mapping != null ? mapping.source() : f.defaultSource();
    }
    if (source == null && f == ImportFormat.EVENT_LIST) {
      throw new IllegalArgumentException(
          "name the source: --source NAME, or source = NAME in the mapping file");
    }
    if (source != null) {
      SourceRules.checkName(source);
    }
    String name = source;
    EventListMapping m = mapping;
    String print = fingerprint;
    return new ParserFactory() {
      @Override
      public String formatName() {
        return f.word() + (name == null ? "" : ":" + name) + print;
      }

      @Override
      public RowParser create(String header) {
        SourceRules rules = new SourceRules(existing);
        RowParser p =
            switch (f) {
              case ROLLUP -> new RollupCsvParser(header, name, countries, rules);
              case ICEWS_DYAD_YEAR -> new IcewsDyadYearParser(header, name, countries, rules);
              case GDELT_PAIR_SCORES -> new PairScoreParser(header, name, countries, rules);
              case EVENT_LIST -> new EventListParser(header, m, name, cameo, rules, print);
            };
        return p;
      }
    };
  }

  /**
   * The mapping's pairs written without direction ({@code A-B}), as the file's format records them
   * ({@code ;undirected=PRK-RUS,...}, codes in alphabetical order): their events are stored as A on
   * B, so a directed query of the pair must be refused ({@link org.entente.store.UndirectedPairs}).
   * Empty when every pair has a direction.
   */
  static String undirected(EventListMapping m) {
    java.util.TreeSet<String> pairs = new java.util.TreeSet<>();
    for (EventListMapping.Target t : m.categories().values()) {
      if (!t.directed()) {
        pairs.add(org.entente.store.UndirectedPairs.pair(t.actor1(), t.actor2()));
      }
    }
    return pairs.isEmpty() ? "" : org.entente.store.UndirectedPairs.MARK + String.join(",", pairs);
  }
}
