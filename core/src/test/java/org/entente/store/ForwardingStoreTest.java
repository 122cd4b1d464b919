package org.entente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every method of {@link EventStore}, its defaults included, is forwarded: a view that forgot one
 * answered the interface's default instead of the store's (a memoized view reported no mentions).
 */
class ForwardingStoreTest {
  @Test
  void everyEventStoreMethod_isForwarded() throws Exception {
    List<String> missing =
        Arrays.stream(EventStore.class.getMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .filter(m -> !declared(m))
            .map(Method::toString)
            .toList();
    assertEquals(List.of(), missing);
  }

  private static boolean declared(Method m) {
    try {
      ForwardingStore.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
