package org.entente.ingest;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.entente.store.EventStore;
import org.entente.store.FileLoad;
import org.entente.store.FileMeta;
import org.entente.store.LoadBatch;

/**
 * Wraps a real {@link EventStore} so that file loads fail part-way: every call is delegated, except
 * that the load's {@code method} ({@code add}, {@code reject} or {@code commit}) fails once a given
 * number of calls to it has gone through. Built as dynamic proxies so that the wrapper follows the
 * store interfaces as they grow.
 */
final class FailingStores {
  /** The failure injected into a load. */
  static final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(String message) {
      super(message);
    }
  }

  private FailingStores() {}

  /** A store whose loads throw {@link InjectedFailure} on call {@code okCalls + 1} to method. */
  static EventStore failing(EventStore real, String method, int okCalls) {
    return failing(real, method, okCalls, () -> {});
  }

  /** As above, running {@code onFailure} first (e.g. to halt the JVM). */
  static EventStore failing(EventStore real, String method, int okCalls, Runnable onFailure) {
    return delegate(
        EventStore.class,
        real,
        (m, args) -> {
          Object result = call(m, real, args);
          return m.getName().equals("beginFile")
              ? failingLoad((FileLoad) result, method, okCalls, onFailure)
              : result;
        });
  }

  /**
   * A store whose loads of the file named {@code name} (alone or in a batch) throw {@link
   * InjectedFailure} on their first call to {@code method}, and whose batches, if {@code
   * batchCommit}, fail on commit; {@code commits} counts the batches' commits.
   */
  static EventStore failingFile(
      EventStore real,
      String name,
      String method,
      boolean batchCommit,
      java.util.concurrent.atomic.AtomicInteger commits) {
    return failingFile(real, name, method, batchCommit, commits, () -> {});
  }

  /** As above, running {@code onFailure} first (e.g. to halt the JVM). */
  static EventStore failingFile(
      EventStore real,
      String name,
      String method,
      boolean batchCommit,
      java.util.concurrent.atomic.AtomicInteger commits,
      Runnable onFailure) {
    return delegate(
        EventStore.class,
        real,
        (m, args) -> {
          Object result = call(m, real, args);
          if (m.getName().equals("beginFile")) {
            return failingIfNamed((FileLoad) result, (FileMeta) args[0], name, method, onFailure);
          }
          if (!m.getName().equals("beginBatch")) {
            return result;
          }
          @SuppressWarnings("unchecked")
          Optional<LoadBatch> batch = (Optional<LoadBatch>) result;
          return batch.map(
              b ->
                  delegate(
                      LoadBatch.class,
                      b,
                      (bm, bargs) -> {
                        if (bm.getName().equals("commit")) {
                          commits.incrementAndGet();
                        }
                        if (batchCommit && bm.getName().equals("commit")) {
                          throw new InjectedFailure("injected failure in the batch's commit");
                        }
                        Object r = call(bm, b, bargs);
                        return bm.getName().equals("beginFile")
                            ? failingIfNamed(
                                (FileLoad) r, (FileMeta) bargs[0], name, method, onFailure)
                            : r;
                      }));
        });
  }

  private static FileLoad failingIfNamed(
      FileLoad load, FileMeta meta, String name, String method, Runnable onFailure) {
    return meta.path().endsWith(name) ? failingLoad(load, method, 0, onFailure) : load;
  }

  private static FileLoad failingLoad(
      FileLoad real, String method, int okCalls, Runnable onFailure) {
    int[] calls = {0};
    return delegate(
        FileLoad.class,
        real,
        (m, args) -> {
          if (m.getName().equals(method) && calls[0]++ >= okCalls) {
            onFailure.run();
            throw new InjectedFailure("injected failure in " + method + " after " + okCalls);
          }
          return call(m, real, args);
        });
  }

  private interface Handler {
    Object handle(java.lang.reflect.Method m, Object[] args) throws Throwable;
  }

  private static <T> T delegate(Class<T> type, T real, Handler h) {
    InvocationHandler ih = (proxy, m, args) -> h.handle(m, args);
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, ih));
  }

  private static Object call(java.lang.reflect.Method m, Object target, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
