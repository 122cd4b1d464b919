package org.entente.store.duckdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Random;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DuckDbNativeLibrary#cached}: extracted once, checked, reused, replaced when damaged. */
class DuckDbNativeLibraryTest {
  @TempDir Path tmp;

  private static byte[] payload() {
    byte[] b = new byte[300_000];
    new Random(7).nextBytes(b);
    return b;
  }

  private URL packed(byte[] content) throws IOException {
    Path jar = tmp.resolve("lib.jar");
    try (OutputStream f = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(f)) {
      out.putNextEntry(new ZipEntry("native/lib.so"));
      out.write(content);
      out.closeEntry();
    }
    return new URL("jar:" + jar.toUri() + "!/native/lib.so");
  }

  @Test
  void cached_firstCall_extractsTheEntryReadOnlyAndLeavesNoPartFile() throws IOException {
    byte[] content = payload();
    Path dir = tmp.resolve("cache/duckdb-x");
    Path lib = DuckDbNativeLibrary.cached(packed(content), dir);
    assertArrayEquals(content, Files.readAllBytes(lib));
    assertFalse(
        Files.getPosixFilePermissions(lib).contains(PosixFilePermission.OWNER_WRITE), "read-only");
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "only the library, no temporary file left");
    }
  }

  @Test
  void cached_secondCall_reusesTheFileWithoutRewritingIt() throws IOException {
    URL packed = packed(payload());
    Path dir = tmp.resolve("cache/duckdb-x");
    Path lib = DuckDbNativeLibrary.cached(packed, dir);
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(lib, old);
    assertEquals(lib, DuckDbNativeLibrary.cached(packed, dir));
    assertEquals(old, Files.getLastModifiedTime(lib));
  }

  @Test
  void cached_truncatedCopy_isReplaced() throws IOException {
    byte[] content = payload();
    URL packed = packed(content);
    Path dir = tmp.resolve("cache/duckdb-x");
    Path lib = DuckDbNativeLibrary.cached(packed, dir);
    lib.toFile().setWritable(true);
    Files.write(lib, new byte[] {1, 2, 3});
    DuckDbNativeLibrary.cached(packed, dir);
    assertArrayEquals(content, Files.readAllBytes(lib));
  }

  @Test
  void cached_unwritableCacheRoot_failsNamingTheDirectoryAndTheVariable() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> DuckDbNativeLibrary.cached(packed(payload()), file.resolve("sub")));
    assertTrue(e.getMessage().contains(file.resolve("sub").toString()), e.getMessage());
    assertTrue(e.getMessage().contains(DuckDbNativeLibrary.CACHE_DIR_ENV), e.getMessage());
  }

  @Test
  void platform_matchesTheDriversResourceSuffix() {
    String p = DuckDbNativeLibrary.platform();
    assertTrue(
        DuckDbNativeLibrary.class.getClassLoader().getResource("libduckdb_java.so_" + p) != null,
        "the driver jar on the test classpath has libduckdb_java.so_" + p);
  }
}
