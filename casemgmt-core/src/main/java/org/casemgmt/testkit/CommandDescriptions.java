package org.casemgmt.testkit;

import io.vavr.collection.Set;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.internal.Check;

/**
 * Describes commands for a test report in the domain's words: the kind, the ids, days, amounts and enum
 * choices that decide the outcome, who issued it and when — and never free text or personal data, so a report
 * can be pasted into an issue. These descriptions are the lines of {@link GeneratedCase#story()} and of a
 * {@link ModelChecker.Failure}'s story.
 *
 * <pre>{@code
 * CommandDescriptions.describe(issuedCommand);
 * // "START_ASSESSMENT (by anna at 2026-01-05T09:00:00Z)"
 * CommandDescriptions.describe(command);
 * // "PLAN_INTERVENTION I-2 needs [N-1] goals [] COUNSELLING [2026-01-05, 2026-02-04) cost 100.00 by …"
 * }</pre>
 */
public final class CommandDescriptions {

  private CommandDescriptions() {}

  /**
   * One command as a line of a story, followed by who issued it, when, and the version they expected, if any.
   *
   * @param command the command, in its envelope
   * @return its description, without free text
   * @throws org.casemgmt.InvalidInputException if the command is missing
   */
  public static String describe(IssuedCommand command) {
    Check.orThrow(Check.present("command", command));
    return describe(command.command()) + stamp(command.issued());
  }

  /**
   * One command as a line of a story, without who issued it.
   *
   * @param command the bare command
   * @return its description, without free text
   * @throws org.casemgmt.InvalidInputException if the command is missing
   */
  public static String describe(Command command) {
    Check.orThrow(Check.present("command", command));
    return command.kind() + details(command);
  }

  private static String stamp(Issued issued) {
    return " (by " + issued.actor() + " at " + issued.at()
        + issued.expectedVersion().map(v -> ", expecting version " + v).getOrElse("") + ")";
  }

  private static String sorted(Set<?> values) {
    return values.map(String::valueOf).toList().sorted().mkString("[", ", ", "]");
  }

  private static String details(Command command) {
    if (command instanceof OpenCase c) {
      return " " + c.caseId() + " client " + c.client().id() + " manager "
          + c.caseManager().map(String::valueOf).getOrElse("(the issuer)") + " scope " + sorted(c.scope()) + " on "
          + c.openedOn();
    }
    if (command instanceof Countersign c) {
      return " " + c.what() + " on " + c.on();
    }
    if (command instanceof GrantConsent c) {
      return " " + sorted(c.domains()) + " with " + c.provider() + " on " + c.on();
    }
    if (command instanceof WithdrawConsent c) {
      return " " + sorted(c.domains()) + " from " + c.provider() + " on " + c.on();
    }
    if (command instanceof JoinTeam c) {
      return " " + c.member().staff() + " as " + c.member().role()
          + c.member().provider().map(p -> " for " + p).getOrElse("") + " since " + c.member().since();
    }
    if (command instanceof LeaveTeam c) {
      return " " + c.member() + " on " + c.on();
    }
    if (command instanceof HandOver c) {
      return " to " + c.newCaseManager();
    }
    if (command instanceof ExtendScope c) {
      return " " + sorted(c.domains()) + " consented on " + c.consentedOn();
    }
    if (command instanceof CloseCase c) {
      return " " + c.reason();
    }
    if (command instanceof RecordNeed c) {
      return " " + c.need() + " " + c.domain() + " " + c.priority() + " identified by " + c.identifiedBy();
    }
    if (command instanceof ReviseNeed c) {
      return " " + c.need() + " " + c.priority();
    }
    if (command instanceof WithdrawNeed c) {
      return " " + c.need();
    }
    if (command instanceof RecordStrength c) {
      return " " + c.domain();
    }
    if (command instanceof RecordResource c) {
      return " " + c.resource() + " " + c.type();
    }
    if (command instanceof StartPlanning c) {
      return " period " + c.period() + " threshold " + c.coverageThreshold();
    }
    if (command instanceof AddGoal c) {
      return " " + c.goal() + " needs " + sorted(c.needs()) + " due " + c.dueOn();
    }
    if (command instanceof PlanIntervention c) {
      return " " + c.intervention() + " needs " + sorted(c.needs()) + " goals " + sorted(c.goals()) + " "
          + c.service() + " " + c.window() + " cost " + c.cost() + " by " + c.provider().id() + " offering "
          + sorted(c.provider().offers());
    }
    if (command instanceof DeferNeed c) {
      return " " + c.need();
    }
    if (command instanceof SetBudgetCap c) {
      return " " + c.cap();
    }
    if (command instanceof RecordAgreement c) {
      return " on " + c.agreedOn();
    }
    if (command instanceof ApprovePlan c) {
      return " on " + c.approvedOn();
    }
    if (command instanceof StartIntervention c) {
      return " " + c.intervention() + " on " + c.on();
    }
    if (command instanceof SuspendIntervention c) {
      return " " + c.intervention() + " on " + c.on();
    }
    if (command instanceof ResumeIntervention c) {
      return " " + c.intervention() + " on " + c.on();
    }
    if (command instanceof CompleteIntervention c) {
      return " " + c.intervention() + " on " + c.on();
    }
    if (command instanceof CancelIntervention c) {
      return " " + c.intervention() + " on " + c.on();
    }
    if (command instanceof RecordReview c) {
      return " on " + c.on() + " " + c.decision() + " findings "
          + c.findings().toList().map(f -> f._1 + "=" + f._2).sorted().mkString("[", ", ", "]");
    }
    if (command instanceof RecordOutcome c) {
      return " " + c.goal() + " " + c.achievement();
    }
    if (command instanceof AddParticipant c) {
      return " " + c.participant().role();
    }
    if (command instanceof RequestReferral c) {
      return " " + c.referral() + " needs " + sorted(c.needs()) + " " + c.service() + " to " + c.provider().id()
          + " offering " + sorted(c.provider().offers()) + " on " + c.requestedOn();
    }
    if (command instanceof AcceptReferral c) {
      return " " + c.referral() + " on " + c.on();
    }
    if (command instanceof DeclineReferral c) {
      return " " + c.referral() + " on " + c.on();
    }
    if (command instanceof CompleteReferral c) {
      return " " + c.referral() + " on " + c.on() + (c.successful() ? " successful" : " not successful");
    }
    if (command instanceof Replan c) {
      return c.period().map(period -> " over " + period).getOrElse(" over the same period");
    }
    // SuspendCase, ResumeCase, ReopenCase, StartAssessment, CompleteAssessment, StartImplementation,
    // StartEvaluation: nothing but free text or nothing at all.
    return "";
  }
}
