package org.entente.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * One pass over a local, uncompressed TAB-separated file before an engine reads it itself ({@link
 * org.entente.store.BulkTsvLoad}): its checksum, its lines, and whether every line is one the
 * engine's reader and the row parser read alike. That holds when every line holds exactly the
 * expected number of TABs and no NUL or CR byte, no line is empty, every line with a non-ASCII byte
 * is valid UTF-8 (the engine's reader checks only the columns it keeps; the row parser rejects the
 * row), and the file starts with a digit (an event id; not a byte-order mark, a blank or a {@code
 * #}, which the row path skips, nor a header or a compressed archive). It also notes whether the
 * lines' first fields are ascending numbers (then no event id occurs twice) and, when they are,
 * which lines fail the strict grammars of {@link BulkRowGrammar} (left to the row parser).
 */
final class TsvScan {
  private static final long TABS = 0x0909090909090909L;
  private static final long CRS = 0x0D0D0D0D0D0D0D0DL;

  /**
   * The outcome.
   *
   * @param crc32c the file's CRC-32C
   * @param lines its lines
   * @param why null if every line is plain, else why not (the first problem met)
   * @param idsAscend whether each line's first field is a number above the line before's
   * @param first the first line as text (null for an empty file)
   * @param firstId the first line's id, -1 if the ids do not ascend
   * @param consecutiveIds whether the ids ascend by one from line to line
   * @param rowLines the lines (ascending) that fail the grammars, while the ids ascend
   * @param rowIds the ids of those lines
   * @param keptIds how many lines pass the grammars, {@code keptIdSum} the sum of their ids (modulo
   *     2^64)
   */
  record Result(
      long crc32c,
      long lines,
      String why,
      boolean idsAscend,
      String first,
      long firstId,
      boolean consecutiveIds,
      long[] rowLines,
      long[] rowIds,
      long keptIds,
      long keptIdSum) {}

  /**
   * Lines failing the grammars beyond which the scan gives up on the engine's read: the row parser
   * would read most of the file again (and the lines would fill the heap).
   */
  static final long MAX_ROW_LINES = 4_000_000;

  /** ... or beyond one line in this many. */
  static final int MAX_ROW_SHARE = 4;

  /** Bytes per progress call. */
  private static final long PROGRESS_BYTES = 32L << 20;

  private TsvScan() {}

  /**
   * Scans {@code file}, stopping at the first line that is not plain (the checksum is then not of
   * the whole file and must not be used).
   *
   * @param tabs TABs every line must hold
   * @param grammar the grammars of a row the engine may store itself
   * @param progress told the bytes read so far, now and then
   */
  static Result scan(
      Path file, int tabs, BulkRowGrammar grammar, java.util.function.LongConsumer progress)
      throws IOException {
    CRC32C crc = new CRC32C();
    try (InputStream raw = Files.newInputStream(file);
        Ingestor.CountingStream counting = new Ingestor.CountingStream(raw);
        CheckedInputStream in = new CheckedInputStream(counting, crc)) {
      LineReader r = new LineReader(in, 1 << 20);
      long lines = 0;
      boolean ascend = true;
      long lastNumber = -1;
      String first = null;
      long firstId = -1;
      boolean consecutive = true;
      LongList rowLines = new LongList();
      LongList rowIds = new LongList();
      long keptIdSum = 0;
      int[] at = new int[tabs];
      long nextProgress = PROGRESS_BYTES;
      while (r.next()) {
        lines++;
        byte[] b = r.buf;
        int s = r.start;
        int e = r.end;
        if (lines == 1) {
          if (e == s || b[s] < '0' || b[s] > '9') {
            // not an event id: a blank, a comment, a byte-order mark, a header, an archive
            return declined("line 1 does not start with a digit");
          }
          first = new String(b, s, e - s, StandardCharsets.UTF_8);
        }
        if (e == s) {
          return declined("line " + lines + " is empty");
        }
        if (e < b.length && b[e] == '\r' || (e > s && b[e - 1] == '\r')) {
          return declined("line " + lines + " has a CR");
        }
        int n = 0;
        long high = 0;
        long bad = 0;
        int i = s;
        for (; i + 8 <= e; i += 8) {
          long x = Bytes.word(b, i);
          high |= x;
          long m = Bytes.matches(x, TABS);
          while (m != 0) {
            if (n < tabs) {
              at[n] = i + (Long.numberOfTrailingZeros(m) >>> 3);
            }
            n++;
            m &= m - 1;
          }
          bad |= Bytes.matches(x, 0L) | Bytes.matches(x, CRS);
        }
        for (; i < e; i++) {
          byte c = b[i];
          if (c == '\t') {
            if (n < tabs) {
              at[n] = i;
            }
            n++;
          } else if (c == 0 || c == '\r') {
            bad = 1;
          } else if (c < 0) {
            high = Bytes.HIGH;
          }
        }
        if (n != tabs) {
          return declined("line " + lines + " has " + n + " TABs");
        }
        if (bad != 0) {
          return declined("line " + lines + " has a NUL or CR byte");
        }
        if (Bytes.nonAscii(high) && !Fields.isUtf8(b, s, e)) {
          return declined("line " + lines + " is not valid UTF-8");
        }
        if (ascend) {
          long id = number(b, s, at[0]);
          ascend = id > lastNumber;
          consecutive &= lines == 1 || id == lastNumber + 1;
          lastNumber = id;
          if (lines == 1) {
            firstId = id;
          }
          if (ascend) {
            if (grammar.plain(b, s, e, at)) {
              keptIdSum += id;
            } else {
              if (rowLines.size >= MAX_ROW_LINES) {
                return declined("more than " + MAX_ROW_LINES + " rows need the row parser");
              }
              rowLines.add(lines);
              rowIds.add(id);
            }
          }
        }
        if (counting.count >= nextProgress) {
          progress.accept(counting.count);
          nextProgress = counting.count + PROGRESS_BYTES;
        }
      }
      if (ascend && rowLines.size > lines / MAX_ROW_SHARE) {
        return declined(rowLines.size + " of " + lines + " rows need the row parser");
      }
      return new Result(
          crc.getValue(),
          lines,
          null,
          ascend,
          first,
          ascend ? firstId : -1,
          ascend && consecutive,
          rowLines.toArray(),
          rowIds.toArray(),
          ascend ? lines - rowLines.size : 0,
          keptIdSum);
    }
  }

  private static Result declined(String why) {
    return new Result(0, 0, why, false, null, -1, false, new long[0], new long[0], 0, 0);
  }

  /** A growable list of longs. */
  private static final class LongList {
    long[] values = new long[16];
    int size;

    void add(long v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    long[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }

  /** Digits {@code b[s,e)} as a number (1 to 18 of them), else -1. */
  private static long number(byte[] b, int s, int e) {
    if (e == s || e - s > 18) {
      return -1;
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
