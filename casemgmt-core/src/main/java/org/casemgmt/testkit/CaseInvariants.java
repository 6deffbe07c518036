package org.casemgmt.testkit;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.InvalidHistory;
import org.casemgmt.casefile.Permissions;
import org.casemgmt.casefile.PhaseTable;
import org.casemgmt.casefile.PlanVersion;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamMember;
import org.casemgmt.party.TeamRole;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReferralStatus;
import org.casemgmt.resource.ProviderId;

/**
 * casemgmt's own invariants, checked by the {@link ModelChecker} after every step unless switched off. Each
 * is one rule of the methodology or of event sourcing, named in the words the report uses.
 *
 * <pre>{@code
 * ModelChecker.forCaseFiles().check();                                 // all of them
 * ModelChecker.forCaseFiles().withoutCaseInvariants().invariant(CaseInvariants.NO_OVERLAP).check(); // one
 * }</pre>
 */
public final class CaseInvariants {

  private CaseInvariants() {}

  /** A refused command changes nothing: the case file after equals the one before, at the same version. */
  public static final Invariant REJECTION_CHANGES_NOTHING = Invariant.of(
      "a rejected command leaves the case file equal and its version unchanged",
      step -> step.accepted()
          || step.after().equals(step.before()) && step.after().version() == step.before().version());

  /** The version is the number of events: the sequence of the last one. */
  public static final Invariant VERSION_COUNTS_EVENTS = Invariant.of(
      "the version equals the number of events",
      step -> step.after().version() == step.history().size()
          && step.history().zipWithIndex().forAll(e -> e._1.sequence() == e._2 + 1));

  /** Replaying the history rebuilds exactly the case file: the events are the whole truth. */
  public static final Invariant REPLAY_EQUALS_STATE = Invariant.of(
      "replaying the history gives the same case file",
      step -> {
        Either<InvalidHistory, CaseFile> replayed = CaseFile.replay(step.history(), step.after().permissions());
        return replayed.isRight() && replayed.exists(step.after()::equals);
      });

  /**
   * Continuity: there is always exactly one case manager, and it changes only by a hand-over to the person
   * the hand-over names.
   */
  public static final Invariant ONE_CASE_MANAGER = Invariant.of(
      "there is always exactly one case manager, changed only by a hand-over",
      step -> step.after().caseManager() != null
          && (step.after().caseManager().equals(step.before().caseManager())
              || step.accepted() && step.command().command() instanceof Command.HandOver h
                  && step.after().caseManager().equals(h.newCaseManager())));

  /** A closed case accepts nothing but being reopened. */
  public static final Invariant CLOSED_ACCEPTS_ONLY_REOPEN = Invariant.of(
      "a closed case accepts only REOPEN_CASE",
      step -> !step.before().isClosed() || !step.accepted() || step.command().kind() == CommandKind.REOPEN_CASE);

  /**
   * Every accepted command is permitted by {@link PhaseTable} in the phase (and suspension) it was issued in,
   * and moves the case along a transition of the table; a refusal for the phase is given only when the
   * table does not permit the command.
   */
  public static final Invariant TRANSITIONS_IN_TABLE = Invariant.of(
      "every accepted command follows a transition of the phase table",
      step -> {
        CaseFile before = step.before();
        CommandKind kind = step.command().kind();
        boolean permitted = PhaseTable.isPermitted(before.phase(), before.suspended(), kind);
        if (step.accepted()) {
          return permitted && PhaseTable.allows(before.phase(), kind, step.after().phase());
        }
        return !(step.rejection().getOrNull() instanceof Rejection.CommandNotPermitted) || !permitted;
      });

  /** No two live interventions of the same service kind for the same need share a day. */
  public static final Invariant NO_OVERLAP = Invariant.of(
      "no two live interventions of the same need and service kind overlap",
      step -> currentPlan(step).forAll(plan -> pairs(plan.liveInterventions()).forAll(p ->
          !p._1.kind().equals(p._2.kind()) || p._1.needs().intersect(p._2.needs()).isEmpty()
              || !p._1.window().overlaps(p._2.window()))));

