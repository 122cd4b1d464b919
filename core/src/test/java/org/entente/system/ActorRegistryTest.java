package org.entente.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.entente.cameo.Cameo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActorRegistryTest {

  /** Aliases and the state each must map to (SYSTEM.md's actors; PRK and KOR never confused). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "North Korea, PRK",
    "DPRK, PRK",
    "Democratic People's Republic of Korea, PRK",
    "South Korea, KOR",
    "Republic of Korea, KOR",
    "ROK, KOR",
    "Russian Federation, RUS",
    "USSR, RUS",
    "Soviet Union, RUS",
    "SUN, RUS",
    "Vladimir Putin, RUS",
    "Putin, RUS",
    "Sergei Lavrov, RUS",
    "Lavrov, RUS",
    "Sergei Shoigu, RUS",
    "Alexander Matsegora, RUS",
    "Kim Jong Un, PRK",
    "Kim Jong-un, PRK",
    "KIM JONG UN, PRK",
    "Kim Yo Jong, PRK",
    "Choe Son Hui, PRK",
    "Kim Il Sung, PRK",
    "Xi Jinping, CHN",
    "Wang Yi, CHN",
    "Joe Biden, USA",
    "Donald Trump, USA",
    "Fumio Kishida, JPN",
    "Shinzo Abe, JPN",
    "Park Geun-hye, KOR",
    "Moon Jae-in, KOR",
    "Yoon Suk Yeol, KOR",
    "NATO, IGOWSTNAT",
    "United Nations, IGOUNO",
  })
  void bundled_alias_mapsToItsState(String alias, String state) {
    assertEquals(state, ActorRegistry.bundled().stateOf(alias).orElse("(none)"), alias);
  }

  @Test
  void bundled_persons_haveYearsInOfficeInOrder() {
    for (Actor a : ActorRegistry.bundled().actors()) {
      if (a.kind().equals("person")) {
        assertTrue(a.from() != null, a.code() + " has no first year");
        assertTrue(a.to() == null || a.to() >= a.from(), a.code());
      }
    }
  }

  @Test
  void bundled_noAliasNamesTwoStates() {
    ActorRegistry r = ActorRegistry.bundled();
    java.util.Map<String, String> seen = new java.util.HashMap<>();
    for (Actor a : r.actors()) {
      for (String alias : a.aliases()) {
        String k = ActorRegistry.key(alias);
        String prev = seen.putIfAbsent(k, a.state());
        assertTrue(
            prev == null || prev.equals(a.state()),
            "alias '" + alias + "' names both " + prev + " and " + a.state());
      }
    }
  }

  @Test
  void activeIn_yearsInOffice_bounded() {
    Actor a = new Actor("X", "person", "X", "RUS", 2000, 2008, java.util.List.of());
    assertTrue(a.activeIn(2000));
    assertTrue(a.activeIn(2008));
    assertFalse(a.activeIn(2009));
  }

  @Test
  void read_unknownState_failsNamingTheLine() {
    String doc = "code\tkind\tname\tstate\tfrom\tto\taliases\nX\tperson\tX\tXXQ\t2000\t\t\n";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ActorRegistry.read(
                    new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                    Cameo.bundled()));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }
}
