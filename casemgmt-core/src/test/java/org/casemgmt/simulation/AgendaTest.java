package org.casemgmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AgendaTest {

  /** What a plain priority queue says: the reference the agenda must match exactly. */
  record Entry(double time, long key, long subject, long detail) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      int byTime = Double.compare(time, o.time);
      return byTime != 0 ? byTime : Long.compare(key, o.key);
    }
  }

  private static Entry first(Agenda agenda) {
    return new Entry(agenda.firstTime(), agenda.firstKey(), agenda.firstSubject(), agenda.firstDetail());
  }

  @Test
  void occurrences_come_out_in_the_order_of_a_priority_queue_whatever_the_mix_of_adds_and_removals() {
    SplittableRandom r = new SplittableRandom(8);
    for (int round = 0; round < 20; round++) {
      Agenda agenda = new Agenda();
      PriorityQueue<Entry> reference = new PriorityQueue<>();
      double now = 0;
      long key = 0;
      for (int step = 0; step < 20_000; step++) {
        if (reference.isEmpty() || r.nextInt(100) < 52) {
          // Ties (whole days, the same time twice), the near future, beyond the buckets, and the past.
          double time = switch (r.nextInt(6)) {
            case 0 -> Math.floor(now) + r.nextInt(3);
            case 1 -> now;
            case 2 -> now + 3000 * r.nextDouble();
            case 3 -> now + Agenda.DAYS * (1 + r.nextInt(4)) + r.nextDouble();
            case 4 -> Math.max(0, now - 5 * r.nextDouble());
            default -> now - 90 * Math.log(1 - r.nextDouble());
          };
          Entry e = new Entry(time, key++, r.nextLong(), r.nextLong());
          agenda.add(e.time(), e.key(), e.subject(), e.detail());
          reference.add(e);
        } else {
          assertTrue(agenda.hasNext());
          Entry expected = reference.poll();
          assertEquals(expected, first(agenda));
          agenda.removeFirst();
          now = expected.time();
        }
        assertEquals(reference.size(), agenda.size());
      }
      while (!reference.isEmpty()) {
        assertTrue(agenda.hasNext());
        assertEquals(reference.poll(), first(agenda));
        agenda.removeFirst();
      }
      assertFalse(agenda.hasNext());
      assertEquals(0, agenda.size());
    }
  }

  @Test
  void an_agenda_with_only_far_occurrences_jumps_to_them() {
    Agenda agenda = new Agenda();
    agenda.add(1e6 + 0.5, 2, 0, 0);
    agenda.add(1e6 + 0.25, 3, 0, 0);
    agenda.add(5e6, 1, 0, 0);
    assertTrue(agenda.hasNext());
    assertEquals(1e6 + 0.25, agenda.firstTime());
    agenda.removeFirst();
    assertEquals(1e6 + 0.5, agenda.firstTime());
    agenda.removeFirst();
    assertTrue(agenda.hasNext());
    assertEquals(5e6, agenda.firstTime());
    agenda.removeFirst();
    assertFalse(agenda.hasNext());
  }
}
