package org.casemgmt.plan;

import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.LocalDate;
import org.casemgmt.internal.Accrual;
import org.casemgmt.internal.Check;
import org.casemgmt.internal.Trusted;
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
 */
public final class Intervention {

  static {
    // The rules build a planned intervention from a command's fields, which the command's constructor checked.
    Trusted.registerInterventions((id, needs, goals, provider, kind, window, cost) -> new Intervention(id, needs,
        goals, provider, kind, window, cost, InterventionStatus.PLANNED, Option.none(), Option.none(), null));
  }

  private final InterventionId id;
  private final Set<NeedId> needs;
  private final Set<GoalId> goals;
  private final ProviderId provider;
  private final ServiceKind kind;
  private final DayWindow window;
  private final Money cost;
  private final InterventionStatus status;
  private final Option<LocalDate> startedOn;
  private final Option<LocalDate> endedOn;
  // The needs as an array, computed once when an intervention is created from outside and shared by its
  // copies: the plan's overlap index and the rules walk it on every planning command, and iterating a Vavr set
  // allocates.
  private final NeedId[] needArray;

  /**
   * Creates an intervention in any status, as a stored history or a wire format restores it; a new one is
   * {@link #of planned}.
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
   * @throws org.casemgmt.InvalidInputException if a field is missing, or it addresses no need
   */
  public Intervention(InterventionId id, Set<NeedId> needs, Set<GoalId> goals, ProviderId provider, ServiceKind kind, DayWindow window, Money cost, InterventionStatus status, Option<LocalDate> startedOn, Option<LocalDate> endedOn) {
    this(checked(id, needs, goals, provider, kind, window, cost, status, startedOn, endedOn), needs, goals, provider, kind,
        window, cost, status, startedOn, endedOn, null);
  }

  /** Every field checked, all problems reported at once; the id, for the constructor to pass on. */
  private static InterventionId checked(InterventionId id, Set<NeedId> needs, Set<GoalId> goals, ProviderId provider,
      ServiceKind kind, DayWindow window, Money cost, InterventionStatus status, Option<LocalDate> startedOn,
      Option<LocalDate> endedOn) {
    Check.orThrow(
        Check.present("id", id),
        Check.elements("needs", needs, true),
        Check.elements("goals", goals, false),
        Check.present("provider", provider),
        Check.present("kind", kind),
        Check.present("window", window),
        Check.present("cost", cost),
        Check.present("status", status),
        Check.optionalDay("startedOn", startedOn),
        Check.optionalDay("endedOn", endedOn));
    return id;
  }

  /** The fields as given, unchecked: the public constructor checked them, or the rules' command did (see Trusted). */
  private Intervention(InterventionId id, Set<NeedId> needs, Set<GoalId> goals, ProviderId provider, ServiceKind kind,
      DayWindow window, Money cost, InterventionStatus status, Option<LocalDate> startedOn, Option<LocalDate> endedOn,
      Void unchecked) {
    this.id = id;
    this.needs = needs;
    this.goals = goals;
    this.provider = provider;
    this.kind = kind;
    this.window = window;
    this.cost = cost;
    this.status = status;
    this.startedOn = startedOn;
    this.endedOn = endedOn;
    NeedId[] array = new NeedId[needs.size()];
    int n = 0;
    for (NeedId need : needs) {
      array[n++] = need;
    }
    this.needArray = array;
  }

  /** A copy of a checked intervention in which only the status and the days change: nothing to check again. */
  private Intervention(Intervention from, InterventionStatus status, Option<LocalDate> startedOn,
      Option<LocalDate> endedOn) {
    this.id = from.id;
    this.needs = from.needs;
    this.goals = from.goals;
    this.provider = from.provider;
    this.kind = from.kind;
    this.window = from.window;
    this.cost = from.cost;
    this.status = status;
    this.startedOn = startedOn;
    this.endedOn = endedOn;
    this.needArray = from.needArray;
  }

  /** {@return the intervention's identifier within its case} */
  public InterventionId id() {
    return id;
  }

  /** {@return the needs it addresses, at least one} */
  public Set<NeedId> needs() {
    return needs;
  }

  /** {@return the goals it serves (may be empty)} */
  public Set<GoalId> goals() {
    return goals;
  }

  /** {@return who delivers it} */
  public ProviderId provider() {
    return provider;
  }

  /** {@return the kind of service} */
  public ServiceKind kind() {
    return kind;
  }

  /** {@return when it is delivered, {@code [start, end)}} */
  public DayWindow window() {
    return window;
  }

  /** {@return its total cost over the window} */
  public Money cost() {
    return cost;
  }

  /** {@return where it stands} */
  public InterventionStatus status() {
    return status;
  }

