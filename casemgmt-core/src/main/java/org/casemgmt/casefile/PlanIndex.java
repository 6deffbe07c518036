package org.casemgmt.casefile;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import org.casemgmt.internal.EntityMap;
import org.casemgmt.internal.LongTreeMap;
import org.casemgmt.need.NeedId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Overlap;
import org.casemgmt.resource.ServiceKind;

/**
 * What a plan version derives from its live (not cancelled) interventions, kept up to date one intervention at a
 * time so that the rules never scan a large plan (a small one is scanned instead, by the static queries at the
 * end): the non-overlap index, how many live interventions address each need, how many are live and their total
 * cost — and, from every intervention, cancelled ones included, the service kinds the plan delivers.
 *
 * <p>The non-overlap index keeps, per need and service kind (and per exclusive kind), the live windows sorted by
 * start day in a persistent tree; the trees of one need sit together with the need's count of live
 * interventions, so adding an intervention touches one map entry per need it addresses. Within one key the
 * windows never overlap — that is the invariant — so they are sorted by end day too, and only the two neighbours
 * of a new window by start day can clash with it: checking an intervention against all the others costs
 * {@code O(log n)}.
 */
final class PlanIndex {

  /** A live intervention's place in the non-overlap index, its days as epoch days. */
  private record Slot(InterventionId id, long start, long end) {}

  /**
   * The live interventions addressing one need: how many, and their windows per service kind. A need is
   * addressed by few kinds, so the kinds and their trees are two short parallel arrays, copied on change.
   * Kinds are values (an organisation may define its own), so they are compared with {@code equals}.
   */
  private static final class NeedSlots {
    static final NeedSlots EMPTY = new NeedSlots(new ServiceKind[0], new Object[0], 0);

    final ServiceKind[] kinds;
    final Object[] trees;
    final int count;

    NeedSlots(ServiceKind[] kinds, Object[] trees, int count) {
      this.kinds = kinds;
      this.trees = trees;
      this.count = count;
    }

    @SuppressWarnings("unchecked")
    LongTreeMap<Slot> tree(ServiceKind kind) {
      for (int k = 0; k < kinds.length; k++) {
        if (kinds[k].equals(kind)) {
          return (LongTreeMap<Slot>) trees[k];
        }
      }
      return null;
    }

    NeedSlots with(ServiceKind kind, Slot slot) {
      LongTreeMap<Slot> tree = tree(kind);
      return replaced(kind, (tree == null ? LongTreeMap.<Slot>empty() : tree).put(slot.start(), slot), count + 1);
    }

    NeedSlots without(ServiceKind kind, long start) {
      LongTreeMap<Slot> tree = tree(kind);
      return tree == null ? this : replaced(kind, tree.remove(start), count - 1);
    }

    private NeedSlots replaced(ServiceKind kind, LongTreeMap<Slot> tree, int newCount) {
      for (int k = 0; k < kinds.length; k++) {
        if (kinds[k].equals(kind)) {
          Object[] newTrees = trees.clone();
          newTrees[k] = tree;
          return new NeedSlots(kinds, newTrees, newCount);
        }
      }
      ServiceKind[] newKinds = java.util.Arrays.copyOf(kinds, kinds.length + 1);
      Object[] newTrees = java.util.Arrays.copyOf(trees, trees.length + 1);
      newKinds[kinds.length] = kind;
      newTrees[trees.length] = tree;
      return new NeedSlots(newKinds, newTrees, newCount);
    }
  }

