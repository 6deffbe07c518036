package org.casemgmt.examples;

import io.vavr.collection.Traversable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseEvent.*;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.plan.Intervention;

/**
 * Turns a case's recorded events into readable lines: sequence number, date, actor, event kind, the ids,
 * kinds, days and amounts the event carries, and the phase the case is in afterwards.
 *
 * <p>What is left out matters as much: the client's name and birth date, and every free-text field (need
 * descriptions, goals, reasons, the closing note), are never printed, whatever their own {@code toString}
 * does. Providers are shown by id only, since an informal provider's name is a person's name. Sets are printed
 * sorted, so the output is the same on every run.
 *
 * <pre>{@code
 * HistoryPrinter.line(recordedEvent, caseFile.phase());
 * // "   7  2026-02-03  sw-01   NeedRecorded           need=N-2 domain=PSYCHOLOGICAL_WELLBEING priority=HIGH ..."
 * }</pre>
 */
public final class HistoryPrinter {

  private HistoryPrinter() {}

  /** The heading that goes with {@link #line}. */
  public static String header() {
    return String.format("%4s  %-10s  %-6s  %-22s %-74s %s", "#", "date", "actor", "event", "details", "phase");
  }

  /**
   * One line of the history.
   *
   * @param recorded   the event as stored
   * @param phaseAfter the case's phase once the event is applied
   * @return the line, without personal data or free text
   */
  public static String line(RecordedEvent recorded, Phase phaseAfter) {
    LocalDate date = LocalDate.ofInstant(recorded.at(), ZoneOffset.UTC);
    return String.format("%4d  %s  %-6s  %-22s %-74s %s", recorded.sequence(), date, recorded.actor(),
        kind(recorded.event()), details(recorded.event()), phaseAfter);
  }

  /** The event's kind, the simple name of its type (e.g. {@code InterventionPlanned}). */
  public static String kind(CaseEvent event) {
    return event.getClass().getSimpleName();
  }

  /**
   * The ids, kinds, days and amounts an event carries, never its free text.
   *
   * @param event any event; its free-text fields are left out
   * @return e.g. {@code "intervention=I-2 on=2026-02-23"}
   */
  public static String details(CaseEvent event) {
    if (event instanceof CaseOpened e) {
      return "case=" + e.caseId() + " client=" + e.client().id() + " caseManager=" + e.caseManager()
          + " scope=" + sorted(e.scope());
    }
    if (event instanceof TeamMemberJoined e) {
      return "member=" + e.member().staff() + " role=" + e.member().role()
          + e.member().provider().map(p -> " provider=" + p).getOrElse("");
    }
    if (event instanceof TeamMemberLeft e) {
      return "member=" + e.member() + " on=" + e.on();
    }
    if (event instanceof CaseHandedOver e) {
      return "from=" + e.from() + " to=" + e.to();
    }
    if (event instanceof ScopeExtended e) {
      return "domains=" + sorted(e.domains()) + " consentedOn=" + e.consentedOn();
    }
    if (event instanceof CaseClosed e) {
      return "reason=" + e.reason();
    }
    if (event instanceof NeedRecorded e) {
      return "need=" + e.need().id() + " domain=" + e.need().domain() + " priority=" + e.need().priority()
          + " identifiedBy=" + e.need().identifiedBy();
    }
    if (event instanceof NeedRevised e) {
      return "need=" + e.need() + " priority=" + e.priority();
    }
    if (event instanceof NeedWithdrawn e) {
      return "need=" + e.need();
    }
    if (event instanceof StrengthRecorded e) {
      return "domain=" + e.strength().domain();
    }
    if (event instanceof ResourceRecorded e) {
      return "resource=" + e.resource().id() + " type=" + e.resource().type()
          + (e.resource().type().isFormal() ? " (formal)" : " (informal)");
    }
    if (event instanceof PlanningStarted e) {
      return "planVersion=" + e.planVersion() + " period=" + e.period() + " coverage>=" + e.coverageThreshold();
    }
    if (event instanceof GoalAdded e) {
      return "goal=" + e.goal().id() + " needs=" + sorted(e.goal().needs()) + " dueOn=" + e.goal().dueOn();
    }
    if (event instanceof InterventionPlanned e) {
      Intervention i = e.intervention();
      return "intervention=" + i.id() + " needs=" + sorted(i.needs()) + " goals=" + sorted(i.goals())
          + " provider=" + i.provider() + " kind=" + i.kind() + " window=" + i.window() + " cost=" + i.cost();
    }
    if (event instanceof NeedDeferred e) {
      return "need=" + e.need();
    }
    if (event instanceof BudgetCapSet e) {
      return "cap=" + e.cap();
    }
    if (event instanceof PlanAgreed e) {
      return "agreedOn=" + e.agreedOn();
    }
    if (event instanceof PlanApproved e) {
      return "approvedOn=" + e.approvedOn();
    }
    if (event instanceof InterventionStarted e) {
      return "intervention=" + e.intervention() + " on=" + e.on();
    }
    if (event instanceof InterventionSuspended e) {
      return "intervention=" + e.intervention() + " on=" + e.on();
    }
    if (event instanceof InterventionResumed e) {
      return "intervention=" + e.intervention() + " on=" + e.on();
    }
    if (event instanceof InterventionCompleted e) {
      return "intervention=" + e.intervention() + " on=" + e.on();
    }
    if (event instanceof InterventionCancelled e) {
      return "intervention=" + e.intervention() + " on=" + e.on();
    }
    if (event instanceof ReviewRecorded e) {
      return "on=" + e.on() + " decision=" + e.decision() + " findings=" + e.findings().toList()
          .map(f -> f._1 + ":" + f._2).sorted().mkString("[", ", ", "]");
    }
    if (event instanceof OutcomeRecorded e) {
      return "goal=" + e.goal() + " achievement=" + e.achievement();
    }
    if (event instanceof ParticipantAdded e) {
      return "role=" + e.participant().role();
    }
    if (event instanceof ReferralRequested e) {
      return "referral=" + e.referral().id() + " needs=" + sorted(e.referral().needs()) + " provider="
          + e.referral().provider().id() + " service=" + e.referral().service() + " on=" + e.referral().requestedOn();
    }
    if (event instanceof ReferralAccepted e) {
      return "referral=" + e.referral() + " on=" + e.on();
    }
    if (event instanceof ReferralDeclined e) {
      return "referral=" + e.referral() + " on=" + e.on();
    }
    if (event instanceof ReferralCompleted e) {
      return "referral=" + e.referral() + " on=" + e.on() + " successful=" + e.successful();
    }
    // CaseSuspended, CaseResumed, CaseReopened, AssessmentStarted, AssessmentCompleted, ImplementationStarted,
    // EvaluationStarted, ReplanningStarted: the kind says it all, and their only field, if any, is free text.
    return "";
  }

  /** A set printed in a stable order, whatever its hashing. */
  static String sorted(Traversable<?> values) {
    return values.toList().map(String::valueOf).sorted().mkString("[", ", ", "]");
  }
}