  /** {@return the day it actually started, once started} */
  public Option<LocalDate> startedOn() {
    return startedOn;
  }

  /** {@return the day it was completed or cancelled, once it was} */
  public Option<LocalDate> endedOn() {
    return endedOn;
  }

  /**
   * The number of needs it addresses.
   *
   * @return at least one
   */
  public int needCount() {
    return needArray.length;
  }

  /**
   * One of the needs it addresses, by position, without iterating the set (the order is fixed for this
   * intervention and its copies, but otherwise unspecified).
   *
   * @param index from 0 to {@link #needCount()} - 1
   * @return the need at that position
   * @throws org.casemgmt.InvalidInputException if there is no such position
   */
  public NeedId need(int index) {
    if (index < 0 || index >= needArray.length) {
      Check.orThrow(Check.between("index", index, 0, needArray.length - 1));
    }
    return needArray[index];
  }

  /**
   * Creates a planned intervention: not started, not ended.
   *
   * @param id       the intervention's identifier within its case
   * @param needs    the needs it addresses, at least one
   * @param goals    the goals it serves (may be empty)
   * @param provider who delivers it
   * @param kind     the kind of service
   * @param window   when it is to be delivered, {@code [start, end)}
   * @param cost     its total cost over the window
   * @return an intervention in {@link InterventionStatus#PLANNED}
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
   * @param on the day it started
   * @return a copy, {@link InterventionStatus#ACTIVE}, with {@code startedOn} set
   * @throws org.casemgmt.InvalidInputException if the day is missing or unsupported
   */
  public Intervention started(LocalDate on) {
    Check.orThrow(Check.day("on", on));
    return new Intervention(this, InterventionStatus.ACTIVE, Option.some(on), endedOn);
  }

  /**
   * This intervention with another status (suspended or active again).
   *
   * @param newStatus {@link InterventionStatus#SUSPENDED}, or {@link InterventionStatus#ACTIVE} to resume
   * @return a copy in that status; the days are unchanged
   * @throws org.casemgmt.InvalidInputException if the status is missing
   */
  public Intervention withStatus(InterventionStatus newStatus) {
    Check.orThrow(Check.present("newStatus", newStatus));
    return new Intervention(this, newStatus, startedOn, endedOn);
  }

  /**
   * This intervention, ended (completed or cancelled) on the given day.
   *
   * @param finalStatus {@link InterventionStatus#COMPLETED} or {@link InterventionStatus#CANCELLED}
   * @param on          the day it ended
   * @return a copy in that status, with {@code endedOn} set
   * @throws org.casemgmt.InvalidInputException if the status or the day is missing, or the day unsupported
   */
  public Intervention ended(InterventionStatus finalStatus, LocalDate on) {
    Check.orThrow(Check.present("finalStatus", finalStatus), Check.day("on", on));
    return new Intervention(this, finalStatus, startedOn, Option.some(on));
  }

  /**
   * The part of the cost accrued by a day: nothing before it started, then linearly over its window,
   * up to the day it ended; a completed intervention has accrued its whole cost.
   *
   * @param asOf the day to look at
   * @return an amount between zero and {@link #cost()}
   * @throws org.casemgmt.InvalidInputException if the day is missing or unsupported (see {@link DayWindow})
   */
  public Money costAccruedBy(LocalDate asOf) {
    Check.orThrow(Check.day("asOf", asOf));
    long cents = Accrual.cents(cost.amount().unscaledValue().longValueExact(), window.start().toEpochDay(),
        window.days(), startedOn.map(LocalDate::toEpochDay).getOrElse(Accrual.NOT_ENDED),
        endedOn.map(LocalDate::toEpochDay).getOrElse(Accrual.NOT_ENDED), status == InterventionStatus.COMPLETED,
        asOf.toEpochDay());
    return new Money(java.math.BigDecimal.valueOf(cents, 2));
  }

  /** Equal when every field is equal (value semantics, as a record would have). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Intervention that
        && id.equals(that.id)
        && needs.equals(that.needs)
        && goals.equals(that.goals)
        && provider.equals(that.provider)
        && kind.equals(that.kind)
        && window.equals(that.window)
        && cost.equals(that.cost)
        && status == that.status
        && startedOn.equals(that.startedOn)
        && endedOn.equals(that.endedOn);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(id, needs, goals, provider, kind, window, cost, status, startedOn, endedOn);
  }

  @Override
  public String toString() {
    return "Intervention[id=" + id + ", needs=" + needs + ", goals=" + goals + ", provider=" + provider + ", kind="
        + kind + ", window=" + window + ", cost=" + cost + ", status=" + status + ", startedOn=" + startedOn
        + ", endedOn=" + endedOn + "]";
  }
}
