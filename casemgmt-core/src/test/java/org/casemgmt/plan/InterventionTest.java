package org.casemgmt.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vavr.collection.HashSet;
import java.time.LocalDate;
import org.casemgmt.need.NeedId;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InterventionTest {

  static final LocalDate START = LocalDate.of(2026, 3, 1);
  /** 100 days at 1,000: ten per day. */
  static final Intervention PLANNED = Intervention.of(InterventionId.of("I-1"), HashSet.of(NeedId.of("N-1")),
      HashSet.empty(), ProviderId.of("P-1"), ServiceKind.COUNSELLING, DayWindow.ofDays(START, 100), Money.of(1000));

  static LocalDate day(int n) {
    return START.plusDays(n);
  }

  @Nested
  class Cost_accrued_by_a_day {

    @Test
    void nothing_accrues_before_the_intervention_starts() {
      assertEquals(Money.ZERO, PLANNED.costAccruedBy(day(50)));
      assertEquals(Money.ZERO, PLANNED.started(day(10)).costAccruedBy(day(9)));
    }

    @Test
    void cost_accrues_linearly_over_the_window_from_its_start() {
      Intervention active = PLANNED.started(day(0));
      assertEquals(Money.ZERO, active.costAccruedBy(day(0)));
      assertEquals(Money.of(250), active.costAccruedBy(day(25)));
      assertEquals(Money.of(1000), active.costAccruedBy(day(100)));
      assertEquals(Money.of(1000), active.costAccruedBy(day(400)), "never more than the cost");
    }

    @Test
    void a_cancelled_intervention_stops_accruing_on_its_last_day() {
      Intervention cancelled = PLANNED.started(day(0)).ended(InterventionStatus.CANCELLED, day(40));
      assertEquals(Money.of(300), cancelled.costAccruedBy(day(30)));
      assertEquals(Money.of(400), cancelled.costAccruedBy(day(40)));
      assertEquals(Money.of(400), cancelled.costAccruedBy(day(90)));
    }

    @Test
    void the_accrued_cost_is_rounded_down_to_the_cent() {
      Intervention thirds = Intervention.of(InterventionId.of("I-3"), HashSet.of(NeedId.of("N-1")), HashSet.empty(),
          ProviderId.of("P-1"), ServiceKind.COUNSELLING, DayWindow.ofDays(START, 3), Money.of(100)).started(day(0));
      assertEquals(Money.of("33.33"), thirds.costAccruedBy(day(1)));
      assertEquals(Money.of("66.66"), thirds.costAccruedBy(day(2)));
      assertEquals(Money.of(100), thirds.costAccruedBy(day(3)));
    }

    /**
     * The rule in its own words — cost × elapsed days ÷ window days, in decimal, rounded down to the cent — against
     * what the library computes in cents, over random costs (up to the largest amount), windows (up to 50 years),
     * starts, ends and days: the same amount every time.
     */
    @Test
    void the_accrued_cost_is_the_cost_times_the_elapsed_share_of_the_window_rounded_down() {
      java.util.SplittableRandom r = new java.util.SplittableRandom(20261208L);
      for (int n = 0; n < 5_000; n++) {
        java.math.BigDecimal amount = r.nextInt(4) == 0 ? Money.MAX_AMOUNT.subtract(java.math.BigDecimal.valueOf(
            r.nextLong(1_000_000L), 2)) : java.math.BigDecimal.valueOf(r.nextLong(100_000_000L), 2);
        int length = 1 + (r.nextBoolean() ? r.nextInt(60) : r.nextInt(18_262));
        Intervention i = Intervention.of(InterventionId.of("I-" + n), HashSet.of(NeedId.of("N-1")), HashSet.empty(),
            ProviderId.of("P-1"), ServiceKind.COUNSELLING, DayWindow.ofDays(START, length), new Money(amount))
            .started(day(r.nextInt(length + 10)));
        if (r.nextBoolean()) {
          i = i.ended(r.nextBoolean() ? InterventionStatus.COMPLETED : InterventionStatus.CANCELLED,
              i.startedOn().get().plusDays(r.nextInt(length + 10)));
        }
        LocalDate asOf = day(r.nextInt(length + 30));
        assertEquals(expected(i, asOf), i.costAccruedBy(asOf), i + " on " + asOf);
      }
    }

    private static Money expected(Intervention i, LocalDate asOf) {
      if (i.status() == InterventionStatus.COMPLETED && !i.endedOn().get().isAfter(asOf)) {
        return i.cost();
      }
      if (i.startedOn().get().isAfter(asOf)) {
        return Money.ZERO;
      }
      LocalDate until = i.endedOn().filter(end -> end.isBefore(asOf)).getOrElse(asOf);
      long elapsed = Math.max(0, Math.min(i.window().days(), until.toEpochDay() - i.window().start().toEpochDay()));
      return new Money(i.cost().amount().multiply(java.math.BigDecimal.valueOf(elapsed))
          .divide(java.math.BigDecimal.valueOf(i.window().days()), 2, java.math.RoundingMode.DOWN));
    }

    @Test
    void a_completed_intervention_has_cost_its_whole_price_from_its_completion() {
      Intervention completed = PLANNED.started(day(0)).ended(InterventionStatus.COMPLETED, day(60));
      assertEquals(Money.of(500), completed.costAccruedBy(day(50)));
      assertEquals(Money.of(1000), completed.costAccruedBy(day(60)));
      assertEquals(Money.of(1000), completed.costAccruedBy(day(61)));
    }
  }

  @Test
  void a_suspended_intervention_keeps_its_start_and_resumes_as_active() {
    Intervention suspended = PLANNED.started(day(3)).withStatus(InterventionStatus.SUSPENDED);
    assertEquals(InterventionStatus.SUSPENDED, suspended.status());
    assertEquals(io.vavr.control.Option.some(day(3)), suspended.startedOn());
    assertEquals(InterventionStatus.ACTIVE, suspended.withStatus(InterventionStatus.ACTIVE).status());
  }

  @Nested
  class As_a_value {

    @Test
    void its_need_positions_enumerate_exactly_its_needs_in_every_copy() {
      Intervention three = Intervention.of(InterventionId.of("I-3"),
          HashSet.of(NeedId.of("N-1"), NeedId.of("N-2"), NeedId.of("N-3")), HashSet.empty(), ProviderId.of("P-1"),
          ServiceKind.HOUSING, DayWindow.ofDays(START, 10), Money.of(10));
      for (Intervention copy : io.vavr.collection.List.of(three, three.started(day(0)),
          three.started(day(0)).ended(InterventionStatus.COMPLETED, day(5)))) {
        assertEquals(3, copy.needCount());
        assertEquals(copy.needs(), HashSet.range(0, copy.needCount()).map(copy::need));
      }
    }

    @Test
    void equal_fields_make_equal_interventions_and_any_changed_field_an_unequal_one() {
      // Every field an equal but distinct instance, the kind included (kinds are values, not constants).
      Intervention same = Intervention.of(InterventionId.of("I-1"), HashSet.of(NeedId.of("N-1")), HashSet.empty(),
          ProviderId.of("P-1"), ServiceKind.of("COUNSELLING"), DayWindow.ofDays(START, 100), Money.of("1000.00"));
      assertEquals(PLANNED, same);
      assertEquals(PLANNED.hashCode(), same.hashCode());
      assertEquals(PLANNED.started(day(1)), same.started(day(1)));
      org.junit.jupiter.api.Assertions.assertNotEquals(PLANNED, same.started(day(1)));
      org.junit.jupiter.api.Assertions.assertNotEquals(PLANNED.started(day(1)), same.started(day(2)));
      org.junit.jupiter.api.Assertions.assertNotEquals(PLANNED,
          same.started(day(1)).withStatus(InterventionStatus.PLANNED));
      assertEquals("Intervention[id=I-1, needs=HashSet(N-1), goals=HashSet(), provider=P-1, kind=COUNSELLING, "
          + "window=[2026-03-01, 2026-06-09), cost=1000.00, status=PLANNED, startedOn=None, endedOn=None]",
          PLANNED.toString());
    }
  }
}
