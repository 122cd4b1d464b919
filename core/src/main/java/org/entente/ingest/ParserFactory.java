package org.entente.ingest;

/**
 * Makes the row parser of an input whose layout is known in advance ({@code entente import}), from
 * its header line.
 */
public interface ParserFactory {
  /**
   * The format recorded in the manifest for files read by this factory's parsers; a file already
   * loaded under the same name is skipped. Includes everything that changes what is stored, e.g.
   * {@code icews-dyad-year:icews-netify}.
   */
  String formatName();

  /**
   * The parser of an input whose first data line is {@code header}.
   *
   * @throws IllegalArgumentException if the header is not this format's (naming what is wrong)
   */
  RowParser create(String header);
}
