import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the product jar (app/pom.xml, after shading; run as a single-file program with ASM
 * on the class path): rewrites the class files under the given package prefixes whose format is
 * older than Java 6 (major version below 50) as Java 8 class files, with the stack map frames that
 * format requires computed by ASM. Nothing else in them changes.
 *
 * <p>Why: the JVM's class-data archives (the launcher records one per command) cannot hold class
 * files older than Java 6, and picocli 4.7 is compiled for Java 5. Its ~175 classes were read from
 * the jar and checked by the old verifier at every start, about 60-80 ms of each command (measured
 * A/B on the demo store: {@code --version} 386 to 325 ms, {@code info} 473 to 398 ms, medians of 10
 * alternating runs).
 *
 * <p>{@code java -cp asm.jar UpgradeClassFiles.java JAR PREFIX...}: rewrites JAR in place, through
 * a copy in its folder that is moved over it at the end; every other entry is copied as it is
 * stored, and the rewritten ones keep their names and times. Classes already at version 50 or later
 * are left as they are, so a second run changes nothing. Every rewritten class is then loaded and
 * linked (so verified) from the copy: a class that fails to verify fails the build and the jar is
 * left as it was.
 */
public final class UpgradeClassFiles {
  private UpgradeClassFiles() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: UpgradeClassFiles JAR PREFIX...");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    List<String> prefixes = List.of(args).subList(1, args.length);
    Path tmp = Files.createTempFile(jar.toAbsolutePath().getParent(), ".upgrade-", ".jar");
    try {
      List<String> upgraded = rewrite(jar, tmp, prefixes);
      if (upgraded.isEmpty()) {
        System.out.println("UpgradeClassFiles: no class older than Java 6 under " + prefixes);
        return;
      }
      verify(tmp, upgraded);
      Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.out.println(
          "UpgradeClassFiles: "
              + upgraded.size()
              + " classes under "
              + prefixes
              + " rewritten as Java 8 class files in "
              + jar);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Copies {@code jar} to {@code out} and upgrades the old classes of {@code out} in place through
   * the zip file system, which copies every other entry as it is stored (no inflating and deflating
   * of the ~100 MB of the jar); returns the upgraded classes' binary names.
   */
  private static List<String> rewrite(Path jar, Path out, List<String> prefixes)
      throws IOException {
    Files.copy(jar, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    List<String> upgraded = new ArrayList<>();
    try (URLClassLoader hierarchy =
            new URLClassLoader(
                new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        ZipFile in = new ZipFile(jar.toFile());
        FileSystem zip = FileSystems.newFileSystem(out, Map.of())) {
      for (Enumeration<? extends ZipEntry> en = in.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        String name = e.getName();
        if (!name.endsWith(".class") || prefixes.stream().noneMatch(name::startsWith)) {
          continue;
        }
        byte[] bytes;
        try (var s = in.getInputStream(e)) {
          bytes = s.readAllBytes();
        }
        if (bytes.length > 8 && major(bytes) < Opcodes.V1_6) {
          Path entry = zip.getPath(name);
          Files.write(entry, upgrade(bytes, hierarchy));
          Files.setLastModifiedTime(entry, e.getLastModifiedTime());
          upgraded.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        }
      }
    }
    return upgraded;
  }

  private static int major(byte[] classFile) {
    return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  /**
   * The class at version 52 with frames computed (not copied: a writer given the reader would copy
   * each method's code as it was, without frames). Common superclasses are looked up in the jar.
   */
  private static byte[] upgrade(byte[] classFile, ClassLoader hierarchy) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected ClassLoader getClassLoader() {
            return hierarchy;
          }
        };
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
          }
        },
        0);
    return writer.toByteArray();
  }

  /** Loads and links every upgraded class from the new jar: the JVM verifies each one. */
  private static void verify(Path jar, List<String> classes) throws Exception {
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String c : classes) {
        try {
          Class.forName(c, true, loader); // linked (so verified), then initialised
        } catch (VerifyError | ClassFormatError e) {
          throw new IllegalStateException("rewritten class " + c + " does not verify: " + e, e);
        } catch (LinkageError e) {
          throw new IllegalStateException("rewritten class " + c + " does not load: " + e, e);
        }
      }
    }
  }
}
