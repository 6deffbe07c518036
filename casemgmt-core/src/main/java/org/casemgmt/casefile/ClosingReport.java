package org.casemgmt.casefile;

import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.internal.Check;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;

/**
 * The closing report of a case (seed 004: "with a closing report"), drawn from the case file at the moment
 * it is closed (interventions still open then count as cancelled, since closing ends them): why and from which phase, how many plan versions it took, each goal's outcome, what was
 * delivered and what it cost. The summary is free text and redacted in {@link #toString()}.
 *
 * @param reason                 why the case was closed
 * @param closedAt               when it was recorded
 * @param closedOn               the day the case closed
 * @param closedFrom             the phase it was closed from (evaluation, or earlier for an early closure)
 * @param summary                the case manager's closing note (free text, redacted)
 * @param planVersions           how many plan versions were made
 * @param goalOutcomes           the latest judgement of each goal of the last plan, by goal id
 * @param interventionsCompleted interventions of the last plan that were delivered
 * @param interventionsCancelled interventions of the last plan that were called off
 * @param completedCost          the total cost of the delivered interventions
 * @param referrals              referrals made during the case
 */
public record ClosingReport(
    ClosureReason reason,
    Instant closedAt,
    LocalDate closedOn,
    Phase closedFrom,
    String summary,
    int planVersions,
    Map<GoalId, GoalAchievement> goalOutcomes,
    int interventionsCompleted,
    int interventionsCancelled,
    Money completedCost,
    int referrals) {

  /**
   * Creates a report, checking every field.
   *
   * @param reason why the case was closed
   * @param closedAt when it was recorded
   * @param closedOn the day the case closed
   * @param closedFrom the phase it was closed from (evaluation, or earlier for an early closure)
   * @param summary the case manager's closing note (free text, redacted)
   * @param planVersions how many plan versions were made
   * @param goalOutcomes the latest judgement of each goal of the last plan, by goal id
   * @param interventionsCompleted interventions of the last plan that were delivered
   * @param interventionsCancelled interventions of the last plan that were called off
   * @param completedCost the total cost of the delivered interventions
   * @param referrals referrals made during the case
   */
  public ClosingReport {
    Check.orThrow(Check.present("reason", reason), Check.present("closedAt", closedAt), Check.present("closedOn", closedOn),
        Check.present("closedFrom", closedFrom), Check.present("summary", summary),
        Check.atLeast("planVersions", planVersions, 0), Check.entries("goalOutcomes", goalOutcomes),
        Check.atLeast("interventionsCompleted", interventionsCompleted, 0),
        Check.atLeast("interventionsCancelled", interventionsCancelled, 0), Check.present("completedCost", completedCost),
        Check.atLeast("referrals", referrals, 0));
  }

  /** The report of a case file that is being closed. */
  static ClosingReport of(CaseState file, ClosureReason reason, Instant closedAt, LocalDate closedOn, String summary) {
    Option<PlanVersion> plan = Option.of(file.plan());
    List<Intervention> interventions = plan.map(p -> p.interventions().values().toList()).getOrElse(List.empty());
    Map<GoalId, GoalAchievement> outcomes = TreeMap.ofEntries(
        plan.map(p -> p.goals().values().map(g -> io.vavr.Tuple.of(g.id(), g.achievement()))).getOrElse(List.empty()));
    List<Intervention> completed = interventions.filter(i -> i.status() == InterventionStatus.COMPLETED);
    return new ClosingReport(reason, closedAt, closedOn, file.phase(), summary, plan.map(PlanVersion::number).getOrElse(0),
        outcomes, completed.size(), interventions.count(i -> i.status() == InterventionStatus.CANCELLED),
        completed.foldLeft(Money.ZERO, (sum, i) -> sum.plus(i.cost())), file.referrals().size());
  }

  @Override
  public String toString() {
    return "ClosingReport[reason=" + reason + ", closedAt=" + closedAt + ", closedOn=" + closedOn + ", closedFrom=" + closedFrom
        + ", summary=***, planVersions=" + planVersions + ", goalOutcomes=" + goalOutcomes + ", interventionsCompleted="
        + interventionsCompleted + ", interventionsCancelled=" + interventionsCancelled + ", completedCost="
        + completedCost + ", referrals=" + referrals + "]";
  }
}
