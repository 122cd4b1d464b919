package org.entente.store.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;

/**
 * Lets DuckDB's JDBC driver load its native library (~60 MB) from a per-user cache instead of
 * extracting it to a new temporary file on every start (about half a second to over a second per
 * command on a shared machine).
 *
 * <p>How the driver loads it (class {@code org.duckdb.DuckDBNative}, driver 1.5): if the resource
 * {@code /libduckdb_java.so_<os>_<arch>} is on the classpath it is always copied to a new temp file
 * and {@code System.load}ed; there is no property to point it at an existing copy. Otherwise it
 * calls {@code System.loadLibrary("duckdb_java")} (the directories of {@code java.library.path}),
 * and failing that loads {@code libduckdb_java.so_<os>_<arch>} from the directory of its own jar.
 *
 * <p>So the product jar (app/pom.xml) carries the library under {@code
 * org/entente/store/duckdb/native/} instead of the root, and {@link #prepare()}, run before the
 * first connection, extracts it once into {@code $XDG_CACHE_HOME/entente} (else {@code
 * ~/.cache/entente}; {@code ENTENTE_CACHE_DIR} overrides), in a directory named by the driver
 * version, the platform and the CRC-32 of the library, so two versions never share a file. The copy
 * is written to a temporary file, its CRC checked against the jar entry's, then renamed into place
 * (atomic: concurrent first starts each write their own copy and one rename wins); a later start
 * reuses it when its size matches. The driver then finds it through {@code java.library.path} when
 * that names the cache directory, else through a symbolic link beside the jar that this class
 * creates (and repoints when the version changes; a file there that it did not create is left alone
 * and reported).
 *
 * <p>When the library is still at the classpath root (tests run by Maven, an IDE) this does nothing
 * and the driver extracts it as before. Thread-safe; runs once per JVM.
 */
public final class DuckDbNativeLibrary {
  /** Overrides the cache root (tests, read-only homes). */
  public static final String CACHE_DIR_ENV = "ENTENTE_CACHE_DIR";

  private static final String PACKED = "org/entente/store/duckdb/native/";
  private static boolean prepared;

  private DuckDbNativeLibrary() {}

  /**
   * Makes the cached copy of the native library available to the driver; call before the first
   * DuckDB connection of the process. Does nothing when the driver would extract its own copy.
   *
   * @throws IllegalStateException if the library cannot be cached or made visible to the driver
   *     (the message says what to do)
   */
  public static synchronized void prepare() {
    if (prepared) {
      return;
    }
    prepared = true;
    ClassLoader loader = DuckDbNativeLibrary.class.getClassLoader();
    String name = "libduckdb_java.so_" + platform();
    URL packed = loader.getResource(PACKED + name);
    if (loader.getResource(name) != null || packed == null) {
      return; // the driver's own copy is at the root, or none is packed: the driver decides
    }
    Path cacheRoot = cacheRoot();
    Path lib = cached(packed, cacheRoot.resolve(cacheKey(loader, packed)));
    if (onLibraryPath(lib.getParent())) {
      return;
    }
    linkBesideJar(lib, name);
  }

