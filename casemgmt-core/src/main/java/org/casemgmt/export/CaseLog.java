package org.casemgmt.export;

import io.vavr.collection.List;
import io.vavr.collection.Set;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.PlanVersion;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReferralStatus;
import org.casemgmt.plan.ReviewDecision;

/**
 * Follows one case's history and turns each recorded event into the lines of the event log (usually one).
 *
 * <p>Several lines need the case as it stood: the phase before and after, the plan version, the service kind of
 * an intervention that is only named by id, whether a cancelled intervention had started, and above all what a
 * closure ended. So the log keeps the case file: it applies each event to it with {@link CaseFile#evolve} (the
 * first, {@code CaseOpened}, with {@link CaseFile#replayTrusted}) — the very evolution the rules use, not a
 * second copy of it. The work a closure ended is the difference between the case file before the
 * {@code CaseClosed} and after it: every intervention that became cancelled and every referral that became
 * withdrawn there gets its own line, in id order, before the closure's line. The histories must be valid ones (as
 * {@link CaseFile#decide} records them); applying an event that could not follow fails as {@code evolve} does.
 */
final class CaseLog {

  /** Receives each line; the line object is reused for the next. */
  interface Sink {
    void line(LogLine line);
  }

  private CaseFile state;
  private long lines;

  /** {@return the case file after the event being followed (null before the opening)} */
  CaseFile file() {
    return state;
  }

  /**
   * Derives the lines of the next event of the case and hands them to the sink.
   *
   * @throws org.casemgmt.InvalidInputException if the first event is not the case's opening, an event is out of
   *     sequence, or it cannot follow the case file (as {@code evolve} refuses it)
   */
  void follow(RecordedEvent recorded, LogLine line, Sink sink) {
    CaseFile before = state;
    CaseFile after;
    if (before == null) {
      if (!(recorded.event() instanceof CaseEvent.CaseOpened)) {
        throw malformed("a case's log starts with its CaseOpened, not event " + recorded.sequence());
      }
      after = CaseFile.replayTrusted(List.of(recorded))
          .getOrElseThrow(problem -> malformed("the opening is out of sequence"));
    } else {
      after = before.evolve(List.of(recorded));
    }
    state = after;
    CaseEvent event = recorded.event();
    if (event instanceof CaseEvent.CaseClosed && before != null) {
      closedWork(recorded, before, after, line, sink);
    }
    start(line, recorded, before, after, Activity.of(event.kind()));
    describe(line, event, before, after);
    sink.line(line);
  }

  private void start(LogLine line, RecordedEvent recorded, CaseFile before, CaseFile after, Activity activity) {
    line.clear();
    line.activity = activity;
    line.transition = activity.transition();
    line.sequence = ++lines;
    line.version = recorded.sequence();
    line.at = recorded.at();
    line.resource = recorded.actor().value();
    line.phaseBefore = before == null ? null : before.phase();
    line.phaseAfter = after.phase();
    PlanVersion plan = after.currentPlan().getOrNull();
    line.planVersion = plan == null ? -1 : plan.number();
  }

  /** The interventions cancelled and referrals withdrawn by a closure, each a line of its own. */
  private void closedWork(RecordedEvent recorded, CaseFile before, CaseFile after, LogLine line, Sink sink) {
    CaseEvent.CaseClosed closed = (CaseEvent.CaseClosed) recorded.event();
    PlanVersion was = before.currentPlan().getOrNull();
    PlanVersion is = after.currentPlan().getOrNull();
    if (was != null && is != null) {
      for (Intervention i : was.interventions().values().sortBy(Intervention::id)) {
        Intervention ended = is.intervention(i.id()).getOrNull();
        if (i.status() != InterventionStatus.CANCELLED && ended != null
            && ended.status() == InterventionStatus.CANCELLED) {
          start(line, recorded, before, after, Activity.INTERVENTION_CANCELLED);
          intervention(line, i);
          line.transition = i.status() == InterventionStatus.PLANNED ? "withdraw" : "ate_abort";
          line.closureReason = closed.reason();
          sink.line(line);
        }
      }
    }
    for (Referral r : before.referrals().values().sortBy(Referral::id)) {
      Referral ended = after.referrals().get(r.id()).getOrNull();
      if (r.status() != ReferralStatus.WITHDRAWN && ended != null && ended.status() == ReferralStatus.WITHDRAWN) {
        start(line, recorded, before, after, Activity.REFERRAL_WITHDRAWN);
        referral(line, r);
        line.transition = r.status() == ReferralStatus.REQUESTED ? "withdraw" : "ate_abort";
        line.closureReason = closed.reason();
        sink.line(line);
      }
    }
  }

