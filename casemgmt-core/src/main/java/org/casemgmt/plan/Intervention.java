package org.casemgmt.plan;

import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.LocalDate;
import org.casemgmt.internal.Check;
import org.casemgmt.need.NeedId;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ServiceKind;

/**
 * A service delivered to the client by a provider, for one or more needs (and the goals built on them),
 * over a half-open window of days, at a cost. Interventions are what the plan coordinates: two of the same
 * kind for the same need may never overlap (seed 001: "avoiding overlaps, inconsistencies and redundancies").
 *
 * <pre>{@code
 * Intervention counselling = Intervention.of(InterventionId.of("I-1"), HashSet.of(NeedId.of("N-1")),
 *     HashSet.empty(), ProviderId.of("P-101"), ServiceKind.COUNSELLING,
 *     DayWindow.ofDays(LocalDate.of(2026, 1, 5), 30), Money.of(600));
 * }</pre>
 *
 * @param id        the intervention's identifier within its case
 * @param needs     the needs it addresses, at least one
 * @param goals     the goals it serves (may be empty)
 * @param provider  who delivers it
 * @param kind      the kind of service
 * @param window    when it is delivered, {@code [start, end)}
 * @param cost      its total cost over the window
 * @param status    where it stands
 * @param startedOn the day it actually started, once started
 * @param endedOn   the day it was completed or cancelled, once it was
 */
public record Intervention(
    InterventionId id,
    Set<NeedId> needs,
    Set<GoalId> goals,
    ProviderId provider,
    ServiceKind kind,
    DayWindow window,
    Money cost,
    InterventionStatus status,
    Option<LocalDate> startedOn,
    Option<LocalDate> endedOn) {

  /**
   * Creates an intervention, checking every field.
   *
   * @param id the intervention's identifier within its case
   * @param needs the needs it addresses, at least one
   * @param goals the goals it serves (may be empty)
   * @param provider who delivers it
   * @param kind the kind of service
   * @param window when it is delivered, {@code [start, end)}
   * @param cost its total cost over the window
   * @param status where it stands
   * @param startedOn the day it actually started, once started
   * @param endedOn the day it was completed or cancelled, once it was
   */
  public Intervention {
    Check.orThrow(
        Check.present("id", id),
        Check.elements("needs", needs, true),
        Check.elements("goals", goals, false),
        Check.present("provider", provider),
        Check.present("kind", kind),
        Check.present("window", window),
        Check.present("cost", cost),
        Check.present("status", status),
        Check.present("startedOn", startedOn),
        Check.present("endedOn", endedOn));
  }

  /**
   * Creates a planned intervention.
   *
   * @param id the identifier
   * @param needs the needs
   * @param goals the goals
   * @param provider the provider
   * @param kind the kind
   * @param window the window
   * @param cost the cost
   * @return the new planned intervention
   * @throws org.casemgmt.InvalidInputException if a field is missing, or it addresses no need
   */
  public static Intervention of(
      InterventionId id, Set<NeedId> needs, Set<GoalId> goals, ProviderId provider, ServiceKind kind,
      DayWindow window, Money cost) {
    return new Intervention(id, needs, goals, provider, kind, window, cost, InterventionStatus.PLANNED,
        Option.none(), Option.none());
  }

  /**
   * This intervention, started on the given day.
   *
   * @param on the day it happened
   * @return this intervention, started on the given day
   */
  public Intervention started(LocalDate on) {
    return new Intervention(id, needs, goals, provider, kind, window, cost, InterventionStatus.ACTIVE,
        Option.some(on), endedOn);
  }

  /**
   * This intervention with another status (suspended or active again).
   *
   * @param newStatus the new status
   * @return this intervention with another status (suspended or active again)
   */
  public Intervention withStatus(InterventionStatus newStatus) {
    return new Intervention(id, needs, goals, provider, kind, window, cost, newStatus, startedOn, endedOn);
  }

  /**
   * This intervention, ended (completed or cancelled) on the given day.
   *
   * @param finalStatus the final status
   * @param on the day it happened
   * @return this intervention, ended (completed or cancelled) on the given day
   */
  public Intervention ended(InterventionStatus finalStatus, LocalDate on) {
    return new Intervention(id, needs, goals, provider, kind, window, cost, finalStatus, startedOn, Option.some(on));
  }

  /**
   * The part of the cost accrued by a day: nothing before it started, then linearly over its window,
   * up to the day it ended; a completed intervention has accrued its whole cost.
   *
   * @param asOf the day to look at
   * @return an amount between zero and {@link #cost()}
   */
  public Money costAccruedBy(LocalDate asOf) {
    if (status == InterventionStatus.COMPLETED && endedOn.exists(end -> !end.isAfter(asOf))) {
      return cost;
    }
    if (startedOn.isEmpty() || startedOn.exists(asOf::isBefore)) {
      return Money.ZERO;
    }
    LocalDate until = endedOn.filter(end -> end.isBefore(asOf)).getOrElse(asOf);
    long elapsed = Math.max(0, Math.min(window.days(), until.toEpochDay() - window.start().toEpochDay()));
    return new Money(cost.amount()
        .multiply(java.math.BigDecimal.valueOf(elapsed))
        .divide(java.math.BigDecimal.valueOf(window.days()), 2, java.math.RoundingMode.DOWN));
  }
}
