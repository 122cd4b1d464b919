package org.entente.bench;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A byte buffer in front of an {@link OutputStream} with allocation-free appenders for bytes,
 * integers and fixed-point decimals. Callers {@link #reserve} room for a whole row before writing
 * it; no appender checks capacity. Not thread-safe.
 */
final class RowBuffer {

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private final OutputStream out;
  private final byte[] buf;
  private final byte[] digits = new byte[20];
  private int pos;
  private long flushed;

  RowBuffer(OutputStream out, int capacity) {
    this.out = out;
    this.buf = new byte[capacity];
  }

  /** Flushes first if fewer than {@code n} bytes are free. */
  void reserve(int n) throws IOException {
    if (pos + n > buf.length) {
      flush();
    }
  }

  void put(byte[] b) {
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  void put(byte[] b, int off, int len) {
    System.arraycopy(b, off, buf, pos, len);
    pos += len;
  }

  void put(byte b) {
    buf[pos++] = b;
  }

  void tab() {
    buf[pos++] = '\t';
  }

  /** Appends {@code v} in decimal; {@code v > Long.MIN_VALUE}. */
  void putLong(long v) {
    if (v < 0) {
      buf[pos++] = '-';
      v = -v;
    }
    int n = 0;
    do {
      digits[n++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    while (n > 0) {
      buf[pos++] = digits[--n];
    }
  }

  /**
   * Appends {@code scaled / 10^decimals} (a non-negative fixed-point number) with trailing zeros of
   * the fraction removed and no decimal point when the fraction is zero: (1250, 3) gives "1.25",
   * (7000, 3) gives "7".
   */
  void putFixed(long scaled, int decimals) {
    long p = POW10[decimals];
    putLong(scaled / p);
    long frac = scaled % p;
    if (frac == 0) {
      return;
    }
    int d = decimals;
    while (frac % 10 == 0) {
      frac /= 10;
      d--;
    }
    buf[pos++] = '.';
    for (int i = d - 1; i >= 0; i--) {
      buf[pos++] = (byte) ('0' + (frac / POW10[i]) % 10);
    }
  }

  /**
   * Appends {@code x} the way GDELT prints AvgTone: 15 significant digits counting the integer part
   * (so 14 decimals below 10, 13 below 100), rounded half-up, trailing zeros removed, "0" for zero.
   * Requires {@code |x| < 1000}.
   */
  void putTone(double x) {
    if (x == 0) {
      buf[pos++] = '0';
      return;
    }
    double a = Math.abs(x);
    int intDigits = a < 10 ? 1 : a < 100 ? 2 : 3;
    int decimals = 15 - intDigits;
    long scaled = Math.round(a * POW10[decimals]);
    if (scaled == 0) {
      buf[pos++] = '0';
      return;
    }
    if (x < 0) {
      buf[pos++] = '-';
    }
    putFixed(scaled, decimals);
  }

  /** Writes the buffered bytes to the stream. */
  void flush() throws IOException {
    out.write(buf, 0, pos);
    flushed += pos;
    pos = 0;
  }

  /** Bytes appended so far, flushed or not. */
  long bytesWritten() {
    return flushed + pos;
  }
}
