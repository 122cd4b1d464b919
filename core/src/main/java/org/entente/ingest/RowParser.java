package org.entente.ingest;

/**
 * Parses the rows of one input stream after its first line has fixed the format. Not thread-safe:
 * one instance per stream.
 */
public interface RowParser {
  /** Parses one line {@code b[start,end)} (without its line terminator). */
  void parse(byte[] b, int start, int end, long line, RowSink sink);

  /** Called at end of input; a parser holding an unfinished record rejects it here. */
  default void finish(RowSink sink) {}

  /** The format recorded in the manifest for rows this parser read. */
  String formatName();
}