  /**
   * Up to this many interventions (cancelled ones included) a plan has no index: the queries below scan them.
   * Past it the plan builds its index once and keeps it up to date, so the n-th check costs {@code O(log n)}.
   * It decides only how the answers are found: both forms give the same ones ({@code PlanIndexProperties}).
   *
   * <p>Why 16: a scan costs a few comparisons per intervention on each query, while the index costs a copied tree
   * path on every intervention added; a plan of a handful of interventions (a simulated reference case has one,
   * the narrated seeds at most four) is cheaper to scan, and a plan that grows into the hundreds or thousands
   * ({@code PlanScalingBenchmark}) must not be scanned on every add.
   *
   * <p>It is not tied to {@link EntityMap#ARRAY_FORM_LIMIT}, though both are 16: a scan answers the same over
   * either form of the interventions' map, it is merely cheapest while that map is an array.
   */
  static final int SCANNED_PLAN_LIMIT = 16;

  static final PlanIndex EMPTY = new PlanIndex(EntityMap.empty(), HashMap.empty(), 0, Money.ZERO, HashSet.empty());

  private final EntityMap<NeedId, NeedSlots> byNeed;
  private final Map<ServiceKind, LongTreeMap<Slot>> byExclusiveKind;
  private final int live;
  private final Money plannedCost;
  /** The kinds of every intervention, cancelled ones included: a cancelled one stays on the record. Few. */
  private final Set<ServiceKind> kinds;

  private PlanIndex(EntityMap<NeedId, NeedSlots> byNeed, Map<ServiceKind, LongTreeMap<Slot>> byExclusiveKind, int live,
      Money plannedCost, Set<ServiceKind> kinds) {
    this.byNeed = byNeed;
    this.byExclusiveKind = byExclusiveKind;
    this.live = live;
    this.plannedCost = plannedCost;
    this.kinds = kinds;
  }

  /** How many interventions are live. */
  int live() {
    return live;
  }

  /** The total cost of the live interventions. */
  Money plannedCost() {
    return plannedCost;
  }

  /** Whether a live intervention addresses the need. */
  boolean covers(NeedId need) {
    NeedSlots slots = byNeed.get(need);
    return slots != null && slots.count > 0;
  }

  /** The needs a live intervention addresses. */
  Set<NeedId> coveredNeeds() {
    return byNeed.asMap().filter(entry -> entry._2.count > 0).keySet();
  }

  /** The index of the live (not cancelled) interventions among {@code all}, and of every one's kind. */
  static PlanIndex of(java.util.Iterator<Intervention> all) {
    PlanIndex index = EMPTY;
    while (all.hasNext()) {
      Intervention i = all.next();
      index = i.status().isLive() ? index.with(i) : index.withKind(i.kind());
    }
    return index;
  }

  private PlanIndex withKind(ServiceKind kind) {
    return kinds.contains(kind) ? this : new PlanIndex(byNeed, byExclusiveKind, live, plannedCost, kinds.add(kind));
  }

  /** Adds a live intervention. */
  PlanIndex with(Intervention intervention) {
    DayWindow window = intervention.window();
    Slot slot = new Slot(intervention.id(), window.start().toEpochDay(), window.end().toEpochDay());
    ServiceKind kind = intervention.kind();
    EntityMap<NeedId, NeedSlots> index = byNeed;
    for (int n = 0; n < intervention.needCount(); n++) {
      NeedId need = intervention.need(n);
      NeedSlots slots = index.get(need);
      index = index.put(need, (slots == null ? NeedSlots.EMPTY : slots).with(kind, slot));
    }
    Map<ServiceKind, LongTreeMap<Slot>> exclusive = byExclusiveKind;
    if (kind.exclusive()) {
      exclusive = exclusive.put(kind, exclusive.getOrElse(kind, LongTreeMap.empty()).put(slot.start(), slot));
    }
    return new PlanIndex(index, exclusive, live + 1, plannedCost.plus(intervention.cost()),
        kinds.contains(kind) ? kinds : kinds.add(kind));
  }

