package org.casemgmt.casefile;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import org.casemgmt.internal.LongTreeMap;
import org.casemgmt.need.NeedId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Overlap;
import io.vavr.control.Option;
import org.casemgmt.resource.ServiceKind;

/**
 * What a plan version derives from its live (not cancelled) interventions, kept up to date one intervention at a
 * time so that the rules never scan the plan: the non-overlap index, how many live interventions address each
 * need, how many are live, their total cost, and whether any has started.
 *
 * <p>The non-overlap index keeps, per need and service kind (and per exclusive kind), the live windows sorted by
 * start day in a persistent tree. Within one key the windows never overlap — that is the invariant — so they are
 * sorted by end day too, and only the two neighbours of a new window by start day can clash with it: checking an
 * intervention against all the others costs {@code O(log n)}.
 */
final class PlanIndex {

  /** A live intervention's place in the non-overlap index, its days as epoch days. */
  private record Slot(InterventionId id, long start, long end) {}

  /** The key under which the non-overlap rule compares windows. */
  private record NeedAndKind(NeedId need, ServiceKind kind) {}

  static final PlanIndex EMPTY = new PlanIndex(HashMap.empty(), HashMap.empty(), HashMap.empty(), 0, Money.ZERO, false);

  private final Map<NeedAndKind, LongTreeMap<Slot>> byNeedAndKind;
  private final Map<ServiceKind, LongTreeMap<Slot>> byExclusiveKind;
  private final Map<NeedId, Integer> coverage;
  private final int live;
  private final Money plannedCost;
  private final boolean anyStarted;

  private PlanIndex(Map<NeedAndKind, LongTreeMap<Slot>> byNeedAndKind, Map<ServiceKind, LongTreeMap<Slot>> byExclusiveKind,
      Map<NeedId, Integer> coverage, int live, Money plannedCost, boolean anyStarted) {
    this.byNeedAndKind = byNeedAndKind;
    this.byExclusiveKind = byExclusiveKind;
    this.coverage = coverage;
    this.live = live;
    this.plannedCost = plannedCost;
    this.anyStarted = anyStarted;
  }

  int live() {
    return live;
  }

  Money plannedCost() {
    return plannedCost;
  }

  boolean anyStarted() {
    return anyStarted;
  }

  boolean covers(NeedId need) {
    return coverage.get(need).exists(count -> count > 0);
  }

  Map<NeedId, Integer> coverage() {
    return coverage;
  }

  /**
   * The index of the live (not cancelled) interventions among {@code all}; {@code anyStarted} is carried over,
   * since an intervention that started and was then cancelled still started.
   */
  static PlanIndex of(java.util.Iterator<Intervention> all, boolean anyStarted) {
    PlanIndex index = EMPTY;
    while (all.hasNext()) {
      Intervention i = all.next();
      if (i.status().isLive()) {
        index = index.with(i);
      }
    }
    return index.anyStarted || !anyStarted ? index : index.started();
  }

  /** Adds a live intervention. */
  PlanIndex with(Intervention intervention) {
    Slot slot = slot(intervention);
    Map<NeedAndKind, LongTreeMap<Slot>> index = byNeedAndKind;
    Map<NeedId, Integer> covered = coverage;
    for (NeedId need : intervention.needs()) {
      NeedAndKind key = new NeedAndKind(need, intervention.kind());
      index = index.put(key, index.get(key).getOrElse(LongTreeMap::empty).put(slot.start(), slot));
      covered = covered.put(need, covered.get(need).getOrElse(0) + 1);
    }
    Map<ServiceKind, LongTreeMap<Slot>> exclusive = byExclusiveKind;
    if (intervention.kind().exclusive()) {
      exclusive = exclusive.put(intervention.kind(),
          exclusive.get(intervention.kind()).getOrElse(LongTreeMap::empty).put(slot.start(), slot));
    }
    return new PlanIndex(index, exclusive, covered, live + 1, plannedCost.plus(intervention.cost()),
        anyStarted || intervention.startedOn().isDefined());
  }

  /** Removes a cancelled intervention: it frees its window, its coverage and its cost. */
  PlanIndex without(Intervention cancelled) {
    long start = cancelled.window().start().toEpochDay();
    Map<NeedAndKind, LongTreeMap<Slot>> index = byNeedAndKind;
    Map<NeedId, Integer> covered = coverage;
    for (NeedId need : cancelled.needs()) {
      NeedAndKind key = new NeedAndKind(need, cancelled.kind());
      index = index.put(key, index.get(key).getOrElse(LongTreeMap::empty).remove(start));
      covered = covered.put(need, covered.get(need).getOrElse(1) - 1);
    }
    Map<ServiceKind, LongTreeMap<Slot>> exclusive = byExclusiveKind;
    if (cancelled.kind().exclusive()) {
      exclusive = exclusive.put(cancelled.kind(),
          exclusive.get(cancelled.kind()).getOrElse(LongTreeMap::empty).remove(start));
    }
    return new PlanIndex(index, exclusive, covered, live - 1,
        new Money(plannedCost.amount().subtract(cancelled.cost().amount())), anyStarted);
  }

  /** Notes that an intervention started. */
  PlanIndex started() {
    return anyStarted ? this : new PlanIndex(byNeedAndKind, byExclusiveKind, coverage, live, plannedCost, true);
  }

  /** The first live intervention of the same need and kind sharing a day with the candidate. */
  Option<Overlap> findOverlap(Intervention candidate) {
    long start = candidate.window().start().toEpochDay();
    long end = candidate.window().end().toEpochDay();
    for (NeedId need : candidate.needs()) {
      Slot clash = clash(byNeedAndKind.get(new NeedAndKind(need, candidate.kind())).getOrNull(), start, end);
      if (clash != null) {
        return Option.some(new Overlap(clash.id(), Option.some(need), candidate.kind(), shared(clash, start, end)));
      }
    }
    return Option.none();
  }

  /** The first live intervention of the same exclusive kind sharing a day with the candidate, whatever the need. */
  Option<Overlap> findExclusiveClash(Intervention candidate) {
    if (!candidate.kind().exclusive()) {
      return Option.none();
    }
    long start = candidate.window().start().toEpochDay();
    long end = candidate.window().end().toEpochDay();
    Slot clash = clash(byExclusiveKind.get(candidate.kind()).getOrNull(), start, end);
    return clash == null
        ? Option.none()
        : Option.some(new Overlap(clash.id(), Option.none(), candidate.kind(), shared(clash, start, end)));
  }

  private static Slot slot(Intervention intervention) {
    DayWindow window = intervention.window();
    return new Slot(intervention.id(), window.start().toEpochDay(), window.end().toEpochDay());
  }

  /** Within one key windows are disjoint, so only the floor (by start) and the next start can overlap. */
  private static Slot clash(LongTreeMap<Slot> slots, long start, long end) {
    if (slots == null) {
      return null;
    }
    LongTreeMap.Entry<Slot> before = slots.floor(start);
    if (before != null && before.value().end() > start) {
      return before.value();
    }
    LongTreeMap.Entry<Slot> after = slots.higher(start);
    return after != null && after.key() < end ? after.value() : null;
  }

  private static DayWindow shared(Slot slot, long start, long end) {
    return DayWindow.of(java.time.LocalDate.ofEpochDay(Math.max(slot.start(), start)),
        java.time.LocalDate.ofEpochDay(Math.min(slot.end(), end)));
  }
}
