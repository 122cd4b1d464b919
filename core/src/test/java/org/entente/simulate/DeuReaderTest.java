package org.entente.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DEU III table's reader refuses what it used to drop or take without a word. */
class DeuReaderTest {
  @TempDir Path dir;

  private static final String HEADER = "\"isnr\"\t\"pat\"\t\"sat\"\t\"pbe\"\t\"sbe\"\t\"out\"";
  private static final String CAPS = "\t\"10\"\t\t\"12\"\t\t";

  private Path file(String header, String... rows) throws Exception {
    return Files.writeString(
        dir.resolve("deu.csv"), header + "\n" + CAPS + "\n" + String.join("\n", rows) + "\n");
  }

  @Test
  void aWellFormedTable_isRead() throws Exception {
    DeuReader.Result r = DeuReader.read(file(HEADER, "1\t20\t50\t80\t40\t60"));
    assertEquals(1, r.issues().size());
    assertEquals(2, r.issues().get(0).actors().size());
    assertEquals(60, r.issues().get(0).outcome());
  }

  @Test
  void aColumnWithoutItsPartner_isRefused_notItsActorDropped() throws Exception {
    // pat renamed pxx: both columns were ignored and Austria silently left out
    Path f = file(HEADER.replace("\"pat\"", "\"pxx\""), "1\t20\t50\t80\t40\t60");
    ActorInputException e = assertThrows(ActorInputException.class, () -> DeuReader.read(f));
    assertTrue(
        e.getMessage().contains("line 1: column 'pxx' has no salience column 'sxx'"),
        e.getMessage());
  }

  @Test
  void anOutcomeOffTheScale_isRefusedWithItsLine() throws Exception {
    Path f = file(HEADER, "1\t20\t50\t80\t40\t-50");
    ActorInputException e = assertThrows(ActorInputException.class, () -> DeuReader.read(f));
    assertTrue(
        e.getMessage().endsWith("line 3: field out is outside 0..100 (the positions' scale)"),
        e.getMessage());
  }

  @Test
  void aShortRow_isRefusedWithItsLine_notCountedAsWithoutOutcome() throws Exception {
    Path f = file(HEADER, "1\t20\t50\t80\t40\t60", "2\t20\t50");
    ActorInputException e = assertThrows(ActorInputException.class, () -> DeuReader.read(f));
    assertTrue(
        e.getMessage().contains(f + ": line 4: 3 fields where the header has 6"), e.getMessage());
  }
}