  /** No two live interventions of the same exclusive kind share a day, whatever their needs. */
  public static final Invariant EXCLUSIVE_KINDS_DO_NOT_OVERLAP = Invariant.of(
      "no two live interventions of the same exclusive kind overlap",
      step -> currentPlan(step).forAll(plan -> pairs(plan.liveInterventions()).forAll(p ->
          !p._1.kind().exclusive() || !p._1.kind().equals(p._2.kind()) || !p._1.window().overlaps(p._2.window()))));

  /**
   * Every intervention that is not over (planned, active or suspended) addresses needs that are on record and
   * open. Delivered interventions stay on the record even if their need was later withdrawn.
   */
  public static final Invariant LIVE_INTERVENTIONS_ADDRESS_OPEN_NEEDS = Invariant.of(
      "every intervention not yet over addresses open needs",
      step -> currentPlan(step).forAll(plan -> plan.liveInterventions()
          .filter(i -> i.status() != InterventionStatus.COMPLETED)
          .forAll(i -> i.needs().forAll(id -> step.after().needs().get(id).exists(Need::isOpen)))));

  /** A closed case has no work left open: no intervention planned, active or suspended, no referral pending. */
  public static final Invariant CLOSED_CASE_LEAVES_NO_OPEN_WORK = Invariant.of(
      "a closed case has no open intervention and no pending referral",
      step -> !step.after().isClosed()
          || step.after().currentPlan().forAll(plan -> plan.interventions().values().forAll(i ->
              i.status() == InterventionStatus.COMPLETED || i.status() == InterventionStatus.CANCELLED))
          && step.after().referrals().values().forAll(r -> !r.status().isPending()));

  /** No two referrals for the same need and service are pending (requested or accepted) at once. */
  public static final Invariant REFERRALS_NOT_REDUNDANT = Invariant.of(
      "no two pending referrals for the same need and service",
      step -> {
        List<Referral> pending = step.after().referrals().values().filter(r -> r.status().isPending()).toList();
        return pending.zipWithIndex().forAll(a -> pending.drop(a._2 + 1).forAll(b ->
            !a._1.service().equals(b.service()) || a._1.needs().intersect(b.needs()).isEmpty()));
      });

  /**
   * An approved plan was agreed by the client and stays within its budget cap; at the moment of approval every
   * open need at or above the plan's threshold was covered by a live intervention or a referral a provider
   * accepted, or consciously deferred, and the client's agreement, read from the history, came after the last
   * change to what they agreed to.
   */
  public static final Invariant APPROVED_PLAN_IS_SOUND = Invariant.of(
      "an approved plan is agreed to as approved, within budget, and covered or deferred every need at approval",
      step -> currentPlan(step).forAll(plan -> {
        if (!plan.isApproved()) {
          return true;
        }
        boolean agreed = plan.agreedOn().isDefined();
        boolean withinBudget = plan.budgetCap().forAll(cap -> !plan.plannedCost().exceeds(cap));
        boolean justApproved = step.accepted() && step.command().kind() == CommandKind.APPROVE_PLAN;
        return agreed && withinBudget
            && (!justApproved || everyNeedCoveredOrDeferred(step.after(), plan) && agreedAfterLastChange(step));
      }));

  /** Every live intervention's window lies inside its plan's period. */
  public static final Invariant INTERVENTIONS_INSIDE_PERIOD = Invariant.of(
      "every live intervention lies inside the plan period",
      step -> currentPlan(step).forAll(plan -> plan.liveInterventions()
          .forAll(i -> plan.period().encloses(i.window()))));

  /** The plan's planned cost is the sum of its live interventions' costs. */
  public static final Invariant PLANNED_COST_IS_SUM_OF_LIVE = Invariant.of(
      "the planned cost is the sum of the live interventions' costs",
      step -> currentPlan(step).forAll(plan -> plan.plannedCost().equals(
          plan.liveInterventions().map(Intervention::cost).foldLeft(Money.ZERO, Money::plus))));

