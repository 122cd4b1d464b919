package org.entente.ingest.chronology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.entente.cameo.Cameo;
import org.entente.system.ActorRegistry;
import org.entente.system.Chronology;
import org.junit.jupiter.api.Test;

/** {@link ChronologyReader} finds the lines in the bytes: line ends, BOM, last line, bad bytes. */
class ChronologyReaderTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  private static ChronologyReader.Result read(byte[] b) throws IOException {
    return ChronologyReader.read(
        new ByteArrayInputStream(b), Cameo.bundled(), ActorRegistry.bundled(), TODAY);
  }

  private static byte[] bundled() {
    return Chronology.bundledBytes();
  }

  @Test
  void bundled_lfCrlfBomAndNoFinalLineBreak_giveTheSameEntries() throws IOException {
    ChronologyReader.Result lf = read(bundled());
    assertTrue(lf.problems().isEmpty(), String.valueOf(lf.problems()));
    assertTrue(lf.entries().size() > 700, "entries: " + lf.entries().size());
    String text = new String(bundled(), StandardCharsets.UTF_8);
    String crlf = text.replace("\n", "\r\n");
    assertEquals(lf, read(crlf.getBytes(StandardCharsets.UTF_8)), "CRLF");
    assertEquals(lf, read(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)), "BOM");
    String noFinalBreak = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    assertEquals(lf, read(noFinalBreak.getBytes(StandardCharsets.UTF_8)), "no final line break");
  }

  @Test
  void invalidUtf8Line_isAProblemWithItsLineNumber_andTheNextLineIsRead() throws IOException {
    String[] lines = new String(bundled(), StandardCharsets.UTF_8).split("\n", -1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((lines[0] + "\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes((lines[1] + "\n").getBytes(StandardCharsets.UTF_8));
    byte[] bad = lines[2].getBytes(StandardCharsets.UTF_8);
    bad[bad.length / 2] = (byte) 0xff; // not UTF-8 (a decoder would have replaced it silently)
    out.writeBytes(bad);
    out.writeBytes("\n\n# a comment\n".getBytes(StandardCharsets.UTF_8));
    out.writeBytes((lines[3] + "\n").getBytes(StandardCharsets.UTF_8));
    ChronologyReader.Result r = read(out.toByteArray());
    assertEquals(2, r.entries().size());
    assertEquals(
        List.of(new ChronologyReader.Problem(3, "invalid UTF-8", "the entry is not valid UTF-8")),
        r.problems());
  }
}
