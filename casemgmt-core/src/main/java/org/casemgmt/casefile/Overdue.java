package org.casemgmt.casefile;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.LocalDate;
import org.casemgmt.internal.Check;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.GoalLifecycle;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;

/**
 * What needs a case manager's attention on a given day: monitoring gives managers and operators a faithful
 * account of what is really happening (seed 001). Obtained from {@link CaseFile#overdue}.
 *
 * @param reviewDueSince          the day a monitoring review became due, if one is overdue
 * @param goalsPastDue            goals of the current plan past their due day without an outcome, in id order
 * @param interventionsPastWindow interventions whose window has ended but that are neither completed nor
 *                                cancelled, in id order
 */
public record Overdue(Option<LocalDate> reviewDueSince, Seq<GoalId> goalsPastDue,
    Seq<InterventionId> interventionsPastWindow) {

  /**
   * Creates the answer, checking that every part is present.
   *
   * @param reviewDueSince          the day a monitoring review became due, if one is overdue
   * @param goalsPastDue            goals of the current plan past their due day without an outcome, in id order
   * @param interventionsPastWindow interventions whose window has ended but that are neither completed nor
   *                                cancelled, in id order
   */
  public Overdue {
    Check.orThrow(Check.option("reviewDueSince", reviewDueSince), Check.present("goalsPastDue", goalsPastDue),
        Check.present("interventionsPastWindow", interventionsPastWindow));
  }

  /** {@return whether nothing is overdue} */
  public boolean isEmpty() {
    return reviewDueSince.isEmpty() && goalsPastDue.isEmpty() && interventionsPastWindow.isEmpty();
  }

  static Overdue of(CaseFile file, LocalDate asOf, int reviewIntervalDays) {
    Option<PlanVersion> plan = file.currentPlan();
    if (plan.isEmpty() || file.isClosed()) {
      return new Overdue(Option.none(), List.empty(), List.empty());
    }
    PlanVersion current = plan.getOrElseThrow(IllegalStateException::new);
    Seq<GoalId> goals = current.goals().values()
        .filter(g -> g.lifecycle() != GoalLifecycle.COMPLETED && g.dueOn().isBefore(asOf))
        .map(Goal::id).sorted();
    Seq<InterventionId> late = current.interventions().values()
        .filter(i -> i.status() != InterventionStatus.COMPLETED && i.status() != InterventionStatus.CANCELLED
            && !i.window().end().isAfter(asOf))
        .map(Intervention::id).sorted();
    boolean monitored = file.phase() == Phase.IMPLEMENTATION || file.phase() == Phase.MONITORING;
    Option<LocalDate> base = file.lastReviewOn().orElse(() -> current.interventions().values()
        .flatMap(Intervention::startedOn).minBy(LocalDate::toEpochDay));
    Option<LocalDate> due = monitored
        ? base.map(day -> day.plusDays(reviewIntervalDays)).filter(day -> day.isBefore(asOf))
        : Option.none();
    return new Overdue(due, goals, late);
  }
}