  /**
   * Time moves forward within a case: no step is recorded before the one it follows, the latest review's day
   * never moves back, and a plan is approved on or after the day the client agreed to it.
   */
  public static final Invariant TIME_MOVES_FORWARD = Invariant.of(
      "time moves forward: no step before the previous one, no review before the last, no approval before agreement",
      step -> !step.after().lastRecordedAt().isBefore(step.before().lastRecordedAt())
          && step.before().lastReviewOn().forAll(last -> step.after().lastReviewOn().exists(now -> !now.isBefore(last)))
          && currentPlan(step).forAll(plan -> plan.approvedOn().forAll(
              approved -> plan.agreedOn().exists(agreed -> !approved.isBefore(agreed)))));

  /** An intervention starts within its window: on or after its first day, before its end. */
  public static final Invariant STARTED_WITHIN_WINDOW = Invariant.of(
      "every intervention started within its window",
      step -> currentPlan(step).forAll(plan -> plan.interventions().values().forAll(i -> i.startedOn()
          .forAll(started -> !started.isBefore(i.window().start()) && started.isBefore(i.window().end())))));

  /**
   * A deferral is a decision about one plan version: a version that a step has just started defers no need yet, so
   * each open need is covered or deferred again in it.
   */
  public static final Invariant NEW_PLAN_VERSION_DEFERS_NOTHING = Invariant.of(
      "a plan version just started defers no need",
      step -> step.after().planVersions().size() <= step.before().planVersions().size()
          || currentPlan(step).forAll(plan -> plan.deferrals().isEmpty()));

  /** Earlier plan versions are history: a step never changes them. */
  public static final Invariant EARLIER_PLAN_VERSIONS_UNCHANGED = Invariant.of(
      "re-planning never alters an earlier plan version",
      step -> {
        Seq<PlanVersion> before = step.before().planVersions();
        Seq<PlanVersion> after = step.after().planVersions();
        int frozen = Math.max(0, before.size() - 1);
        return after.size() >= before.size() && after.take(frozen).equals(before.take(frozen))
            && (after.size() == before.size() || after.take(before.size()).equals(before));
      });

  /**
   * Who may do what is the case's permission table, read here independently of the rules: a command is accepted
   * only from the case manager or a member of the team whose role the table lets issue it (for a command limited to
   * the member's own provider, only on an intervention or referral with that provider), and a refusal as not
   * authorized happens exactly when the table does not let the actor issue it.
   */
  public static final Invariant ONLY_PERMITTED_ACTORS = Invariant.of(
      "no command is accepted from an actor the permission table does not allow, and no allowed one is refused as such",
      step -> {
        if (step.command().kind() == CommandKind.OPEN_CASE || step.rejection()
            .exists(r -> r instanceof Rejection.VersionConflict || r instanceof Rejection.CaseAlreadyOpened)) {
          return true;
        }
        boolean allowed = allowedByTable(step.before(), step.command().issued().actor(), step.command().command());
        boolean refusedAsUnauthorized = step.rejection().exists(r -> r instanceof Rejection.NotAuthorized);
        return step.accepted() ? allowed : refusedAsUnauthorized != allowed;
      });

