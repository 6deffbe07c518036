package org.casemgmt.testkit;

import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.random.RandomGenerator;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Permissions;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.PlanVersion;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamMember;
import org.casemgmt.party.TeamRole;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Finding;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.GoalLifecycle;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Participant;
import org.casemgmt.plan.ParticipantRole;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReferralStatus;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;

/**
 * Chooses the next command for a case by looking at the case as it is now, like a team member would, and
 * sometimes like a careless one: mostly commands the rules should accept, weighted towards moving the case
 * on so deep phases are reached, mixed with commands that must be refused (wrong phase, unknown or duplicate
 * ids, overlapping windows, days before opening, stale versions…).
 *
 * <p>It owns the clock, which only moves forward: a command is stamped later than the one before, except one
 * meant to be refused for its instant (before the opening or the case's latest step). It is deterministic for a
 * given random source, and never relies on the iteration order of hash-based collections (they are sorted first).
 */
final class CommandChooser {

  static final List<StaffId> STAFF = List.of("anna", "bruno", "carla", "dario").map(StaffId::of);

  /** People who never join a case's team: every command they issue must be refused. */
  static final List<StaffId> OUTSIDERS = List.of("eve", "oscar").map(StaffId::of);

  static final List<ServiceKind> KINDS = List.of(ServiceKind.COUNSELLING, ServiceKind.HOUSING,
      ServiceKind.PSYCHOLOGICAL_SUPPORT, ServiceKind.TRAINING, ServiceKind.RESIDENTIAL_PLACEMENT);

  private static final List<ClosureReason> EARLY_CLOSURES = List.of(ClosureReason.CLIENT_WITHDREW,
      ClosureReason.TRANSFERRED, ClosureReason.MOVED_AWAY, ClosureReason.DECEASED, ClosureReason.UNREACHABLE,
      ClosureReason.NO_LONGER_ELIGIBLE);

  /** Kinds that would skip ahead or back in the methodology: the invalid ones most worth trying. */
  private static final List<CommandKind> SKIPS = List.of(CommandKind.START_ASSESSMENT, CommandKind.START_PLANNING,
      CommandKind.APPROVE_PLAN, CommandKind.START_IMPLEMENTATION, CommandKind.RECORD_REVIEW,
      CommandKind.START_EVALUATION, CommandKind.CLOSE_CASE, CommandKind.REOPEN_CASE, CommandKind.RECORD_NEED,
      CommandKind.PLAN_INTERVENTION, CommandKind.RESUME_CASE, CommandKind.REPLAN, CommandKind.OPEN_CASE);

  private static final String TEXT = "generated text";

  private final RandomGenerator random;
  private final boolean validOnly;
  private final Option<Phase> target;
  private Instant clock;
  /** The kind of the command being built, for choosing who issues it. */
  private CommandKind building;
  private int nextNeed = 1;
  private int nextGoal = 1;
  private int nextIntervention = 1;
  private int nextResource = 1;
  private int nextProvider = 1;
  private int nextReferral = 1;

  /**
   * @param random    the only source of randomness
   * @param openedAt  when the case was opened; the clock starts there
   * @param validOnly whether to choose only commands meant to be accepted
   * @param target    a phase to steer towards (no early closing or suspending on the way), if any
   */
  CommandChooser(RandomGenerator random, Instant openedAt, boolean validOnly, Option<Phase> target) {
    this.random = random;
    this.clock = openedAt;
    this.validOnly = validOnly;
    this.target = target;
  }

