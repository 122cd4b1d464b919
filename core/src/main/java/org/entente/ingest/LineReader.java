package org.entente.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it: LF ends a line, a CR before it is dropped
 * (CRLF files), a last line without LF is still a line. After {@link #next()} returns true the
 * current line is {@code buf[start, end)} and {@link #lineNumber()} is its 1-based number. Memory
 * is bounded by the buffer size and the longest line (at most {@link #MAX_LINE} bytes).
 */
public final class LineReader {
  static final int MAX_LINE = 16 << 20;
  private final InputStream in;
  byte[] buf;
  int start;
  int end;
  private int pos;
  private int limit;
  private long lineNumber;
  private boolean eof;

  public LineReader(InputStream in, int bufferSize) {
    this.in = in;
    this.buf = new byte[bufferSize];
  }

  public long lineNumber() {
    return lineNumber;
  }

  /** The buffer that holds the current line (valid until the next {@link #next()}). */
  public byte[] bytes() {
    return buf;
  }

  /** Where the current line starts in {@link #bytes()}. */
  public int lineStart() {
    return start;
  }

  /** Where the current line ends in {@link #bytes()} (exclusive, without its CR or LF). */
  public int lineEnd() {
    return end;
  }

  /**
   * Advances to the next line.
   *
   * @return false at end of input
   * @throws IOException from the stream, or if a line exceeds {@link #MAX_LINE}
   */
  public boolean next() throws IOException {
    while (true) {
      int i = Bytes.indexOfNewline(buf, pos, limit);
      if (i >= 0) {
        start = pos;
        end = (i > pos && buf[i - 1] == '\r') ? i - 1 : i;
        pos = i + 1;
        lineNumber++;
        return true;
      }
      if (eof) {
        if (pos < limit) {
          start = pos;
          end = buf[limit - 1] == '\r' ? limit - 1 : limit;
          pos = limit;
          lineNumber++;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      if (buf.length >= MAX_LINE) {
        throw new IOException(
            "line " + (lineNumber + 1) + " is longer than " + (MAX_LINE >> 20) + " MB");
      }
      buf = Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 2));
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }
}