  /**
   * Each member's view holds what their role and the client's consent allow, and no more: a provider representative
   * sees exactly their own provider's interventions and referrals whose needs are all in domains shared with that
   * provider, those needs, and nothing else (no strengths, resources or client record); a professional sees every need
   * but no client record; the case manager and a supervisor see everything; someone off the team gets no view.
   */
  public static final Invariant VIEWS_WITHIN_ROLE_AND_CONSENT = Invariant.of(
      "each member's view holds exactly what the role and the client's consent allow",
      step -> {
        CaseFile file = step.after();
        if (file.viewFor(StaffId.of("nobody-on-the-team")).isDefined()) {
          return false;
        }
        if (!file.viewFor(file.caseManager()).exists(v -> v.client().isDefined() && v.needs().equals(file.needs())
            && v.strengths().equals(file.strengths()))) {
          return false;
        }
        return file.team().values().forAll(member -> file.viewFor(member.staff()).exists(view ->
            member.role().representsProvider() ? representativeSeesOnlyItsShare(file, member, view)
                : view.client().isDefined() == (member.role() == TeamRole.SUPERVISOR)
                    && view.needs().equals(file.needs())));
      });

  private static boolean representativeSeesOnlyItsShare(CaseFile file, TeamMember member,
      org.casemgmt.casefile.CaseView view) {
    ProviderId own = member.provider().get();
    Set<org.casemgmt.need.LifeDomain> shared = file.consents().get(own).getOrElse(io.vavr.collection.HashSet.empty());
    java.util.function.Predicate<Set<org.casemgmt.need.NeedId>> allShared =
        needs -> needs.forAll(n -> file.needs().get(n).exists(need -> shared.contains(need.domain())));
    Set<InterventionId> expectedInterventions = file.currentPlan()
        .map(plan -> plan.interventions().filter((id, i) -> i.provider().equals(own) && allShared.test(i.needs()))
            .keySet())
        .getOrElse(io.vavr.collection.HashSet.empty());
    Set<ReferralId> expectedReferrals = file.referrals()
        .filter((id, r) -> r.provider().id().equals(own) && allShared.test(r.needs())).keySet();
    return view.client().isEmpty() && view.strengths().isEmpty() && view.resources().isEmpty()
        && view.interventions().keySet().equals(expectedInterventions)
        && view.referrals().keySet().equals(expectedReferrals)
        && view.needs().values().forAll(n -> shared.contains(n.domain()))
        && view.needs().keySet().forAll(n -> view.interventions().values().exists(i -> i.needs().contains(n))
            || view.referrals().values().exists(r -> r.needs().contains(n)));
  }

  /**
   * Four eyes, where the case's table asks for them: an approval is accepted only on the very plan a supervisor other
   * than the case manager countersigned, and a closure only on the case as it was countersigned (nothing recorded
   * after the signature).
   */
  public static final Invariant COUNTERSIGNED_AS_APPROVED = Invariant.of(
      "a countersigned plan is exactly the approved one, a countersigned case exactly the closed one",
      step -> {
        CaseFile before = step.before();
        CommandKind kind = step.command().kind();
        if (!step.accepted() || (kind != CommandKind.APPROVE_PLAN && kind != CommandKind.CLOSE_CASE)
            || !before.permissions().requiresCountersignature(kind)) {
          return true;
        }
        return before.countersignatures().get(kind).exists(signature -> !signature.by().equals(before.caseManager())
            && (kind == CommandKind.APPROVE_PLAN
                ? signature.plan().equals(before.currentPlan())
                : signature.version() == before.version()));
      });

