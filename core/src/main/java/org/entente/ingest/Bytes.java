package org.entente.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Word-at-a-time byte search (SWAR): eight bytes are tested per step. For a word {@code x} and a
 * byte {@code c} repeated in {@code pattern}, {@code v = x ^ pattern} has a zero byte exactly where
 * {@code x} holds {@code c}; {@code ~(((v & 0x7F..) + 0x7F..) | v | 0x7F..)} sets the high bit of
 * exactly those bytes (no false positives, unlike the shorter {@code (v - 0x01..) & ~v} form).
 * Reference: H. S. Warren, Hacker's Delight, 2nd ed., §6-1.
 */
public final class Bytes {
  static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  static final long HIGH = 0x8080808080808080L;
  static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  static final long TABS = 0x0909090909090909L;

  private Bytes() {}

  /** The eight bytes at {@code i}, little-endian. */
  public static long word(byte[] b, int i) {
    return (long) LONG.get(b, i);
  }

  /** High bit set in each byte of {@code x} that equals the byte repeated in {@code pattern}. */
  public static long matches(long x, long pattern) {
    long v = x ^ pattern;
    return ~(((v & LOW7) + LOW7) | v | LOW7);
  }

  /** Whether any byte of {@code x} has its high bit set (non-ASCII). */
  public static boolean nonAscii(long x) {
    return (x & HIGH) != 0;
  }

  /** Index of the first {@code '\n'} in {@code b[from, to)}, or -1. */
  public static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long m = matches(word(b, i), NEWLINES);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Index of the first NUL byte (0x00) in {@code b[from, to)}, or -1. */
  public static int indexOfNul(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long m = matches(word(b, i), 0L);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Feeds a whole file to {@code each}, 1 MiB at a time through one direct buffer (for checksums
   * and digests). {@code each} must consume the buffer's remaining bytes.
   */
  public static void readAll(
      java.nio.file.Path file, java.util.function.Consumer<java.nio.ByteBuffer> each)
      throws java.io.IOException {
    try (java.nio.channels.FileChannel ch =
        java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(1 << 20);
      while (ch.read(buf) > 0) {
        buf.flip();
        each.accept(buf);
        buf.clear();
      }
    }
  }
}
