package org.casemgmt.casefile;

import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.FreeText;
import org.casemgmt.internal.Check;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;

/**
 * The closing report of a case (seed 004: "with a closing report"), drawn from the case file at the moment
 * it is closed (interventions still open then count as cancelled, since closing ends them): why and from which
 * phase, how many plan versions it took, each goal's outcome, what was delivered and what it cost. The summary
 * is free text and redacted in {@link #toString()}.
 *
 * @param reason                 why the case was closed
 * @param closedAt               when the closing command was issued
 * @param closedOn               the day the case closed
 * @param closedFrom             the phase it was closed from (evaluation, or earlier for an early closure)
 * @param summary                the case manager's closing note (free text, redacted)
 * @param planVersions           how many plan versions were made (0 if planning never started)
 * @param goalOutcomes           the latest judgement of each goal of the last plan, by goal id
 * @param interventionsCompleted how many interventions of the last plan were delivered
 * @param interventionsCancelled how many interventions of the last plan were called off, at closing included
 * @param completedCost          the total cost of the delivered interventions
 * @param referrals              how many referrals were made during the case, whatever became of them
 */
public record ClosingReport(
    ClosureReason reason,
    Instant closedAt,
    LocalDate closedOn,
    Phase closedFrom,
    FreeText summary,
    int planVersions,
    Map<GoalId, GoalAchievement> goalOutcomes,
    int interventionsCompleted,
    int interventionsCancelled,
    Money completedCost,
    int referrals) {

  /**
   * Throws {@link org.casemgmt.InvalidInputException} if a field is missing, the summary blank or too long, or a count
   * negative.
   */
  public ClosingReport {
    Check.orThrow(Check.present("reason", reason), Check.instant("closedAt", closedAt), Check.day("closedOn", closedOn),
        Check.present("closedFrom", closedFrom), Check.freeText("summary", summary),
        Check.atLeast("planVersions", planVersions, 0), Check.entries("goalOutcomes", goalOutcomes),
        Check.atLeast("interventionsCompleted", interventionsCompleted, 0),
        Check.atLeast("interventionsCancelled", interventionsCancelled, 0), Check.present("completedCost", completedCost),
        Check.atLeast("referrals", referrals, 0));
  }

  /** The outcomes of a plan without goals, shared: an empty Vavr {@code TreeMap} is a new object each time. */
  private static final TreeMap<GoalId, GoalAchievement> NO_OUTCOMES = TreeMap.empty();

  /** The report of a case file being closed from {@code closedFrom}, its plan (null if it had none) as ended. */
  static ClosingReport of(PlanVersion plan, Phase closedFrom, int referrals, ClosureReason reason, Instant closedAt,
      LocalDate closedOn, FreeText summary) {
    if (plan == null) {
      return new ClosingReport(reason, closedAt, closedOn, closedFrom, summary, 0, NO_OUTCOMES, 0, 0, Money.ZERO,
          referrals);
    }
    TreeMap<GoalId, GoalAchievement> outcomes = NO_OUTCOMES;
    for (java.util.Iterator<Goal> goals = plan.goalMap().valuesIterator(); goals.hasNext(); ) {
      Goal goal = goals.next();
      outcomes = outcomes.put(goal.id(), goal.achievement());
    }
    int completed = 0;
    int cancelled = 0;
    Money completedCost = Money.ZERO;
    for (java.util.Iterator<Intervention> all = plan.interventionMap().valuesIterator(); all.hasNext(); ) {
      Intervention i = all.next();
      if (i.status() == InterventionStatus.COMPLETED) {
        completed++;
        completedCost = completedCost.plus(i.cost());
      } else if (i.status() == InterventionStatus.CANCELLED) {
        cancelled++;
      }
    }
    return new ClosingReport(reason, closedAt, closedOn, closedFrom, summary, plan.number(), outcomes, completed,
        cancelled, completedCost, referrals);
  }
}
