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
}
