package org.entente.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

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
   * @param keptIdSum the sum of the ids of the lines that pass the grammars (modulo 2^64)
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
      long keptIdSum) {

    /** How many lines pass the grammars (0 unless the ids ascend). */
    long keptIds() {
      return idsAscend ? lines - rowLines.length : 0;
    }
  }

  /**
   * Lines failing the grammars beyond which the scan gives up on the engine's read: the row parser
   * would read most of the file again (and the lines would fill the heap).
   */
  static final long MAX_ROW_LINES = 4_000_000;

  /** ... or beyond one line in this many. */
  static final int MAX_ROW_SHARE = 4;

  /** Bytes per progress call. */
  private static final long PROGRESS_BYTES = 32L << 20;

  /** The least bytes a part scanned on a thread of its own holds. */
  static final long PART_BYTES = 16L << 20;

  private TsvScan() {}

  /**
   * Scans {@code file}, stopping at the first line that is not plain (the result then says why and
   * holds nothing else). The checksum is taken first, in one pass; the lines are then scanned in
   * parts of at least {@link #PART_BYTES}, one thread each up to the machine's cores, and the
   * parts' outcomes joined in file order.
   *
   * @param tabs TABs every line must hold
   * @param grammar the grammars of a row the engine may store itself
   * @param progress told the bytes scanned so far, now and then, on the calling thread
   */
  static Result scan(
      Path file, int tabs, BulkRowGrammar grammar, java.util.function.LongConsumer progress)
      throws IOException {
    return scan(
        file,
        tabs,
        grammar,
        progress,
        PART_BYTES,
        Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * {@link #scan(Path, int, BulkRowGrammar, java.util.function.LongConsumer)} in at most {@code
   * maxParts} parts of {@code partBytes} or more.
   */
  static Result scan(
      Path file,
      int tabs,
      BulkRowGrammar grammar,
      java.util.function.LongConsumer progress,
      long partBytes,
      int maxParts)
      throws IOException {
    long size = Files.size(file);
    CRC32C crc = new CRC32C();
    Bytes.readAll(file, crc::update);
    int parts = (int) Math.max(1, Math.min(maxParts, size / Math.max(1, partBytes)));
    long[] bounds = bounds(file, size, parts);
    java.util.concurrent.atomic.AtomicLong scanned = new java.util.concurrent.atomic.AtomicLong();
    List<Part> done = new ArrayList<>();
    if (bounds.length == 2 && size < PROGRESS_BYTES) { // else on a thread: progress told here
      done.add(scanPart(file, bounds[0], bounds[1], tabs, grammar, scanned));
    } else {
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(
              bounds.length - 1,
              task -> {
                Thread t = new Thread(task, "entente-scan");
                t.setDaemon(true);
                return t;
              });
      try {
        List<java.util.concurrent.Future<Part>> futures = new ArrayList<>();
        for (int k = 0; k + 1 < bounds.length; k++) {
          long from = bounds[k];
          long to = bounds[k + 1];
          futures.add(pool.submit(() -> scanPart(file, from, to, tabs, grammar, scanned)));
        }
        long next = PROGRESS_BYTES;
        for (java.util.concurrent.Future<Part> f : futures) {
          while (true) {
            try {
              done.add(f.get(100, java.util.concurrent.TimeUnit.MILLISECONDS));
              break;
            } catch (java.util.concurrent.TimeoutException e) {
              if (scanned.get() >= next) {
                progress.accept(scanned.get());
                next = scanned.get() + PROGRESS_BYTES;
              }
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while scanning " + file);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    if (scanned.get() >= PROGRESS_BYTES) {
      progress.accept(scanned.get());
    }
    return join(done, crc.getValue());
  }

  /**
   * Where the parts start: {@code parts + 1} offsets from 0 to {@code size}, each inner one just
   * after a line feed (parts may be empty when lines are long).
   */
  private static long[] bounds(Path file, long size, int parts) throws IOException {
    long[] out = new long[parts + 1];
    out[parts] = size;
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
      for (int k = 1; k < parts; k++) {
        long at = Math.max(out[k - 1], size * k / parts);
        long found = size;
        search:
        while (at < size) {
          buf.clear();
          int n = ch.read(buf, at);
          if (n <= 0) {
            break;
          }
          for (int i = 0; i < n; i++) {
            if (buf.get(i) == '\n') {
              found = at + i + 1;
              break search;
            }
          }
          at += n;
        }
        out[k] = Math.min(found, size);
      }
    }
    return out;
  }

  /** One part's outcome: its lines numbered from 1, its problem if any. */
  private record Part(
      long lines,
      long problemLine,
      String problem,
      boolean ascend,
      long firstId,
      long lastId,
      boolean consecutive,
      String first,
      LongList rowLines,
      LongList rowIds,
      long keptIdSum) {}

  /** The outcome of the parts in file order, as one scan of the whole file would give it. */
  private static Result join(List<Part> parts, long crc32c) {
    long lines = 0;
    boolean ascend = true;
    boolean consecutive = true;
    long lastId = -1;
    long keptIdSum = 0;
    LongList rowLines = new LongList();
    LongList rowIds = new LongList();
    for (Part p : parts) {
      if (p.problem() != null) {
        return declined("line " + (lines + p.problemLine()) + " " + p.problem());
      }
      if (p.lines() == 0) {
        continue;
      }
      ascend &= p.ascend() && p.firstId() > lastId;
      consecutive &= p.consecutive() && (lastId < 0 || p.firstId() == lastId + 1);
      lastId = p.lastId();
      keptIdSum += p.keptIdSum();
      for (int i = 0; i < p.rowLines().size; i++) {
        if (rowLines.size >= MAX_ROW_LINES) {
          return declined("more than " + MAX_ROW_LINES + " rows need the row parser");
        }
        rowLines.add(lines + p.rowLines().values[i]);
        rowIds.add(p.rowIds().values[i]);
      }
      lines += p.lines();
    }
    if (ascend && rowLines.size > lines / MAX_ROW_SHARE) {
      return declined(rowLines.size + " of " + lines + " rows need the row parser");
    }
    Part head = parts.get(0);
    return new Result(
        crc32c,
        lines,
        null,
        ascend,
        head.first(),
        ascend && lines > 0 ? head.firstId() : -1,
        ascend && consecutive,
        ascend ? rowLines.toArray() : new long[0],
        ascend ? rowIds.toArray() : new long[0],
        ascend ? keptIdSum : 0);
  }

  /** Scans the lines of {@code file[from, to)}, adding the bytes read to {@code scanned}. */
  private static Part scanPart(
      Path file,
      long from,
      long to,
      int tabs,
      BulkRowGrammar grammar,
      java.util.concurrent.atomic.AtomicLong scanned)
      throws IOException {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      ch.position(from);
      Ingestor.CountingStream in =
          new Ingestor.CountingStream(
              new Bounded(java.nio.channels.Channels.newInputStream(ch), to - from));
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
      long counted = 0;
      while (r.next()) {
        lines++;
        byte[] b = r.buf;
        int s = r.start;
        int e = r.end;
        long consumed = in.count;
        if (consumed - counted >= 1 << 20) {
          scanned.addAndGet(consumed - counted);
          counted = consumed;
        }
        if (lines == 1 && from == 0) {
          if (e == s || b[s] < '0' || b[s] > '9') {
            // not an event id: a blank, a comment, a byte-order mark, a header, an archive
            return problem(lines, "does not start with a digit");
          }
          first = new String(b, s, e - s, StandardCharsets.UTF_8);
        }
        if (e == s) {
          return problem(lines, "is empty");
        }
        if (e < b.length && b[e] == '\r' || (e > s && b[e - 1] == '\r')) {
          return problem(lines, "has a CR");
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
          return problem(lines, "has " + n + " TABs");
        }
        if (bad != 0) {
          return problem(lines, "has a NUL or CR byte");
        }
        if (Bytes.nonAscii(high) && !Fields.isUtf8(b, s, e)) {
          return problem(lines, "is not valid UTF-8");
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
                return problem(lines, "is one more than " + MAX_ROW_LINES + " for the row parser");
              }
              rowLines.add(lines);
              rowIds.add(id);
            }
          }
        }
      }
      scanned.addAndGet(in.count - counted);
      return new Part(
          lines,
          0,
          null,
          ascend,
          firstId,
          lastNumber,
          consecutive,
          first,
          rowLines,
          rowIds,
          keptIdSum);
    }
  }

  private static Part problem(long line, String problem) {
    return new Part(0, line, problem, false, -1, -1, false, null, null, null, 0);
  }

  /** At most {@code limit} bytes of a stream. */
  private static final class Bounded extends java.io.FilterInputStream {
    private long left;

    Bounded(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int c = super.read();
      if (c >= 0) {
        left--;
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  private static Result declined(String why) {
    return new Result(0, 0, why, false, null, -1, false, new long[0], new long[0], 0);
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
