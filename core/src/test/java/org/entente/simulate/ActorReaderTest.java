package org.entente.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActorReaderTest {
  private static final String LF = "Actor,Capability,Position,Salience\nA,0.5,4,0.8\nB,1,7,0.4\n";

  @Test
  void parse_lfCrlfAndCr_sameActors() {
    List<Actor> lf = ActorReader.parse("t.csv", LF, SalienceScale.AUTO);
    assertEquals(2, lf.size());
    assertEquals(new Actor("A", 0.5, 4, 0.8), lf.get(0));
    assertEquals(lf, ActorReader.parse("t.csv", LF.replace("\n", "\r\n"), SalienceScale.AUTO));
    assertEquals(lf, ActorReader.parse("t.csv", LF.replace("\n", "\r"), SalienceScale.AUTO));
  }

  @Test
  void parse_aliasesInAnyCaseAndExtraColumns_found() {
    String text = "\uFEFFid,STAKEHOLDER,Resources,pos,IMPORTANCE\n1,\"Kim, J.\",80,25,50\n";
    List<Actor> a = ActorReader.parse("t.csv", text, SalienceScale.AUTO);
    assertEquals(new Actor("Kim, J.", 80, 25, 0.5), a.get(0));
  }

  @Test
  void parse_salienceScales_autoDetectsPercentAndExplicitScalesApply() {
    String pct = "name,capability,position,salience\nA,1,0,100\nB,1,1,40\n";
    assertEquals(0.4, ActorReader.parse("t", pct, SalienceScale.AUTO).get(1).salience(), 1e-15);
    assertEquals(0.4, ActorReader.parse("t", pct, SalienceScale.PERCENT).get(1).salience(), 1e-15);
    String unit = "name,capability,position,salience\nA,1,0,1\nB,1,1,0.4\n";
    assertEquals(0.4, ActorReader.parse("t", unit, SalienceScale.UNIT).get(1).salience(), 1e-15);
    // on 0..100 a salience of 1 means 0.01
    assertEquals(
        0.01, ActorReader.parse("t", unit, SalienceScale.PERCENT).get(0).salience(), 1e-15);
    ActorInputException e =
        assertThrows(
            ActorInputException.class, () -> ActorReader.parse("p.csv", pct, SalienceScale.UNIT));
    assertTrue(e.getMessage().startsWith("p.csv: line 2: field salience"), e.getMessage());
  }

  @Test
  void parse_twoColumnsForOneField_isRefusedNamingBoth() {
    // capability was taken and power ignored without a word (an adversarial run)
    ActorInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ActorInputException.class,
            () ->
                ActorReader.parse(
                    "a.csv",
                    "name,capability,power,position,salience\nA,1,9,10,50\nB,2,8,20,50\n",
                    SalienceScale.AUTO));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage()
            .contains("a.csv: line 1: columns capability and power both give the capability"),
        e.getMessage());
  }

  @Test
  void parse_badNumber_namesFileLineAndField() {
    String text = "Actor,Capability,Position,Salience\r\nA,1,4,0.8\r\nB,x1,7,0.4\r\n";
    ActorInputException e =
        assertThrows(
            ActorInputException.class, () -> ActorReader.parse("eu.csv", text, SalienceScale.AUTO));
    assertEquals("eu.csv: line 3: field Capability is not a number: 'x1'", e.getMessage());
  }

  @Test
  void parse_missingColumnOrRowsOrFields_clearErrors() {
    ActorInputException noCol =
        assertThrows(
            ActorInputException.class,
            () -> ActorReader.parse("f", "actor,capability,position\nA,1,2\n", SalienceScale.AUTO));
    assertTrue(noCol.getMessage().startsWith("f: line 1: no salience column"), noCol.getMessage());
    ActorInputException noRows =
        assertThrows(
            ActorInputException.class,
            () ->
                ActorReader.parse("f", "actor,capability,position,salience\n", SalienceScale.AUTO));
    assertTrue(noRows.getMessage().contains("no actor rows"), noRows.getMessage());
    ActorInputException shortRow =
        assertThrows(
            ActorInputException.class,
            () ->
                ActorReader.parse(
                    "f", "actor,capability,position,salience\n\nA,1,2\n", SalienceScale.AUTO));
    assertTrue(shortRow.getMessage().startsWith("f: line 3: 3 fields"), shortRow.getMessage());
    ActorInputException negative =
        assertThrows(
            ActorInputException.class,
            () ->
                ActorReader.parse(
                    "f", "actor,capability,position,salience\nA,-1,2,1\n", SalienceScale.AUTO));
    assertEquals("f: line 2: field capability must be >= 0", negative.getMessage());
    // actor names key the JSON's positions and risk: a repeated name is an error
    ActorInputException twice =
        assertThrows(
            ActorInputException.class,
            () ->
                ActorReader.parse(
                    "f",
                    "actor,capability,position,salience\nA,1,2,1\nB,1,3,1\nA,1,4,1\n",
                    SalienceScale.AUTO));
    assertEquals("f: line 4: field actor: actor 'A' is already on line 2", twice.getMessage());
  }

  @Test
  void parseScale_labels_roundTrip() {
    for (SalienceScale s : SalienceScale.values()) {
      assertEquals(s, SalienceScale.parse(s.label()));
    }
    assertThrows(IllegalArgumentException.class, () -> SalienceScale.parse("10"));
  }
}