  private static void describe(LogLine line, CaseEvent event, CaseFile before, CaseFile after) {
    if (event instanceof CaseEvent.CaseClosed e) {
      line.closureReason = e.reason();
    } else if (event instanceof CaseEvent.NeedRecorded e) {
      need(line, e.need());
    } else if (event instanceof CaseEvent.NeedRevised e) {
      line.needs = e.need().value();
      line.priority = e.priority();
    } else if (event instanceof CaseEvent.NeedWithdrawn e) {
      line.needs = e.need().value();
    } else if (event instanceof CaseEvent.NeedDeferred e) {
      line.needs = e.need().value();
    } else if (event instanceof CaseEvent.GoalAdded e) {
      goal(line, e.goal());
    } else if (event instanceof CaseEvent.OutcomeRecorded e) {
      line.goal = e.goal().value();
      line.achievement = e.achievement();
    } else if (event instanceof CaseEvent.InterventionPlanned e) {
      intervention(line, e.intervention());
      line.cost = e.intervention().cost();
    } else if (event instanceof CaseEvent.InterventionStarted e) {
      intervention(line, after, e.intervention());
    } else if (event instanceof CaseEvent.InterventionSuspended e) {
      intervention(line, after, e.intervention());
    } else if (event instanceof CaseEvent.InterventionResumed e) {
      intervention(line, after, e.intervention());
    } else if (event instanceof CaseEvent.InterventionCompleted e) {
      intervention(line, after, e.intervention());
    } else if (event instanceof CaseEvent.InterventionCancelled e) {
      intervention(line, after, e.intervention());
      Intervention was = before == null ? null
          : before.currentPlan().flatMap(p -> p.intervention(e.intervention())).getOrNull();
      line.transition = was != null && was.status() == InterventionStatus.PLANNED ? "withdraw" : "ate_abort";
    } else if (event instanceof CaseEvent.BudgetCapSet e) {
      line.budgetCap = e.cap();
    } else if (event instanceof CaseEvent.ReviewRecorded e) {
      line.decision = e.decision();
      line.findings = e.findings().size();
      if (e.findings().isEmpty() && e.decision() == ReviewDecision.PROCEED_TO_EVALUATION) {
        line.activity = Activity.MOVE_TO_EVALUATION;
        line.transition = Activity.MOVE_TO_EVALUATION.transition();
      }
    } else if (event instanceof CaseEvent.ReferralRequested e) {
      referral(line, e.referral());
    } else if (event instanceof CaseEvent.ReferralAccepted e) {
      referral(line, after, e.referral());
    } else if (event instanceof CaseEvent.ReferralDeclined e) {
      referral(line, after, e.referral());
    } else if (event instanceof CaseEvent.ReferralCompleted e) {
      referral(line, after, e.referral());
      line.successful = e.successful();
    }
  }

  private static void need(LogLine line, Need need) {
    line.needs = need.id().value();
    line.domain = need.domain();
    line.priority = need.priority();
  }

  private static void goal(LogLine line, Goal goal) {
    line.goal = goal.id().value();
    line.needs = ids(goal.needs());
  }

  private static void intervention(LogLine line, CaseFile file, InterventionId id) {
    Intervention i = file.currentPlan().flatMap(p -> p.intervention(id)).getOrNull();
    if (i == null) {
      line.intervention = id.value();
    } else {
      intervention(line, i);
    }
  }

  private static void intervention(LogLine line, Intervention i) {
    line.intervention = i.id().value();
    line.needs = ids(i.needs());
    if (!i.goals().isEmpty()) {
      line.goal = i.goals().size() == 1 ? i.goals().head().value()
          : i.goals().toList().sorted().map(GoalId::value).mkString(" ");
    }
    line.provider = i.provider().value();
    line.serviceKind = i.kind().code();
  }

  private static void referral(LogLine line, CaseFile file, ReferralId id) {
    Referral r = file.referrals().get(id).getOrNull();
    if (r == null) {
      line.referral = id.value();
    } else {
      referral(line, r);
    }
  }

  private static void referral(LogLine line, Referral r) {
    line.referral = r.id().value();
    line.needs = ids(r.needs());
    line.provider = r.provider().id().value();
    line.serviceKind = r.service().code();
  }

  /** Several needs as one value: their ids in order, separated by spaces (ids hold none). */
  private static String ids(Set<NeedId> needs) {
    if (needs.size() == 1) {
      return needs.head().value();
    }
    return needs.toList().sorted().map(NeedId::value).mkString(" ");
  }

  /** A history a log cannot follow: input the caller got wrong, named without quoting any of it but numbers. */
  static org.casemgmt.InvalidInputException malformed(String detail) {
    return new org.casemgmt.InvalidInputException(io.vavr.collection.List.of(
        new org.casemgmt.InputError("history", org.casemgmt.InputError.Problem.MALFORMED, detail)));
  }
}
