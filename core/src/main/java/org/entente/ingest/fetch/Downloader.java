package org.entente.ingest.fetch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.entente.ingest.Bytes;

/**
 * Downloads one listed file with integrity: to a temporary name next to its final place ({@code
 * .NAME.part}, a hidden name that no ingest of the directory reads), checking size and MD5, then
 * renaming it atomically. A file under its final name is therefore always complete and verified.
 *
 * <p>Retries: timeouts, connection errors, HTTP 5xx/408/429 and a wrong size or MD5 are retried up
 * to {@code retries} times, waiting {@code backoff·2^(k−1)} before the k-th retry; a 404 or another
 * 4xx is not retried. The read timeout bounds both the wait for the headers (the request timeout)
 * and any silence while the body streams (a watchdog on the last byte received).
 *
 * <p>Thread-safe: one instance serves all download threads.
 */
final class Downloader {
  private static final long TICK_MS = 50;
  private final HttpClient client;
  private final FetchRequest request;
  private final GdeltFetcher.Sleeper sleeper;
  private final AtomicLong bytes;

  /** Where downloads to be deleted after ingest are recorded, or null. */
  private final PendingDeletes pending;

  Downloader(
      HttpClient client, FetchRequest request, GdeltFetcher.Sleeper sleeper, AtomicLong bytes) {
    this(client, request, sleeper, bytes, null);
  }

  /**
   * @param pending records each download once it has its final name ({@code fetch
   *     --delete-after-ingest}); null for none
   */
  Downloader(
      HttpClient client,
      FetchRequest request,
      GdeltFetcher.Sleeper sleeper,
      AtomicLong bytes,
      PendingDeletes pending) {
    this.client = client;
    this.request = request;
    this.sleeper = sleeper;
    this.bytes = bytes;
    this.pending = pending;
  }

  /** The URL of a path on the request's server. */
  URI resolve(String path) {
    return URI.create(request.base().toString().replaceAll("/+$", "") + "/" + path);
  }

  /**
   * A text file of the server (a file list), downloaded with the same retries and read timeout as a
   * data file to a hidden temporary file in DIR (GDELT 2.0's master list is hundreds of MB), which
   * closing the reader removes.
   *
   * @throws UncheckedIOException naming the URL when it cannot be read after all retries
   */
  BufferedReader text(String path) throws InterruptedException {
    URI u = resolve(path);
    Path temp = request.dir().resolve("." + path.replace('/', '-') + ".part");
    String last = null;
    try {
      Files.createDirectories(request.dir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + request.dir() + ": " + e.getMessage(), e);
    }
    for (int attempt = 0; attempt <= request.retries(); attempt++) {
      if (attempt > 0) {
        sleeper.sleep(backoff(attempt));
      }
      Attempt a = once(null, u, temp);
      if (a.kind == Kind.OK) {
        try {
          return new BufferedReader(
              new InputStreamReader(
                  Files.newInputStream(temp, StandardOpenOption.DELETE_ON_CLOSE),
                  StandardCharsets.UTF_8),
              1 << 16);
        } catch (IOException e) {
          last = "cannot read " + temp + ": " + describe(e);
          break;
        }
      }
      last = a.detail;
      if (a.kind != Kind.RETRY) {
        break;
      }
    }
    deleteTemp(temp);
    throw new UncheckedIOException(
        "cannot read " + u + ": " + last, new IOException(last == null ? "failed" : last));
  }

  private HttpRequest get(URI u) {
    return HttpRequest.newBuilder(u).timeout(request.readTimeout()).GET().build();
  }

  private Duration backoff(int retry) {
    return request.backoff().multipliedBy(1L << Math.min(retry - 1, 20));
  }