  /** Removes a cancelled intervention: it frees its window, its coverage and its cost. */
  PlanIndex without(Intervention cancelled) {
    long start = cancelled.window().start().toEpochDay();
    ServiceKind kind = cancelled.kind();
    EntityMap<NeedId, NeedSlots> index = byNeed;
    for (int n = 0; n < cancelled.needCount(); n++) {
      NeedId need = cancelled.need(n);
      NeedSlots slots = index.get(need);
      if (slots != null) {
        index = index.put(need, slots.without(kind, start));
      }
    }
    Map<ServiceKind, LongTreeMap<Slot>> exclusive = byExclusiveKind;
    if (kind.exclusive()) {
      exclusive = exclusive.put(kind, exclusive.getOrElse(kind, LongTreeMap.empty()).remove(start));
    }
    return new PlanIndex(index, exclusive, live - 1, plannedCost.minus(cancelled.cost()), kinds);
  }

  /** The first live intervention for one of the candidate's needs, of its kind, whose window intersects. */
  Option<Overlap> findOverlap(Intervention candidate) {
    long start = candidate.window().start().toEpochDay();
    long end = candidate.window().end().toEpochDay();
    for (int n = 0; n < candidate.needCount(); n++) {
      NeedId need = candidate.need(n);
      NeedSlots slots = byNeed.get(need);
      Slot clash = slots == null ? null : clash(slots.tree(candidate.kind()), start, end);
      if (clash != null) {
        return Option.some(new Overlap(clash.id(), Option.some(need), candidate.kind(), shared(clash, start, end)));
      }
    }
    return Option.none();
  }

  /** The live intervention of the candidate's exclusive kind, whatever the need, whose window intersects. */
  Option<Overlap> findExclusiveClash(Intervention candidate) {
    if (!candidate.kind().exclusive()) {
      return Option.none();
    }
    long start = candidate.window().start().toEpochDay();
    long end = candidate.window().end().toEpochDay();
    Slot clash = clash(byExclusiveKind.getOrElse(candidate.kind(), null), start, end);
    return clash == null
        ? Option.none()
        : Option.some(new Overlap(clash.id(), Option.none(), candidate.kind(), shared(clash, start, end)));
  }

  /** Whether an intervention, cancelled or not, delivers a kind with {@code kind}'s code and the other exclusivity. */
  boolean deliversConflictingKind(ServiceKind kind) {
    for (ServiceKind known : kinds) {
      if (conflicting(known, kind)) {
        return true;
      }
    }
    return false;
  }

  /** Within one key windows are disjoint, so only the floor (by start) and the next start can overlap. */
  private static Slot clash(LongTreeMap<Slot> slots, long start, long end) {
    if (slots == null) {
      return null;
    }
    LongTreeMap.Neighbours<Slot> around = slots.neighbours(start);
    LongTreeMap.Entry<Slot> before = around.floor();
    if (before != null && before.value().end() > start) {
      return before.value();
    }
    LongTreeMap.Entry<Slot> after = around.higher();
    return after != null && after.key() < end ? after.value() : null;
  }

  private static DayWindow shared(Slot slot, long start, long end) {
    return DayWindow.of(java.time.LocalDate.ofEpochDay(Math.max(slot.start(), start)),
        java.time.LocalDate.ofEpochDay(Math.min(slot.end(), end)));
  }

  // ---------------------------------------------------------------- the same answers by a scan, for small plans

  /** How many of the interventions are live. */
  static int liveCount(EntityMap<InterventionId, Intervention> all) {
    int live = 0;
    for (java.util.Iterator<Intervention> each = all.valuesIterator(); each.hasNext(); ) {
      live += each.next().status().isLive() ? 1 : 0;
    }
    return live;
  }

  /** The total cost of the live interventions. */
  static Money plannedCost(EntityMap<InterventionId, Intervention> all) {
    Money sum = Money.ZERO;
    for (java.util.Iterator<Intervention> each = all.valuesIterator(); each.hasNext(); ) {
      Intervention i = each.next();
      sum = i.status().isLive() ? sum.plus(i.cost()) : sum;
    }
    return sum;
  }

