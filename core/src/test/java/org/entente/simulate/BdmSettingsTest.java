package org.entente.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entente.simulate.BdmOptions.Denominator;
import org.entente.simulate.BdmOptions.Numerator;
import org.entente.simulate.BdmOptions.Perspective;
import org.entente.simulate.BdmOptions.QTerm;
import org.entente.simulate.BdmOptions.Selection;
import org.entente.simulate.BdmOptions.Votes;
import org.junit.jupiter.api.Test;

/** Issue 13's option names and values, and their mapping onto the variants of METHODS §5. */
class BdmSettingsTest {
  private static BdmOptions parse(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return BdmSettings.parse(m, 1000);
  }

  @Test
  void issueValues_mapOntoTheVariants() {
    assertEquals(Denominator.ALL_PAIRS, parse("denominator", "scholz").denominator());
    assertEquals(Denominator.PAIRWISE, parse("denominator", "pairwise").denominator());
    assertEquals(Numerator.GROSS, parse("numerator", "positive").numerator());
    assertEquals(Numerator.NET, parse("numerator", "net").numerator());
    assertEquals(Votes.POWERED, parse("vote-exponent", "risk").votes());
    assertEquals(Votes.LINEAR, parse("vote-exponent", "1").votes());
    assertEquals(Selection.LEAST_MOVE, parse("selection", "least-move").selection());
    assertEquals(Selection.LARGEST_B_FIRST, parse("selection", "max-eu").selection());
    assertEquals(Selection.TYPE_PRIORITY, parse("selection", "scholz").selection());
    assertEquals(Perspective.CHALLENGER, parse("b-from", "challenger").perspective());
    assertEquals(QTerm.REPLICATION, parse("q-term", "replication").qTerm());
    assertEquals(false, parse("capitulation", "off").capitulation());
    assertEquals(StopRule.Stop.CYCLE, parse("stop", "cycle").stop().stop());
    assertEquals(6.0, parse("rg", "6").range());
    assertEquals(true, parse("rg", "auto").autoRange());
    // the colleague's earlier spellings still parse, unlisted
    assertEquals(Denominator.ALL_PAIRS, parse("denominator", "all-pairs").denominator());
    assertEquals(Selection.LARGEST_B_FIRST, parse("selection", "largest-b-first").selection());
    assertEquals("least-move|max-eu|scholz|max-eu-offer", Choices.labels(Selection.class));
  }

  @Test
  void presets_spelledOutWithIssueValues_areThePresets() {
    // the issue: replication = pairwise D, net numerator, linear votes, max-eu, b from challenger
    BdmOptions repl =
        parse(
            "rg",
            "6",
            "q-term",
            "replication",
            "denominator",
            "pairwise",
            "numerator",
            "net",
            "vote-exponent",
            "1",
            "selection",
            "max-eu",
            "b-from",
            "challenger",
            "capitulation",
            "on",
            "rounds",
            "10",
            "stop",
            "none",
            "forecast",
            "median");
    assertEquals(Preset.REPLICATION.options(), repl);
    // scholz = Scholz-code D, Scholz selection, b from the receiver, capitulation off
    BdmOptions scholz =
        parse(
            "rg",
            "auto",
            "q-term",
            "scholz",
            "denominator",
            "scholz",
            "numerator",
            "positive",
            "vote-exponent",
            "risk",
            "selection",
            "scholz",
            "b-from",
            "receiver",
            "capitulation",
            "off",
            "rounds",
            "10",
            "stop",
            "none",
            "forecast",
            "mean");
    assertEquals(Preset.SCHOLZ.options(), scholz);
    assertEquals(StopRule.Stop.CONVERGED, parse().stop().stop());
    assertEquals(20, parse().stop().maxRounds());
  }

  @Test
  void describe_readsBackToTheSameOptions() {
    for (BdmOptions o :
        List.of(
            Preset.SCHOLZ.options(),
            Preset.REPLICATION.options(),
            Preset.PAPER.options().withQ(0.5).withT(0.25).withSelection(Selection.LEAST_MOVE),
            BdmSettings.defaults())) {
      Map<String, String> back = new HashMap<>();
      BdmSettings.describe(o).forEach((k, v) -> back.put(k.replace('_', '-'), String.valueOf(v)));
      assertEquals(o, BdmSettings.parse(back, 1000));
    }
  }

  @Test
  void badValues_nameTheOption() {
    BdmSettings.BadOption e =
        assertThrows(BdmSettings.BadOption.class, () -> parse("vote-exponent", "2"));
    assertEquals("vote-exponent", e.option());
    assertEquals(
        "rounds", assertThrows(BdmSettings.BadOption.class, () -> parse("rounds", "0")).option());
    assertEquals("q", assertThrows(BdmSettings.BadOption.class, () -> parse("q", "2")).option());
    assertEquals("rg", assertThrows(BdmSettings.BadOption.class, () -> parse("rg", "-1")).option());
    assertEquals(
        "votes",
        assertThrows(BdmSettings.BadOption.class, () -> parse("votes", "linear")).option());
  }
}