  private static boolean retryable(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  /** Where a listed file lands. */
  Path target(ListedFile f) {
    return request.dir().resolve(f.path());
  }

  /**
   * Fetches one file unless a verified copy is already there. Never throws for a network or server
   * problem: the row says what happened.
   *
   * @return the audit row; for {@code ok}, {@code downloaded} tells whether this call fetched it
   */
  Result fetch(ListedFile f) throws InterruptedException {
    Path fin = target(f);
    if (Files.exists(fin)) {
      try {
        String why = mismatch(f, Files.size(fin), md5(fin));
        if (why == null) {
          return new Result(AuditRow.of(f, AuditRow.Status.OK, "already present, verified"), false);
        }
        return new Result(
            AuditRow.of(
                f,
                AuditRow.Status.CORRUPT,
                "the file already under "
                    + fin
                    + " does not match the list ("
                    + why
                    + "); left untouched: move it away to fetch the file again"),
            false);
      } catch (IOException e) {
        return new Result(
            AuditRow.of(f, AuditRow.Status.FAILED, "cannot read " + fin + ": " + describe(e)),
            false);
      }
    }
    Path temp = fin.resolveSibling("." + fin.getFileName() + ".part");
    try {
      Files.createDirectories(fin.getParent());
    } catch (IOException e) {
      return new Result(
          AuditRow.of(f, AuditRow.Status.FAILED, "cannot create " + fin.getParent() + ": " + e),
          false);
    }
    Attempt a = null;
    StringBuilder history = new StringBuilder();
    int attempt = 0;
    for (; attempt <= request.retries(); attempt++) {
      if (attempt > 0) {
        sleeper.sleep(backoff(attempt));
      }
      a = once(f, resolve(f.path()), temp);
      if (a.kind == Kind.OK) {
        try {
          Files.move(temp, fin, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          deleteTemp(temp);
          return new Result(
              AuditRow.of(
                  f, AuditRow.Status.FAILED, "cannot rename " + temp + " to " + fin + ": " + e),
              false);
        }
        String d =
            attempt == 0
                ? "downloaded"
                : "downloaded after "
                    + attempt
                    + " retr"
                    + (attempt == 1 ? "y" : "ies")
                    + " ("
                    + history
                    + ")";
        if (pending != null) {
          // recorded once in place (the rename changes the change time): a run killed between
          // the rename and here leaves the file, as a run with nothing recorded would
          String why;
          try {
            why = pending.add(fin) ? null : "its file system gives no identity to record";
          } catch (IOException e) {
            why = e.toString();
          }
          if (why != null) {
            d += " (not recorded in " + PendingDeletes.NAME + ": " + why + ")";
          }
        }
        return new Result(AuditRow.of(f, AuditRow.Status.OK, d), true);
      }
      deleteTemp(temp);
      if (history.length() > 0) {
        history.append("; ");
      }
      history.append(a.detail);
      if (a.kind == Kind.NOT_FOUND || a.kind == Kind.FATAL) {
        break;
      }
    }
    int tries = Math.min(attempt + 1, request.retries() + 1);
    String after = " (" + tries + " attempt" + (tries == 1 ? "" : "s") + ": " + history + ")";
    return switch (a.kind) {
      case NOT_FOUND -> new Result(AuditRow.of(f, AuditRow.Status.MISSING, a.detail), false);
      case MISMATCH -> new Result(AuditRow.of(f, AuditRow.Status.CORRUPT, a.detail + after), false);
      default -> new Result(AuditRow.of(f, AuditRow.Status.FAILED, a.detail + after), false);
    };
  }

  /** A fetched file's audit row, and whether this run downloaded it. */
  record Result(AuditRow row, boolean downloaded) {}

  private enum Kind {
    OK,
    NOT_FOUND,
    FATAL,
    RETRY,
    MISMATCH
  }

  private record Attempt(Kind kind, String detail) {}

  /** One GET of {@code u} into {@code temp}, checked against {@code f} unless it is null. */
  private Attempt once(ListedFile f, URI u, Path temp) throws InterruptedException {
    Body body;
    try {
      body = new Body(temp);
    } catch (IOException e) {
      return new Attempt(Kind.FATAL, "cannot write " + temp + ": " + describe(e));
    }
    try (body) {
      CompletableFuture<HttpResponse<Void>> cf =
          client.sendAsync(
              get(u),
              info ->
                  info.statusCode() == 200
                      ? HttpResponse.BodySubscribers.fromSubscriber(body, s -> null)
                      : HttpResponse.BodySubscribers.replacing(null));
      long idle = request.readTimeout().toNanos();
      HttpResponse<Void> resp;
      while (true) {
        try {
          resp = cf.get(TICK_MS, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException e) {
          if (body.error != null) {
            cf.cancel(true);
            return new Attempt(Kind.FATAL, "cannot write " + temp + ": " + body.error);
          }
          if (body.started && System.nanoTime() - body.lastByte > idle) {
            body.cancel();
            cf.cancel(true);
            return new Attempt(
                Kind.RETRY,
                "read timeout: no data for " + request.readTimeout().toMillis() + " ms");
          }
        }
      }
      int s = resp.statusCode();
      if (s == 404) {
        return new Attempt(Kind.NOT_FOUND, "HTTP 404 for " + u);
      }
      if (s != 200) {
        return new Attempt(retryable(s) ? Kind.RETRY : Kind.FATAL, "HTTP " + s);
      }
      if (body.error != null) {
        return new Attempt(Kind.FATAL, "cannot write " + temp + ": " + body.error);
      }
      body.channel.force(false);
      if (f == null) {
        return new Attempt(Kind.OK, "");
      }
      String why = mismatch(f, body.count, HexFormat.of().formatHex(body.md5.digest()));
      return why == null ? new Attempt(Kind.OK, "") : new Attempt(Kind.MISMATCH, why);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      return new Attempt(
          Kind.RETRY, c instanceof IOException io ? describe(io) : String.valueOf(c));
    } catch (IOException e) {
      return new Attempt(Kind.RETRY, describe(e));
    }
  }

  /** Why a file of this size and MD5 is not the listed one, or null. */
  private static String mismatch(ListedFile f, long size, String md5) {
    if (f.size() >= 0 && size != f.size()) {
      return "size " + size + " bytes, listed " + f.size();
    }
    if (!md5.equalsIgnoreCase(f.md5())) {
      return "MD5 " + md5 + ", listed " + f.md5();
    }
    return null;
  }

  /** MD5 of a whole file, lower-case hex. */
  static String md5(Path file) throws IOException {
    MessageDigest d = newMd5();
    Bytes.readAll(file, d::update);
    return HexFormat.of().formatHex(d.digest());
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }

  private static void deleteTemp(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // a leftover temporary name is never taken for a complete file
    }
  }

  static String describe(IOException e) {
    if (e instanceof java.net.http.HttpConnectTimeoutException) {
      return "connect timeout";
    }
    if (e instanceof HttpTimeoutException) {
      return "read timeout: no response within the read timeout";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** Writes the body to the temporary file, digesting and counting it on the way. */
  private final class Body implements Flow.Subscriber<List<ByteBuffer>>, AutoCloseable {
    final FileChannel channel;
    final MessageDigest md5 = newMd5();
    volatile long lastByte = System.nanoTime();
    volatile boolean started;
    volatile IOException error;
    long count;
    private volatile Flow.Subscription subscription;

    Body(Path temp) throws IOException {
      channel =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      lastByte = System.nanoTime();
      started = true;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      try {
        for (ByteBuffer b : items) {
          int n = b.remaining();
          md5.update(b.duplicate());
          while (b.hasRemaining()) {
            channel.write(b);
          }
          count += n;
          bytes.addAndGet(n);
        }
        lastByte = System.nanoTime();
        subscription.request(1);
      } catch (IOException e) {
        error = e;
        subscription.cancel();
      }
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onComplete() {}

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