  /**
   * The cache root: {@code ENTENTE_CACHE_DIR}, else {@code $XDG_CACHE_HOME/entente}, else {@code
   * ~/.cache/entente}.
   */
  static Path cacheRoot() {
    String own = System.getenv(CACHE_DIR_ENV);
    if (own != null && !own.isBlank()) {
      return Paths.get(own).toAbsolutePath();
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Paths.get(xdg)
            : Paths.get(System.getProperty("user.home"), ".cache");
    return base.resolve("entente").toAbsolutePath();
  }

  /**
   * {@code duckdb-<version>-<platform>-<crc32>}: the driver version written by the build, and the
   * jar entry's CRC-32 (read from the jar's directory, not by reading the library).
   */
  private static String cacheKey(ClassLoader loader, URL packed) {
    Properties p = new Properties();
    try (InputStream in = loader.getResourceAsStream(PACKED + "duckdb-native.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the DuckDB driver version from the jar", e);
    }
    ZipEntry entry = entry(packed);
    return String.format(
        Locale.ROOT,
        "duckdb-%s-%s-%08x",
        p.getProperty("version", "unknown").replaceAll("[^A-Za-z0-9._-]", ""),
        platform(),
        entry == null ? 0 : entry.getCrc());
  }

  /** The cached library in {@code dir}, extracted from {@code packed} unless already there. */
  static Path cached(URL packed, Path dir) {
    Path lib = dir.resolve(System.mapLibraryName("duckdb_java"));
    ZipEntry entry = entry(packed);
    long size = entry == null ? -1 : entry.getSize();
    try {
      if (Files.isRegularFile(lib) && (size < 0 || Files.size(lib) == size)) {
        return lib;
      }
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, lib.getFileName().toString(), ".part");
      try {
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(packed.openStream(), crc);
            OutputStream out = Files.newOutputStream(tmp)) {
          in.transferTo(out);
        }
        if (entry != null && entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
          throw new IOException(
              "the extracted copy's CRC-32 does not match the jar's; the jar may be damaged");
        }
        if (!tmp.toFile().setExecutable(true, false) || !tmp.toFile().setWritable(false, false)) {
          throw new IOException("cannot set the permissions of " + tmp);
        }
        move(tmp, lib);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return lib;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot cache DuckDB's native library in "
              + dir
              + ": "
              + e.getMessage()
              + " (set "
              + CACHE_DIR_ENV
              + " to a writable directory)",
          e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static ZipEntry entry(URL packed) {
    try {
      URLConnection c = packed.openConnection();
      return c instanceof JarURLConnection jar ? jar.getJarEntry() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean onLibraryPath(Path dir) {
    for (String p : System.getProperty("java.library.path", "").split(java.io.File.pathSeparator)) {
      if (!p.isEmpty() && Paths.get(p).toAbsolutePath().normalize().equals(dir.normalize())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The driver's last resort: {@code <jar dir>/<name>}. A symbolic link there to {@code lib},
   * created or repointed (atomically) when it is missing or is a link into a cache of this class
   * (any cache root: {@code ENTENTE_CACHE_DIR} may differ between runs); any other file there is
   * left alone.
   */
  private static void linkBesideJar(Path lib, String name) {
    Path jarDir;
    try {
      jarDir =
          Paths.get(
                  DuckDbNativeLibrary.class
                      .getProtectionDomain()
                      .getCodeSource()
                      .getLocation()
                      .toURI())
              .getParent()
              .toRealPath();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      throw cannotLink(lib, "cannot find the directory of the jar", e);
    }
    Path link = jarDir.resolve(name);
    try {
      if (Files.isSymbolicLink(link)) {
        Path target = Files.readSymbolicLink(link);
        if (target.equals(lib)) {
          return;
        }
        if (!ours(target)) {
          throw cannotLink(lib, link + " is a link this program did not make", null);
        }
      } else if (Files.exists(link)) {
        throw cannotLink(lib, link + " exists and was not made by this program", null);
      }
      Path tmp = jarDir.resolve("." + name + "." + ProcessHandle.current().pid() + ".link");
      Files.deleteIfExists(tmp);
      Files.createSymbolicLink(tmp, lib);
      move(tmp, link);
    } catch (IOException | UnsupportedOperationException e) {
      throw cannotLink(lib, "cannot link it beside the jar: " + e.getMessage(), e);
    }
  }

  /** A link target this class makes: {@code <any cache root>/duckdb-…/<mapped library name>}. */
  private static boolean ours(Path target) {
    Path dir = target.getParent();
    return target.getFileName().toString().equals(System.mapLibraryName("duckdb_java"))
        && dir != null
        && dir.getFileName().toString().startsWith("duckdb-");
  }

  private static IllegalStateException cannotLink(Path lib, String why, Throwable cause) {
    return new IllegalStateException(
        "DuckDB's native library is cached at "
            + lib
            + " but "
            + why
            + "; start Java with -Djava.library.path="
            + lib.getParent(),
        cause);
  }

  /** The driver's platform suffix: {@code linux_amd64}, {@code osx_universal}, … */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).trim();
    os = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "osx" : os;
    os = os.startsWith("linux") ? "linux" : os.replaceAll("[^a-z0-9_\\-.]", "");
    if (os.equals("osx")) {
      return "osx_universal";
    }
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).trim();
    arch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch.replaceAll("[^a-z0-9_\\-.]", "");
        };
    return os + "_" + arch;
  }
}