  /**
   * The team and the consents are what their commands say, read from the public view: a member joins only when not on
   * the team (refused as already on it only when they are) and is then on it in that role; only a member leaves (refused
   * as not on the team only when they are not) and is then on record as a former member; consent granted is then shared
   * (refused as already shared only when all of it was); consent is withdrawn only where it was given and is then no
   * longer shared (refused as not shared only when part of it was not).
   */
  public static final Invariant TEAM_AND_CONSENTS_AS_RECORDED = Invariant.of(
      "the team and the consents are what joining, leaving, granting and withdrawing say",
      step -> {
        CaseFile before = step.before();
        CaseFile after = step.after();
        Command command = step.command().command();
        java.util.function.Predicate<Class<?>> refusedAs = type -> step.rejection().exists(type::isInstance);
        if (command instanceof Command.JoinTeam c) {
          TeamMember m = c.member();
          boolean onTeam = before.team().containsKey(m.staff());
          return (!refusedAs.test(Rejection.AlreadyOnTeam.class) || onTeam)
              && (!step.accepted() || !onTeam && after.team().get(m.staff()).contains(m));
        }
        if (command instanceof Command.LeaveTeam c) {
          boolean onTeam = before.team().containsKey(c.member());
          return (!refusedAs.test(Rejection.NotOnTeam.class) || !onTeam)
              && (!step.accepted() || onTeam && !after.team().containsKey(c.member())
                  && after.formerMembers().last().staff().equals(c.member()));
        }
        if (command instanceof Command.GrantConsent c) {
          Set<org.casemgmt.need.LifeDomain> shared =
              before.consents().get(c.provider()).getOrElse(io.vavr.collection.HashSet.empty());
          return (!refusedAs.test(Rejection.AlreadyShared.class) || shared.containsAll(c.domains()))
              && (!step.accepted() || after.consents().get(c.provider()).exists(d -> d.containsAll(c.domains())));
        }
        if (command instanceof Command.WithdrawConsent c) {
          Set<org.casemgmt.need.LifeDomain> shared =
              before.consents().get(c.provider()).getOrElse(io.vavr.collection.HashSet.empty());
          return (!refusedAs.test(Rejection.NotShared.class) || !shared.containsAll(c.domains()))
              && (!step.accepted() || shared.containsAll(c.domains()) && after.consents().get(c.provider())
                  .forAll(d -> !d.exists(c.domains()::contains)));
        }
        return true;
      });

  /**
   * Where the case's table limits referrals to consent, every referral requested carries only needs in life domains
   * the client shares with its provider.
   */
  public static final Invariant REFERRALS_WITHIN_CONSENT = Invariant.of(
      "a referral carries only needs in domains shared with its provider, where the table asks for it",
      step -> !step.accepted() || step.command().kind() != CommandKind.REQUEST_REFERRAL
          || !step.before().permissions().referralsWithinConsent()
          || step.after().referrals().values().filter(r -> !step.before().referrals().containsKey(r.id()))
              .forAll(r -> r.needs().forAll(n -> step.before().needs().get(n).exists(need -> step.before().consents()
                  .get(r.provider().id()).exists(domains -> domains.contains(need.domain()))))));

  /** The permission table's answer for this actor and command on this case file, from its public view. */
  private static boolean allowedByTable(CaseFile file, StaffId actor, Command command) {
    io.vavr.control.Option<TeamRole> role = file.roleOf(actor);
    if (role.isEmpty()) {
      return false;
    }
    io.vavr.control.Option<Permissions.Reach> reach = file.permissions().reach(role.get(), command.kind());
    if (reach.isEmpty()) {
      return false;
    }
    if (reach.get() == Permissions.Reach.ANY) {
      return true;
    }
    io.vavr.control.Option<ProviderId> own = file.team().get(actor).flatMap(TeamMember::provider);
    return own.isDefined() && own.equals(providerConcerned(file, command));
  }

  private static io.vavr.control.Option<ProviderId> providerConcerned(CaseFile file, Command command) {
    InterventionId intervention = command instanceof Command.StartIntervention c ? c.intervention()
        : command instanceof Command.SuspendIntervention c ? c.intervention()
        : command instanceof Command.ResumeIntervention c ? c.intervention()
        : command instanceof Command.CompleteIntervention c ? c.intervention()
        : command instanceof Command.CancelIntervention c ? c.intervention()
        : null;
    if (intervention != null) {
      return file.currentPlan().flatMap(plan -> plan.intervention(intervention)).map(Intervention::provider);
    }
    ReferralId referral = command instanceof Command.AcceptReferral c ? c.referral()
        : command instanceof Command.DeclineReferral c ? c.referral()
        : command instanceof Command.CompleteReferral c ? c.referral()
        : null;
    return referral == null ? io.vavr.control.Option.none()
        : file.referrals().get(referral).map(r -> r.provider().id());
  }

