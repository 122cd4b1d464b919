package org.entente.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeapSamplerTest {

  private static final int MB = 1 << 20;

  @Test
  void close_whileLargeArrayHeld_peaksCoverIt() {
    byte[] block;
    HeapSampler sampler = HeapSampler.start(Duration.ofMillis(5));
    assertEquals(-1, sampler.poolPeakBytes(), "pool peak is fixed at close");
    block = new byte[64 * MB];
    block[block.length - 1] = 1;
    sampler.close(); // takes a final sample while block is still reachable
    assertTrue(block[block.length - 1] == 1);
    assertTrue(sampler.peakHeapBytes() >= 64L * MB, "sampled " + sampler.peakHeapBytes());
    assertTrue(sampler.poolPeakBytes() >= 64L * MB, "pools " + sampler.poolPeakBytes());
    sampler.close(); // idempotent
  }

  @Test
  void peakRssBytes_onLinux_positive() {
    HeapSampler sampler = HeapSampler.start();
    sampler.close();
    if (Files.isReadable(Path.of("/proc/self/status"))) {
      assertTrue(sampler.peakRssBytes() > sampler.peakHeapBytes() / 2);
    } else {
      assertEquals(-1, sampler.peakRssBytes());
    }
  }
}
