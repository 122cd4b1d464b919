package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private static List<String> lines(byte[] data, int buffer) throws IOException {
    LineReader r = new LineReader(new ByteArrayInputStream(data), buffer);
    List<String> out = new ArrayList<>();
    while (r.next()) {
      assertEquals(out.size() + 1, r.lineNumber());
      out.add(new String(r.buf, r.start, r.end - r.start, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static List<String> lines(String s, int buffer) throws IOException {
    return lines(s.getBytes(StandardCharsets.UTF_8), buffer);
  }

  @Test
  void next_lfAndCrlf_giveTheSameLines() throws IOException {
    List<String> lf = lines("a\tb\nc\n\nd\n", 4);
    List<String> crlf = lines("a\tb\r\nc\r\n\r\nd\r\n", 4);
    assertEquals(List.of("a\tb", "c", "", "d"), lf);
    assertEquals(lf, crlf);
  }

  @Test
  void next_lastLineWithoutTerminator_isStillALine() throws IOException {
    assertEquals(List.of("x", "yz"), lines("x\nyz", 2));
    assertEquals(List.of("x", "yz"), lines("x\r\nyz\r", 2));
  }

  @Test
  void next_emptyInput_hasNoLines() throws IOException {
    assertEquals(List.of(), lines("", 8));
  }

  @Test
  void next_loneCrInsideALine_isKept() throws IOException {
    assertEquals(List.of("a\rb"), lines("a\rb\n", 8));
  }

  @Test
  void next_lineLongerThanTheBuffer_growsTheBuffer() throws IOException {
    String longLine = "x".repeat(10_000);
    assertEquals(List.of(longLine, "end"), lines(longLine + "\nend\n", 16));
  }

  @Test
  void next_lineBeyondTheMaximum_throwsNamingTheLine() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            return len;
          }
        };
    LineReader r = new LineReader(endless, 1 << 20);
    IOException e = assertThrows(IOException.class, r::next);
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }
}