  /**
   * Every invariant above, in the order they are checked: the cheap, basic ones first so that a report names
   * the most fundamental broken rule.
   *
   * @return every invariant of casemgmt, to filter or to give to {@link ModelChecker#invariant(Invariant)}
   */
  public static List<Invariant> all() {
    return List.of(REJECTION_CHANGES_NOTHING, VERSION_COUNTS_EVENTS, ONE_CASE_MANAGER, CLOSED_ACCEPTS_ONLY_REOPEN,
        TRANSITIONS_IN_TABLE, NO_OVERLAP, EXCLUSIVE_KINDS_DO_NOT_OVERLAP, LIVE_INTERVENTIONS_ADDRESS_OPEN_NEEDS,
        APPROVED_PLAN_IS_SOUND, INTERVENTIONS_INSIDE_PERIOD, PLANNED_COST_IS_SUM_OF_LIVE, REFERRALS_NOT_REDUNDANT,
        CLOSED_CASE_LEAVES_NO_OPEN_WORK, TIME_MOVES_FORWARD, STARTED_WITHIN_WINDOW, NEW_PLAN_VERSION_DEFERS_NOTHING,
        EARLIER_PLAN_VERSIONS_UNCHANGED, ONLY_PERMITTED_ACTORS, VIEWS_WITHIN_ROLE_AND_CONSENT, COUNTERSIGNED_AS_APPROVED,
        TEAM_AND_CONSENTS_AS_RECORDED, REFERRALS_WITHIN_CONSENT,
        REPLAY_EQUALS_STATE);
  }

  private static io.vavr.control.Option<PlanVersion> currentPlan(CheckedStep step) {
    return step.after().currentPlan();
  }

  private static boolean everyNeedCoveredOrDeferred(CaseFile file, PlanVersion plan) {
    // Brute force over the interventions and referrals, independent of the plan's own coverage index.
    Set<NeedId> covered = plan.liveInterventions().flatMap(Intervention::needs).toSet()
        .addAll(file.referrals().values().filter(r -> r.status() == ReferralStatus.ACCEPTED).flatMap(r -> r.needs()));
    return file.openNeeds()
        .filter(n -> n.priority().isAtLeast(plan.coverageThreshold()))
        .forAll(n -> covered.contains(n.id()) || plan.deferrals().containsKey(n.id()));
  }

  /**
   * Read from the history, independently of the plan's own {@code agreedOn}: walking back from the approval, the
   * client's agreement comes before any change to the plan's goals, interventions (planned or cancelled),
   * deferrals or participants, and before the start of the plan version.
   */
  private static boolean agreedAfterLastChange(CheckedStep step) {
    // Newest first, after the approval itself.
    for (org.casemgmt.casefile.RecordedEvent recorded : step.history().reverse().drop(1)) {
      CaseEvent e = recorded.event();
      if (e instanceof CaseEvent.PlanAgreed) {
        return true;
      }
      if (e instanceof CaseEvent.GoalAdded || e instanceof CaseEvent.InterventionPlanned
          || e instanceof CaseEvent.InterventionCancelled || e instanceof CaseEvent.NeedDeferred
          || e instanceof CaseEvent.ParticipantAdded
          || e instanceof CaseEvent.PlanningStarted || e instanceof CaseEvent.ReplanningStarted
          || e instanceof CaseEvent.ReviewRecorded r && r.decision() == org.casemgmt.plan.ReviewDecision.ADJUST_PLAN) {
        return false;
      }
    }
    return false;
  }

  /** Every unordered pair of distinct elements: brute force on purpose, independent of the plan's index. */
  private static List<io.vavr.Tuple2<Intervention, Intervention>> pairs(Seq<Intervention> interventions) {
    List<Intervention> all = interventions.toList();
    return all.zipWithIndex().flatMap(a -> all.drop(a._2 + 1).map(b -> io.vavr.Tuple.of(a._1, b)));
  }
}
