package org.casemgmt.examples.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo shows storing, reloading, a conflict and catching up across cases, and prints no personal data. */
class EventStoreDemoTest {

  static String output() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EventStoreDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void the_demo_reloads_an_equal_case_and_shows_a_version_conflict() {
    String out = output();
    assertTrue(out.contains("equal to the service's copy: true"), out);
    assertTrue(out.contains("Bruno: version conflict, expected 6 but found 7"), out);
    assertTrue(out.contains("{\"schema\":2,\"type\":\"PlanningStarted\""), out);
    assertTrue(out.contains("{\"schema\":2,\"type\":\"HandOver\",\"issued\":{\"actor\":\"bruno\","
        + "\"at\":\"2026-03-02T09:00:00Z\",\"expectedVersion\":6},\"command\":{\"newCaseManager\":\"carla\"}}"), out);
  }

  @Test
  void the_demo_catches_up_with_both_cases_in_global_order_to_the_head() {
    String out = output();
    String newline = System.lineSeparator();
    assertTrue(out.contains("   1:CASE-DEMO-1#1 2:CASE-DEMO-1#2 3:CASE-DEMO-1#3 4:CASE-DEMO-1#4" + newline), out);
    assertTrue(out.contains("   9:CASE-DEMO-2#1" + newline), out);
    assertTrue(out.contains("checkpoint 9, head position 9, events after it: 0"), out);
  }

  @Test
  void the_demo_prints_neither_the_clients_name_nor_free_text() {
    String out = output();
    assertFalse(out.contains("Maria"), out);
    assertFalse(out.contains("Rossi"), out);
    assertFalse(out.contains("1980"), out);
    assertFalse(out.contains("Evicted"), out);
    assertFalse(out.contains("Berg"), out);
  }
}