  /** The next command for the case as it is now. */
  IssuedCommand next(CaseFile s) {
    clock = clock.plus(Duration.ofMinutes(1 + random.nextInt(36 * 60)));
    if (!validOnly && random.nextInt(100) < 8) {
      return build(notPermittedKind(s), s, true);
    }
    List<CommandKind> permitted = s.permittedCommands().toList().sorted();
    int[] weights = new int[permitted.size()];
    int total = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = weight(permitted.get(i), s);
      total += weights[i];
    }
    if (total == 0) {
      return build(notPermittedKind(s), s, true);
    }
    int pick = random.nextInt(total);
    int chosen = 0;
    while (pick >= weights[chosen]) {
      pick -= weights[chosen];
      chosen++;
    }
    boolean valid = validOnly || random.nextInt(100) >= 15;
    return build(permitted.get(chosen), s, valid);
  }

  /** A kind the table does not permit now: half the time one that would skip a phase. */
  private CommandKind notPermittedKind(CaseFile s) {
    Set<CommandKind> permitted = s.permittedCommands();
    List<CommandKind> skips = SKIPS.filter(k -> !permitted.contains(k));
    List<CommandKind> others = List.of(CommandKind.values()).filter(k -> !permitted.contains(k));
    return !skips.isEmpty() && random.nextBoolean() ? pick(skips) : pick(others);
  }

  // ---------------------------------------------------------------- weights: move the case on

  private int weight(CommandKind kind, CaseFile s) {
    boolean steering = target.isDefined() && !target.contains(Phase.CLOSED);
    Option<PlanVersion> plan = s.currentPlan();
    return switch (kind) {
      case OPEN_CASE -> 0;
      case JOIN_TEAM -> s.team().size() < 2 ? 2 : 1;
      case LEAVE_TEAM -> s.team().isEmpty() ? 0 : 1;
      case GRANT_CONSENT -> s.providers().isEmpty() ? 0 : 1;
      case COUNTERSIGN -> supervisors(s).isEmpty() ? 0 : s.phase() == Phase.PLANNING ? 4 : 1;
      case WITHDRAW_CONSENT -> s.consents().isEmpty() ? 0 : 1;
      case HAND_OVER, EXTEND_SCOPE, REVISE_NEED, RECORD_STRENGTH, RECORD_RESOURCE, DEFER_NEED, SET_BUDGET_CAP,
          CANCEL_INTERVENTION, SUSPEND_INTERVENTION -> 1;
      case SUSPEND_CASE -> steering ? 0 : 1;
      case RESUME_CASE, REOPEN_CASE -> 8;
      case CLOSE_CASE -> s.phase() == Phase.EVALUATION && allGoalsAchieved(s) ? 8
          : steering ? 0 : 1;
      case START_ASSESSMENT -> 10;
      case RECORD_NEED -> s.assessmentCompleted() ? 1 : s.openNeeds().size() < 2 ? 8 : 3;
      case WITHDRAW_NEED -> 1;
      case COMPLETE_ASSESSMENT -> !s.assessmentCompleted() && !s.openNeeds().isEmpty() ? 5 : 1;
      case START_PLANNING -> s.assessmentCompleted() ? 10 : 1;
      case ADD_GOAL -> plan.exists(p -> p.goals().isEmpty() && !p.isApproved()) ? 8 : 1;
      case PLAN_INTERVENTION -> plan.exists(p -> !p.isApproved() && !uncovered(s, p).isEmpty()) ? 8 : 2;
      case RECORD_AGREEMENT -> plan.exists(p -> !p.isApproved() && p.agreedOn().isEmpty() && !p.goals().isEmpty()
          && !p.liveInterventions().isEmpty() && uncovered(s, p).isEmpty()) ? 8 : 1;
      case APPROVE_PLAN -> plan.exists(p -> !p.isApproved() && p.agreedOn().isDefined()) ? 10 : 1;
      case START_IMPLEMENTATION -> plan.exists(PlanVersion::isApproved) ? 12 : 1;
      case START_INTERVENTION -> interventionsIn(s, InterventionStatus.PLANNED).isEmpty() ? 1 : 6;
      case RESUME_INTERVENTION -> interventionsIn(s, InterventionStatus.SUSPENDED).isEmpty() ? 1 : 3;
      case COMPLETE_INTERVENTION -> interventionsIn(s, InterventionStatus.ACTIVE, InterventionStatus.SUSPENDED)
          .isEmpty() ? 1 : 3;
      case RECORD_REVIEW -> plan.exists(p -> p.interventions().values().exists(i -> i.startedOn().isDefined())) ? 5 : 1;
      case START_EVALUATION -> 4;
      case RECORD_OUTCOME -> plan.exists(p -> p.goals().values().exists(g -> g.lifecycle() != GoalLifecycle.COMPLETED))
          ? 8 : 1;
      case REPLAN -> 1;
      case ADD_PARTICIPANT -> plan.exists(p -> !p.isApproved() && p.participants().isEmpty()) ? 3 : 1;
      case REQUEST_REFERRAL -> 2;
      case ACCEPT_REFERRAL, DECLINE_REFERRAL -> referralsIn(s, ReferralStatus.REQUESTED).isEmpty() ? 1 : 3;
      case COMPLETE_REFERRAL -> referralsIn(s, ReferralStatus.ACCEPTED).isEmpty() ? 1 : 3;
    };
  }

  // ---------------------------------------------------------------- building commands

  private IssuedCommand build(CommandKind kind, CaseFile s, boolean valid) {
    building = kind;
    return switch (kind) {
      case JOIN_TEAM -> joinTeam(s, valid);
      case LEAVE_TEAM -> leaveTeam(s, valid);
      case GRANT_CONSENT -> grantConsent(s, valid);
      case COUNTERSIGN -> countersign(s, valid);
      case WITHDRAW_CONSENT -> withdrawConsent(s, valid);
      case OPEN_CASE -> IssuedCommand.of(issued(s, valid),
          new OpenCase(s.id(), s.client(), Option.some(s.caseManager()), s.scope(), today()));
      case HAND_OVER -> IssuedCommand.of(issued(s, valid),
          new HandOver(valid ? pick(STAFF.remove(s.caseManager())) : s.caseManager()));
      case EXTEND_SCOPE -> extendScope(s, valid);
      case SUSPEND_CASE -> IssuedCommand.of(issued(s, valid), new SuspendCase(TEXT));
      case RESUME_CASE -> IssuedCommand.of(issued(s, valid), new ResumeCase());
      case CLOSE_CASE -> closeCase(s, valid);
      case REOPEN_CASE -> IssuedCommand.of(issued(s, valid), new ReopenCase(TEXT));
      case START_ASSESSMENT -> IssuedCommand.of(issued(s, valid), new StartAssessment());
      case RECORD_NEED -> recordNeed(s, valid);
      case REVISE_NEED -> IssuedCommand.of(issued(s, valid), new ReviseNeed(valid ? openNeed(s) : knownOrUnknownNeed(s),
          TEXT, pick(List.of(Priority.values()))));
      case WITHDRAW_NEED -> IssuedCommand.of(issued(s, valid),
          new WithdrawNeed(valid ? withdrawableNeed(s) : knownOrUnknownNeed(s),
          TEXT));
      case RECORD_STRENGTH -> IssuedCommand.of(issued(s, valid),
          new RecordStrength(valid ? inScope(s) : outOfScope(s), TEXT));
      case RECORD_RESOURCE -> IssuedCommand.of(issued(s, valid),
          new RecordResource(valid || s.resources().isEmpty() ? ResourceId.of("R-" + nextResource++)
              : pick(s.resources().keySet().toList().sorted()),
          pick(List.of(ResourceType.values())), TEXT));
      case COMPLETE_ASSESSMENT -> IssuedCommand.of(issued(s, valid), new CompleteAssessment());
      case START_PLANNING -> IssuedCommand.of(issued(s, valid), new StartPlanning(planningPeriod(s, valid),
          random.nextInt(4) == 0 ? Priority.HIGH : Priority.LOW));
      case ADD_GOAL -> addGoal(s, valid);
      case PLAN_INTERVENTION -> planIntervention(s, valid);
      case DEFER_NEED -> IssuedCommand.of(issued(s, valid),
          new DeferNeed(valid ? uncoveredOrOpenNeed(s) : NeedId.of("N-404"), TEXT));
      case SET_BUDGET_CAP -> IssuedCommand.of(issued(s, valid), new SetBudgetCap(Money.of(Math.max(0,
          plannedCost(s) + (valid ? random.nextInt(3000) : -1 - random.nextInt(500))))));
      case RECORD_AGREEMENT -> IssuedCommand.of(issued(s, valid), new RecordAgreement(day(s, valid)));
      case APPROVE_PLAN -> IssuedCommand.of(issued(s, valid), new ApprovePlan(approvalDay(s, valid)));
      case START_IMPLEMENTATION -> IssuedCommand.of(issued(s, valid), new StartImplementation());
      case START_INTERVENTION -> startIntervention(s, valid);
      case SUSPEND_INTERVENTION -> {
        Intervention i = interventionOr(s, valid, InterventionStatus.ACTIVE);
        yield IssuedCommand.of(issued(s, valid), new SuspendIntervention(i.id(), after(i, valid)));
      }
      case RESUME_INTERVENTION -> {
        Intervention i = interventionOr(s, valid, InterventionStatus.SUSPENDED);
        yield IssuedCommand.of(issued(s, valid), new ResumeIntervention(i.id(), after(i, valid)));
      }
      case COMPLETE_INTERVENTION -> {
        Intervention i = interventionOr(s, valid, InterventionStatus.ACTIVE, InterventionStatus.SUSPENDED);
        yield IssuedCommand.of(issued(s, valid), new CompleteIntervention(i.id(), after(i, valid)));
      }
      case CANCEL_INTERVENTION -> {
        Intervention i = interventionOr(s, valid, InterventionStatus.PLANNED, InterventionStatus.ACTIVE,
            InterventionStatus.SUSPENDED);
        yield IssuedCommand.of(issued(s, valid), new CancelIntervention(i.id(), after(i, valid), TEXT));
      }
      case RECORD_REVIEW -> recordReview(s, valid);
      case START_EVALUATION -> IssuedCommand.of(issued(s, valid), new StartEvaluation());
      case RECORD_OUTCOME -> recordOutcome(s, valid);
      case REPLAN -> IssuedCommand.of(issued(s, valid),
          random.nextBoolean() ? new Replan(TEXT) : new Replan(TEXT).over(planningPeriod(s, valid)));
      case ADD_PARTICIPANT -> IssuedCommand.of(issued(s, valid),
          new AddParticipant(Participant.of(pick(List.of(ParticipantRole.values())), "participant", TEXT)));
      case REQUEST_REFERRAL -> requestReferral(s, valid);
      case ACCEPT_REFERRAL -> {
        Referral r = referralOr(s, valid, ReferralStatus.REQUESTED);
        yield IssuedCommand.of(issued(s, valid), new AcceptReferral(r.id(), afterStep(r, valid)));
      }
      case DECLINE_REFERRAL -> {
        Referral r = referralOr(s, valid, ReferralStatus.REQUESTED);
        yield IssuedCommand.of(issued(s, valid), new DeclineReferral(r.id(), afterStep(r, valid), TEXT));
      }
      case COMPLETE_REFERRAL -> {
        Referral r = referralOr(s, valid, ReferralStatus.ACCEPTED);
        yield random.nextBoolean()
            ? IssuedCommand.of(issued(s, valid), CompleteReferral.successful(r.id(), afterStep(r, valid)))
            : IssuedCommand.of(issued(s, valid), CompleteReferral.unsuccessful(r.id(), afterStep(r, valid), TEXT));
      }
    };
  }

  // ---------------------------------------------------------------- referrals

  /**
   * A referral for an open need and a service with no referral pending; if invalid, a duplicate id, an
   * unknown need, a provider that does not offer the service, a second pending referral, or a day before opening.
   */
  private IssuedCommand requestReferral(CaseFile s, boolean valid) {
    List<NeedId> open = s.openNeeds().map(Need::id).toList();
    List<ServiceKind> kinds = KINDS.init();
    ReferralId id = ReferralId.of("REF-" + nextReferral++);
    if (open.isEmpty()) {
      return IssuedCommand.of(issued(s, valid), new RequestReferral(id, LinkedHashSet.of(NeedId.of("N-404")),
          provider(ServiceKind.COUNSELLING), ServiceKind.COUNSELLING, today()));
    }
    List<Referral> pending = s.referrals().values().filter(r -> r.status().isPending()).toList().sortBy(Referral::id);
    if (valid && s.permissions().referralsWithinConsent()) {
      // Where referrals need consent, a valid one goes to a provider the client shares the need's domain with.
      List<Tuple2<ProviderId, NeedId>> allowed = s.consents().keySet().toList().sorted()
          .flatMap(p -> open.filter(n -> s.needs().get(n).exists(need -> s.consents().get(p).get()
              .contains(need.domain()))).map(n -> new Tuple2<>(p, n)));
      if (!allowed.isEmpty()) {
        Tuple2<ProviderId, NeedId> choice = pick(allowed);
        List<ServiceKind> free = kinds.filter(k -> !pending.exists(r -> r.service().equals(k)
            && r.needs().contains(choice._2)));
        ServiceKind kind = free.isEmpty() ? pick(kinds) : pick(free);
        return IssuedCommand.of(issued(s, true), new RequestReferral(id, LinkedHashSet.of(choice._2),
            Provider.of(choice._1, "Provider", ResourceType.PUBLIC_SERVICE, LinkedHashSet.of(kind)), kind, today()));
      }
    }
    if (valid) {
      NeedId need = pick(open);
      List<ServiceKind> free = kinds.filter(k -> !pending.exists(r -> r.service().equals(k) && r.needs().contains(need)));
      ServiceKind kind = free.isEmpty() ? pick(kinds) : pick(free);
      return IssuedCommand.of(issued(s, true),
          new RequestReferral(id, LinkedHashSet.of(need), provider(kind), kind, today()));
    }
    int flavour = random.nextInt(5);
    if (flavour == 0 && !s.referrals().isEmpty()) {
      id = pick(s.referrals().keySet().toList().sorted());
    }
    if (flavour == 1 && !pending.isEmpty()) {
      Referral other = pick(pending);
      return IssuedCommand.of(issued(s, true),
          new RequestReferral(id, other.needs(), provider(other.service()), other.service(),
          today()));
    }
    NeedId need = flavour == 2 ? NeedId.of("N-404") : pick(open);
    ServiceKind kind = pick(kinds);
    Provider provider = flavour == 3 ? provider(ServiceKind.RESIDENTIAL_PLACEMENT) : provider(kind);
    LocalDate on = flavour == 4 ? s.openedOn().minusDays(1 + random.nextInt(10)) : today();
    return IssuedCommand.of(issued(s, flavour > 4),
        new RequestReferral(id, LinkedHashSet.of(need), provider, kind, on));
  }

  private static List<Referral> referralsIn(CaseFile s, ReferralStatus status) {
    return s.referrals().values().filter(r -> r.status() == status).toList().sortBy(Referral::id);
  }

  /** A referral in the status, or (invalid, or none exists) any referral or an unknown one. */
  private Referral referralOr(CaseFile s, boolean valid, ReferralStatus status) {
    List<Referral> candidates = referralsIn(s, status);
    if (!valid || candidates.isEmpty()) {
      List<Referral> all = s.referrals().values().toList().sortBy(Referral::id);
      if (!all.isEmpty() && random.nextBoolean()) {
        return pick(all);
      }
      return Referral.requested(ReferralId.of("REF-404"), LinkedHashSet.of(NeedId.of("N-404")),
          provider(ServiceKind.COUNSELLING), ServiceKind.COUNSELLING, s.openedOn());
    }
    return pick(candidates);
  }

  /** A day not before the referral's previous step (or, if invalid, possibly the day before it). */
  private LocalDate afterStep(Referral r, boolean valid) {
    LocalDate previous = r.answeredOn().getOrElse(r.requestedOn());
    return valid || random.nextBoolean() ? latest(today(), previous) : previous.minusDays(1);
  }

  /** Who, when, and now and then a version expectation (a stale one, or a timestamp before opening, if invalid). */
  /**
   * Who issues the command being built: if valid, someone the case's permission table lets issue it (mostly the
   * case manager, sometimes a member whose role permits it); if not, sometimes an outsider or a member whose role
   * does not permit it, otherwise anyone the other faults of the stamp then make refused.
   */
  private StaffId actor(CaseFile s, boolean valid) {
    if (!valid && random.nextInt(100) < 20) {
      List<StaffId> unauthorised = STAFF.appendAll(OUTSIDERS).filter(p -> !mayIssue(s, p, building)).sorted();
      if (!unauthorised.isEmpty()) {
        return pick(unauthorised);
      }
    }
    List<StaffId> members = s.team().keySet().toList().sorted().filter(p -> mayIssue(s, p, building));
    return !members.isEmpty() && random.nextInt(4) == 0 ? pick(members) : s.caseManager();
  }

  /**
   * Whether a person may issue a kind of command on this case by its permission table, as far as the chooser can
   * tell before the command exists: for a command limited to the member's own provider, only a representative of a
   * provider the case has counts, and the chooser then picks that provider's intervention or referral.
   */
  private static boolean mayIssue(CaseFile s, StaffId person, CommandKind kind) {
    if (kind == CommandKind.OPEN_CASE) {
      return true;
    }
    if (person.equals(s.caseManager())) {
      return s.permissions().reach(TeamRole.CASE_MANAGER, kind).isDefined();
    }
    return s.team().get(person).exists(m -> s.permissions().reach(m.role(), kind)
        .contains(Permissions.Reach.ANY));
  }

  // ---------------------------------------------------------------- the team

  private IssuedCommand joinTeam(CaseFile s, boolean valid) {
    List<StaffId> candidates = STAFF.filter(p -> !p.equals(s.caseManager()) && !s.team().containsKey(p));
    StaffId who = valid && !candidates.isEmpty() ? pick(candidates)
        : !s.team().isEmpty() && random.nextBoolean() ? pick(s.team().keySet().toList().sorted()) : s.caseManager();
    boolean wasValid = valid && !candidates.isEmpty();
    TeamRole role = pick(List.of(TeamRole.values()).remove(TeamRole.CASE_MANAGER));
    LocalDate since = wasValid || random.nextBoolean() ? today() : s.openedOn().minusDays(1 + random.nextInt(30));
    List<ProviderId> providers = s.providers().keySet().toList().sorted();
    TeamMember member = role.representsProvider()
        ? TeamMember.representing(who, providers.isEmpty() ? ProviderId.of("P-1") : pick(providers), since)
        : TeamMember.of(who, role, since);
    return IssuedCommand.of(issued(s, wasValid), new JoinTeam(member));
  }

  private static List<StaffId> supervisors(CaseFile s) {
    return s.team().values().filter(m -> m.role() == TeamRole.SUPERVISOR).map(TeamMember::staff).toList().sorted();
  }

  /**
   * A supervisor's countersignature of the plan being prepared, or of the case before closing it; if invalid, the
   * case manager's own, or of something that is not countersigned.
   */
  private IssuedCommand countersign(CaseFile s, boolean valid) {
    List<StaffId> supervisors = supervisors(s);
    CommandKind what = s.phase() == Phase.PLANNING || random.nextInt(3) > 0 ? CommandKind.APPROVE_PLAN
        : CommandKind.CLOSE_CASE;
    Issued issued = issued(s, valid);
    if (valid && !supervisors.isEmpty()) {
      return IssuedCommand.of(new Issued(pick(supervisors), issued.at(), issued.expectedVersion(), issued.commandId()),
          new Countersign(what, today()));
    }
    return IssuedCommand.of(issued, new Countersign(random.nextBoolean() ? what : CommandKind.START_ASSESSMENT,
        today()));
  }

  /** Consent for a provider of the case to see some domains of the scope; if invalid, a domain outside it. */
  private IssuedCommand grantConsent(CaseFile s, boolean valid) {
    List<ProviderId> providers = s.providers().keySet().toList().sorted();
    ProviderId provider = providers.isEmpty() ? ProviderId.of("P-1") : pick(providers);
    LifeDomain domain = valid ? inScope(s) : outOfScope(s);
    return IssuedCommand.of(issued(s, valid), new GrantConsent(provider, HashSet.of(domain), today()));
  }

  /** A withdrawal of one domain shared with a provider; if invalid, of one not shared. */
  private IssuedCommand withdrawConsent(CaseFile s, boolean valid) {
    List<ProviderId> providers = s.consents().keySet().toList().sorted();
    if (valid && !providers.isEmpty()) {
      ProviderId provider = pick(providers);
      LifeDomain domain = pick(s.consents().get(provider).get().toList().sorted());
      return IssuedCommand.of(issued(s, true), new WithdrawConsent(provider, HashSet.of(domain), today()));
    }
    return IssuedCommand.of(issued(s, false), new WithdrawConsent(ProviderId.of("P-404"), HashSet.of(inScope(s)),
        today()));
  }

  private IssuedCommand leaveTeam(CaseFile s, boolean valid) {
    List<StaffId> members = s.team().keySet().toList().sorted();
    if (valid && !members.isEmpty()) {
      return IssuedCommand.of(issued(s, true), new LeaveTeam(pick(members), today()));
    }
    StaffId who = random.nextBoolean() ? s.caseManager() : pick(OUTSIDERS);
    return IssuedCommand.of(issued(s, false), new LeaveTeam(who, today()));
  }

  private Issued issued(CaseFile s, boolean valid) {
    StaffId actor = actor(s, valid);
    int roll = random.nextInt(100);
    if (!valid && roll < 15) {
      return Issued.by(actor, s.openedAt().minus(Duration.ofHours(1 + random.nextInt(72))));
    }
    if (!valid && roll < 30) {
      long stale = s.version() > 1 && random.nextBoolean() ? s.version() - 1 : s.version() + 1;
      return Issued.by(actor, clock).expectingVersion(stale);
    }
    if (!valid && roll < 40 && s.lastRecordedAt().isAfter(s.openedAt())) {
      // After the opening but before the case's latest step: time would move backwards.
      long span = Duration.between(s.openedAt(), s.lastRecordedAt()).toMinutes();
      return Issued.by(actor, s.lastRecordedAt().minus(Duration.ofMinutes(1 + random.nextInt((int) Math.min(span, 1440)))));
    }
    return roll < 85 ? Issued.by(actor, clock) : Issued.by(actor, clock).expectingVersion(s.version());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock, ZoneOffset.UTC);
  }

  /** Today, or if invalid a day before the case was opened. */
  private LocalDate day(CaseFile s, boolean valid) {
    return valid ? today() : s.openedOn().minusDays(1 + random.nextInt(30));
  }

  /** Today; if invalid, before the opening or, half the time when there was one, before the latest review. */
  private LocalDate reviewDay(CaseFile s, boolean valid) {
    LocalDate last = s.lastReviewOn().getOrNull();
    if (valid || last == null || random.nextBoolean()) {
      return day(s, valid);
    }
    return latest(s.openedOn(), last.minusDays(1 + random.nextInt(10)));
  }

  /** Today; if invalid, before the opening or, half the time when the client agreed, before the agreement. */
  private LocalDate approvalDay(CaseFile s, boolean valid) {
    LocalDate agreed = s.currentPlan().flatMap(PlanVersion::agreedOn).getOrNull();
    if (valid || agreed == null || random.nextBoolean()) {
      return day(s, valid);
    }
    return latest(s.openedOn(), agreed.minusDays(1 + random.nextInt(10)));
  }

  /**
   * A period from today (or, when re-planning, from the earliest live intervention carried over) lasting
   * months and enclosing every live intervention; if invalid, one starting before the case was opened or,
   * when re-planning, too short for the interventions carried over.
   */
  private DayWindow planningPeriod(CaseFile s, boolean valid) {
    List<DayWindow> carried = s.currentPlan().map(p -> p.liveInterventions().map(Intervention::window).toList())
        .getOrElse(List.empty());
    LocalDate start = carried.map(DayWindow::start).foldLeft(today(), CommandChooser::earliest);
    if (!valid) {
      return carried.isEmpty() || random.nextBoolean()
          ? DayWindow.ofDays(s.openedOn().minusDays(1 + random.nextInt(30)), 120 + random.nextInt(250))
          : DayWindow.ofDays(today(), 1 + random.nextInt(10));
    }
    LocalDate end = carried.map(DayWindow::end).foldLeft(start.plusDays(120 + random.nextInt(250)),
        CommandChooser::latest);
    return DayWindow.of(start, end);
  }

  private IssuedCommand extendScope(CaseFile s, boolean valid) {
    List<LifeDomain> outside = List.of(LifeDomain.values()).filter(d -> !s.scope().contains(d));
    Set<LifeDomain> domains = valid && !outside.isEmpty()
        ? LinkedHashSet.ofAll(shuffled(outside).take(1 + random.nextInt(2)))
        : LinkedHashSet.of(inScope(s));
    LocalDate consented = valid || random.nextBoolean() ? today() : s.openedOn().minusDays(1);
    return IssuedCommand.of(issued(s, valid), new ExtendScope(domains, consented));
  }

  private IssuedCommand closeCase(CaseFile s, boolean valid) {
    ClosureReason reason;
    if (valid) {
      reason = s.phase() == Phase.EVALUATION && allGoalsAchieved(s) ? ClosureReason.GOALS_ACHIEVED
          : s.openNeeds().isEmpty() && random.nextBoolean() ? ClosureReason.NO_NEEDS_IDENTIFIED
          : pick(EARLY_CLOSURES);
    } else {
      reason = random.nextBoolean() ? ClosureReason.GOALS_ACHIEVED : ClosureReason.NO_NEEDS_IDENTIFIED;
    }
    return IssuedCommand.of(issued(s, valid), new CloseCase(reason, closingDay(s, valid), TEXT));
  }

  /**
   * Today or the last step of the work still open, whichever is later (closing ends that work on its day);
   * if invalid, sometimes a day before the last open intervention started.
   */
  private LocalDate closingDay(CaseFile s, boolean valid) {
    List<LocalDate> steps = interventionsIn(s, InterventionStatus.ACTIVE, InterventionStatus.SUSPENDED)
        .flatMap(Intervention::startedOn)
        .appendAll(s.referrals().values().filter(r -> r.status().isPending())
            .map(r -> r.answeredOn().getOrElse(r.requestedOn())));
    LocalDate last = steps.foldLeft(s.openedOn(), CommandChooser::latest);
    return valid || random.nextBoolean() || steps.isEmpty() ? latest(today(), last) : last.minusDays(1);
  }

  private IssuedCommand recordNeed(CaseFile s, boolean valid) {
    NeedId id;
    LifeDomain domain;
    if (valid || s.needs().isEmpty() && s.scope().size() == LifeDomain.values().length) {
      id = NeedId.of("N-" + nextNeed++);
      domain = inScope(s);
    } else if (!s.needs().isEmpty() && random.nextBoolean()) {
      id = pick(s.needs().keySet().toList().sorted()); // duplicate
      domain = inScope(s);
    } else {
      id = NeedId.of("N-" + nextNeed++);
      domain = outOfScope(s);
    }
    return IssuedCommand.of(issued(s, valid), new RecordNeed(id, domain, TEXT, pick(List.of(Priority.values())),
        pick(List.of(IdentifiedBy.values()))));
  }

  private IssuedCommand addGoal(CaseFile s, boolean valid) {
    Option<PlanVersion> plan = s.currentPlan();
    List<NeedId> open = s.openNeeds().map(Need::id).toList();
    GoalId goal = !valid && plan.exists(p -> !p.goals().isEmpty()) && random.nextBoolean()
        ? pick(plan.map(p -> p.goals().keySet().toList().sorted()).getOrElse(List.empty()))
        : GoalId.of("G-" + nextGoal++);
    Set<NeedId> needs = open.isEmpty() || !valid && random.nextBoolean()
        ? LinkedHashSet.of(NeedId.of("N-404"))
        : LinkedHashSet.ofAll(shuffled(open).take(1 + random.nextInt(2)));
    LocalDate due = valid || random.nextBoolean() ? today().plusDays(30 + random.nextInt(300)) : s.openedOn().minusDays(1);
    return IssuedCommand.of(issued(s, valid), new AddGoal(goal, needs, TEXT, TEXT, due));
  }

  private IssuedCommand startIntervention(CaseFile s, boolean valid) {
    Intervention i = interventionOr(s, valid, InterventionStatus.PLANNED);
    LocalDate start = i.window().start();
    int roll = random.nextInt(3);
    LocalDate on = valid ? latest(today(), start)
        : roll == 0 ? start.minusDays(1)
        : roll == 1 ? i.window().end().plusDays(random.nextInt(30))
        : latest(today(), start);
    return IssuedCommand.of(issued(s, valid), new StartIntervention(i.id(), on));
  }

  private IssuedCommand recordReview(CaseFile s, boolean valid) {
    List<InterventionId> ids = s.currentPlan().map(p -> p.interventions().keySet().toList().sorted())
        .getOrElse(List.empty());
    Map<InterventionId, Finding> findings = HashMap.empty();
    for (InterventionId id : shuffled(ids).take(random.nextInt(3))) {
      findings = findings.put(id, pick(List.of(Finding.values())));
    }
    if (!valid && random.nextBoolean()) {
      findings = findings.put(InterventionId.of("I-404"), Finding.ON_TRACK);
    }
    int roll = random.nextInt(10);
    ReviewDecision decision = roll < 4 ? ReviewDecision.CONTINUE : roll < 8 ? ReviewDecision.PROCEED_TO_EVALUATION
        : roll < 9 ? ReviewDecision.ADJUST_PLAN : ReviewDecision.REASSESS;
    return IssuedCommand.of(issued(s, valid),
        new RecordReview(reviewDay(s, valid || random.nextBoolean()), findings, decision));
  }

  private IssuedCommand recordOutcome(CaseFile s, boolean valid) {
    List<GoalId> goals = s.currentPlan()
        .map(p -> p.goals().values().filter(g -> g.lifecycle() != GoalLifecycle.COMPLETED).map(g -> g.id())
            .toList().sorted())
        .getOrElse(List.empty());
    GoalId goal = valid && !goals.isEmpty() ? pick(goals) : GoalId.of("G-404");
    GoalAchievement achievement = random.nextInt(10) < 7 ? GoalAchievement.ACHIEVED
        : pick(List.of(GoalAchievement.values()));
    return IssuedCommand.of(issued(s, valid), new RecordOutcome(goal, achievement));
  }

  // ---------------------------------------------------------------- planning interventions

  private IssuedCommand planIntervention(CaseFile s, boolean valid) {
    DayWindow period = s.currentPlan().map(PlanVersion::period).getOrElse(() -> DayWindow.ofDays(today(), 365));
    List<Intervention> live = s.currentPlan().map(p -> p.liveInterventions().toList()).getOrElse(List.empty());
    List<NeedId> open = s.openNeeds().map(Need::id).toList();
    InterventionId id = InterventionId.of("I-" + nextIntervention++);
    if (open.isEmpty()) {
      return intervention(s, id, LinkedHashSet.of(NeedId.of("N-404")), pick(KINDS), window(period), true);
    }
    if (valid) {
      List<NeedId> preferred = s.currentPlan().map(p -> uncovered(s, p)).filter(u -> !u.isEmpty()).getOrElse(open);
      Set<NeedId> needs = LinkedHashSet.of(pick(preferred));
      if (random.nextInt(4) == 0) {
        needs = needs.add(pick(open));
      }
      ServiceKind kind = random.nextInt(8) == 0 ? ServiceKind.RESIDENTIAL_PLACEMENT : pick(KINDS.init());
      return intervention(s, id, needs, kind, freeWindow(period, live, needs, kind), true);
    }
    Option<Intervention> existing = live.isEmpty() ? Option.none() : Option.some(pick(live));
    int flavour = random.nextInt(10);
    if (existing.isDefined() && flavour < 4) {
      Intervention other = existing.getOrElseThrow(IllegalStateException::new);
      Option<NeedId> shared = other.needs().toList().sorted().find(open::contains);
      List<NeedId> others = open.filter(n -> !other.needs().contains(n));
      if (other.kind().exclusive() && !others.isEmpty() && random.nextBoolean()) {
        // another need, the same exclusive kind: only the exclusivity rule can refuse it
        return intervention(s, id, LinkedHashSet.of(pick(others)), other.kind(), overlapping(other.window(), period),
            true);
      }
      if (shared.isDefined() || other.kind().exclusive()) {
        Set<NeedId> needs = LinkedHashSet.of(shared.getOrElse(() -> pick(open)));
        return intervention(s, id, needs, other.kind(), overlapping(other.window(), period), true);
      }
    }
    return switch (flavour) {
      case 4 -> intervention(s, existing.map(Intervention::id).getOrElse(id), LinkedHashSet.of(pick(open)),
          pick(KINDS), window(period), true);
      case 5 -> intervention(s, id, LinkedHashSet.of(NeedId.of("N-404")), pick(KINDS), window(period), true);
      case 6 -> IssuedCommand.of(issued(s, false), new PlanIntervention(id, LinkedHashSet.of(pick(open)),
          LinkedHashSet.of(GoalId.of("G-404")), provider(ServiceKind.COUNSELLING), ServiceKind.COUNSELLING,
          window(period), cost()));
      case 7 -> intervention(s, id, LinkedHashSet.of(pick(open)), ServiceKind.TRAINING, window(period), false);
      case 8 -> intervention(s, id, LinkedHashSet.of(pick(open)), pick(KINDS),
          DayWindow.ofDays(period.start().minusDays(1 + random.nextInt(20)), 10 + random.nextInt(30)), true);
      default -> intervention(s, id, LinkedHashSet.of(pick(open)), pick(KINDS),
          DayWindow.ofDays(period.end().minusDays(random.nextInt(5)), 10 + random.nextInt(30)), true);
    };
  }

  private IssuedCommand intervention(CaseFile s, InterventionId id, Set<NeedId> needs, ServiceKind kind, DayWindow window,
      boolean offered) {
    List<GoalId> goals = s.currentPlan().map(p -> p.goals().keySet().toList().sorted()).getOrElse(List.empty());
    Set<GoalId> serves = goals.isEmpty() || random.nextBoolean() ? LinkedHashSet.empty() : LinkedHashSet.of(pick(goals));
    Provider provider = offered ? provider(kind) : provider(ServiceKind.HOUSING);
    return IssuedCommand.of(issued(s, true), new PlanIntervention(id, needs, serves, provider, kind, window, cost()));
  }

  private Provider provider(ServiceKind kind) {
    return Provider.of(ProviderId.of("P-" + nextProvider++), "Provider", pick(List.of(ResourceType.values())),
        LinkedHashSet.of(kind));
  }

  private Money cost() {
    return random.nextInt(5) == 0 ? Money.of(random.nextInt(100_000) + "." + (10 + random.nextInt(90)))
        : Money.of(random.nextInt(2000));
  }

  /** A random window in the first months of the period, clipped to it. */
  private DayWindow window(DayWindow period) {
    LocalDate start = period.start().plusDays(random.nextInt((int) Math.min(90, period.days())));
    long length = Math.min(7 + random.nextInt(60), period.end().toEpochDay() - start.toEpochDay());
    return DayWindow.ofDays(start, Math.max(1, length));
  }

  /**
   * A window that clashes with none of the live interventions it must not overlap: a random one, or if that
   * clashes, one starting exactly when the latest clashing one ends (touching is allowed).
   */
  private DayWindow freeWindow(DayWindow period, List<Intervention> live, Set<NeedId> needs, ServiceKind kind) {
    DayWindow window = window(period);
    List<Intervention> rivals = live.filter(i -> i.kind().equals(kind)
        && (kind.exclusive() || !i.needs().intersect(needs).isEmpty()));
    if (rivals.exists(i -> i.window().overlaps(window)) || random.nextInt(5) == 0 && !rivals.isEmpty()) {
      LocalDate after = rivals.map(i -> i.window().end()).max().getOrElse(period.start());
      long room = period.end().toEpochDay() - after.toEpochDay();
      return room >= 1 ? DayWindow.ofDays(after, Math.min(room, 7 + random.nextInt(30))) : window;
    }
    return window;
  }

  /** A window sharing days with {@code other} (half the time exactly one, at either end), clipped to the period. */
  private DayWindow overlapping(DayWindow other, DayWindow period) {
    long length = 1 + random.nextInt(40);
    DayWindow window;
    if (random.nextBoolean()) {
      window = random.nextBoolean()
          ? DayWindow.ofDays(other.end().minusDays(1), length)
          : DayWindow.of(other.start().minusDays(length), other.start().plusDays(1));
    } else {
      window = DayWindow.ofDays(other.start().plusDays(random.nextInt((int) other.days())), length);
    }
    LocalDate start = latest(window.start(), period.start());
    LocalDate end = window.end().isAfter(period.end()) ? period.end() : window.end();
    return end.isAfter(start) && DayWindow.of(start, end).overlaps(other) ? DayWindow.of(start, end) : window;
  }

  // ---------------------------------------------------------------- looking at the case

  private static List<NeedId> uncovered(CaseFile s, PlanVersion plan) {
    Set<NeedId> covered = plan.coveredNeeds();
    return s.openNeeds().filter(n -> n.priority().isAtLeast(plan.coverageThreshold()))
        .map(Need::id).filter(id -> !covered.contains(id) && !plan.deferrals().containsKey(id)).toList();
  }

  private static boolean allGoalsAchieved(CaseFile s) {
    return s.currentPlan().exists(p -> !p.goals().isEmpty()
        && p.goals().values().forAll(g -> g.lifecycle() == GoalLifecycle.COMPLETED && g.achievement().isMet()));
  }

  private static long plannedCost(CaseFile s) {
    return s.currentPlan().map(p -> p.plannedCost().amount().longValue()).getOrElse(0L);
  }

  private static List<Intervention> interventionsIn(CaseFile s, InterventionStatus... statuses) {
    EnumSet<InterventionStatus> wanted = EnumSet.noneOf(InterventionStatus.class);
    wanted.addAll(java.util.List.of(statuses));
    return s.currentPlan().map(p -> p.interventions().values().filter(i -> wanted.contains(i.status()))
        .toList().sortBy(Intervention::id)).getOrElse(List.empty());
  }

  /** An intervention in one of the statuses, or (invalid, or none exists) any intervention or an unknown one. */
  private Intervention interventionOr(CaseFile s, boolean valid, InterventionStatus... statuses) {
    List<Intervention> candidates = interventionsIn(s, statuses);
    if (!valid || candidates.isEmpty()) {
      List<Intervention> all = interventionsIn(s, InterventionStatus.values());
      if (!all.isEmpty() && random.nextBoolean()) {
        return pick(all);
      }
      return Intervention.of(InterventionId.of("I-404"), LinkedHashSet.of(NeedId.of("N-404")), LinkedHashSet.empty(),
          ProviderId.of("P-404"), ServiceKind.COUNSELLING, DayWindow.ofDays(s.openedOn(), 1), Money.ZERO);
    }
    return pick(candidates);
  }

  /** A day not before the intervention started (or, if invalid, possibly the day before it started). */
  private LocalDate after(Intervention i, boolean valid) {
    LocalDate from = i.startedOn().getOrElse(today());
    LocalDate day = latest(today(), from);
    return valid || random.nextBoolean() ? day : from.minusDays(1);
  }

  private NeedId openNeed(CaseFile s) {
    return s.openNeeds().isEmpty() ? NeedId.of("N-404") : pick(s.openNeeds().map(Need::id).toList());
  }

  private NeedId uncoveredOrOpenNeed(CaseFile s) {
    List<NeedId> uncovered = s.currentPlan().map(p -> uncovered(s, p)).getOrElse(List.empty());
    return uncovered.isEmpty() ? openNeed(s) : pick(uncovered);
  }

  private NeedId withdrawableNeed(CaseFile s) {
    Set<NeedId> addressed = s.currentPlan().map(PlanVersion::coveredNeeds).getOrElse(LinkedHashSet.empty());
    List<NeedId> free = s.openNeeds().map(Need::id).filter(id -> !addressed.contains(id)).toList();
    return free.isEmpty() ? openNeed(s) : pick(free);
  }

  private NeedId knownOrUnknownNeed(CaseFile s) {
    return s.needs().isEmpty() || random.nextBoolean() ? NeedId.of("N-404")
        : pick(s.needs().keySet().toList().sorted());
  }

  private LifeDomain inScope(CaseFile s) {
    return pick(s.scope().toList().sorted());
  }

  private LifeDomain outOfScope(CaseFile s) {
    List<LifeDomain> outside = List.of(LifeDomain.values()).filter(d -> !s.scope().contains(d));
    return outside.isEmpty() ? inScope(s) : pick(outside);
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** A random permutation (Fisher–Yates), from this chooser's random source only. */
  private <T> List<T> shuffled(List<T> values) {
    java.util.List<T> copy = new java.util.ArrayList<>(values.asJava());
    for (int i = copy.size() - 1; i > 0; i--) {
      java.util.Collections.swap(copy, i, random.nextInt(i + 1));
    }
    return List.ofAll(copy);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