  /** Whether a live intervention addresses the need. */
  static boolean covers(EntityMap<InterventionId, Intervention> all, NeedId need) {
    for (java.util.Iterator<Intervention> each = all.valuesIterator(); each.hasNext(); ) {
      Intervention i = each.next();
      if (i.status().isLive() && addresses(i, need)) {
        return true;
      }
    }
    return false;
  }

  /** The needs a live intervention addresses. */
  static Set<NeedId> coveredNeeds(EntityMap<InterventionId, Intervention> all) {
    Set<NeedId> covered = io.vavr.collection.HashSet.empty();
    for (java.util.Iterator<Intervention> each = all.valuesIterator(); each.hasNext(); ) {
      Intervention i = each.next();
      for (int n = 0; i.status().isLive() && n < i.needCount(); n++) {
        covered = covered.add(i.need(n));
      }
    }
    return covered;
  }

  /** What {@link #deliversConflictingKind(ServiceKind)} answers, by a scan of every intervention. */
  static boolean deliversConflictingKind(EntityMap<InterventionId, Intervention> all, ServiceKind kind) {
    for (java.util.Iterator<Intervention> each = all.valuesIterator(); each.hasNext(); ) {
      if (conflicting(each.next().kind(), kind)) {
        return true;
      }
    }
    return false;
  }

  /** Whether two kinds share a code but not their exclusivity: one code with two meanings. */
  static boolean conflicting(ServiceKind a, ServiceKind b) {
    return a.exclusive() != b.exclusive() && a.code().equals(b.code());
  }

  /**
   * What {@link #findOverlap(Intervention)} answers, by a scan: for the first of the candidate's needs that has
   * one, the live intervention of the same kind for that need whose window intersects and starts first (the one
   * the index finds: within a key windows are disjoint, so that is the floor or the next start).
   */
  static Option<Overlap> findOverlap(EntityMap<InterventionId, Intervention> all, Intervention candidate) {
    for (int n = 0; n < candidate.needCount(); n++) {
      NeedId need = candidate.need(n);
      Intervention first = firstClash(all, candidate, need);
      if (first != null) {
        return Option.some(new Overlap(first.id(), Option.some(need), candidate.kind(), shared(first, candidate)));
      }
    }
    return Option.none();
  }

  /** What {@link #findExclusiveClash(Intervention)} answers, by a scan (the clash that starts first). */
  static Option<Overlap> findExclusiveClash(EntityMap<InterventionId, Intervention> all, Intervention candidate) {
    Intervention first = candidate.kind().exclusive() ? firstClash(all, candidate, null) : null;
    return first == null
        ? Option.none()
        : Option.some(new Overlap(first.id(), Option.none(), candidate.kind(), shared(first, candidate)));
  }

  /**
   * The live intervention of the candidate's kind, addressing the need (any need if it is null), whose window
   * intersects the candidate's and starts first; null if there is none.
   */
  private static Intervention firstClash(EntityMap<InterventionId, Intervention> all, Intervention candidate,
      NeedId need) {
    DayWindow window = candidate.window();
    ServiceKind kind = candidate.kind();
    Intervention first = null;
    for (java.util.Iterator<Intervention> each = all.valuesIterator(); each.hasNext(); ) {
      Intervention i = each.next();
      if (i.status().isLive() && sameKind(i, kind) && i.window().overlaps(window)
          && (need == null || addresses(i, need))
          && (first == null || i.window().start().isBefore(first.window().start()))) {
        first = i;
      }
    }
    return first;
  }

  private static boolean addresses(Intervention i, NeedId need) {
    for (int n = 0; n < i.needCount(); n++) {
      NeedId addressed = i.need(n);
      if (addressed == need || addressed.equals(need)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameKind(Intervention i, ServiceKind kind) {
    return i.kind() == kind || i.kind().equals(kind);
  }

  /** The days the windows of two intersecting interventions share. */
  private static DayWindow shared(Intervention i, Intervention candidate) {
    return candidate.window().intersection(i.window())
        .getOrElseThrow(() -> new IllegalStateException("windows do not intersect"));
  }
}
