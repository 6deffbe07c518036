package org.casemgmt.testkit;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Set;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.casefile.Issued;
import org.casemgmt.plan.Money;

/**
 * Simpler versions of a command, for shrinking after the sequence itself can lose no more commands: no
 * version expectation, fewer needs, goals, findings or domains, no cost. Every candidate is strictly simpler
 * than the command it comes from, so repeated shrinking ends.
 */
final class CommandShrinker {

  private CommandShrinker() {}

  static Shrinkable<Command> shrinkable(Command command) {
    return Shrinkable.unfold(command, CommandShrinker::simpler);
  }

  static Stream<Command> simpler(Command command) {
    java.util.List<Command> candidates = new ArrayList<>();
    Issued issued = command.issued();
    if (issued.expectedVersion().isDefined()) {
      candidates.add(withIssued(command, Issued.by(issued.actor(), issued.at())));
    }
    if (command instanceof PlanIntervention c) {
      for (Set<org.casemgmt.need.NeedId> fewer : fewer(c.needs())) {
        candidates.add(new PlanIntervention(issued, c.intervention(), fewer, c.goals(), c.provider(), c.service(),
            c.window(), c.cost()));
      }
      if (!c.goals().isEmpty()) {
        candidates.add(new PlanIntervention(issued, c.intervention(), c.needs(), HashSet.empty(), c.provider(),
            c.service(), c.window(), c.cost()));
      }
      if (!c.cost().equals(Money.ZERO)) {
        candidates.add(new PlanIntervention(issued, c.intervention(), c.needs(), c.goals(), c.provider(),
            c.service(), c.window(), Money.ZERO));
      }
    } else if (command instanceof AddGoal c) {
      for (Set<org.casemgmt.need.NeedId> fewer : fewer(c.needs())) {
        candidates.add(new AddGoal(issued, c.goal(), fewer, c.description(), c.target(), c.dueOn()));
      }
    } else if (command instanceof RecordReview c && !c.findings().isEmpty()) {
      candidates.add(new RecordReview(issued, c.on(), HashMap.empty(), c.decision()));
    } else if (command instanceof ExtendScope c) {
      for (Set<org.casemgmt.need.LifeDomain> fewer : fewer(c.domains())) {
        candidates.add(new ExtendScope(issued, fewer, c.consentedOn()));
      }
    }
    return candidates.stream();
  }

  /** The singletons of a set of two or more elements, in a reproducible order. */
  private static <T> java.util.List<Set<T>> fewer(Set<T> values) {
    java.util.List<Set<T>> singletons = new ArrayList<>();
    if (values.size() > 1) {
      values.toList().sortBy(String::valueOf).forEach(v -> singletons.add(LinkedHashSet.of(v)));
    }
    return singletons;
  }

  /** The same command with another stamp; every command type is listed, so a new one fails to compile here. */
  static Command withIssued(Command c, Issued i) {
    if (c instanceof OpenCase x) {
      return new OpenCase(i, x.caseId(), x.client(), x.caseManager(), x.scope(), x.openedOn());
    } else if (c instanceof HandOver x) {
      return new HandOver(i, x.newCaseManager());
    } else if (c instanceof ExtendScope x) {
      return new ExtendScope(i, x.domains(), x.consentedOn());
    } else if (c instanceof SuspendCase x) {
      return new SuspendCase(i, x.reason());
    } else if (c instanceof ResumeCase) {
      return new ResumeCase(i);
    } else if (c instanceof CloseCase x) {
      return new CloseCase(i, x.reason(), x.closedOn(), x.note());
    } else if (c instanceof ReopenCase x) {
      return new ReopenCase(i, x.reason());
    } else if (c instanceof StartAssessment) {
      return new StartAssessment(i);
    } else if (c instanceof RecordNeed x) {
      return new RecordNeed(i, x.need(), x.domain(), x.description(), x.priority(), x.identifiedBy());
    } else if (c instanceof ReviseNeed x) {
      return new ReviseNeed(i, x.need(), x.description(), x.priority());
    } else if (c instanceof WithdrawNeed x) {
      return new WithdrawNeed(i, x.need(), x.reason());
    } else if (c instanceof RecordStrength x) {
      return new RecordStrength(i, x.domain(), x.description());
    } else if (c instanceof RecordResource x) {
      return new RecordResource(i, x.resource(), x.type(), x.description());
    } else if (c instanceof CompleteAssessment) {
      return new CompleteAssessment(i);
    } else if (c instanceof StartPlanning x) {
      return new StartPlanning(i, x.period(), x.coverageThreshold());
    } else if (c instanceof AddGoal x) {
      return new AddGoal(i, x.goal(), x.needs(), x.description(), x.target(), x.dueOn());
    } else if (c instanceof PlanIntervention x) {
      return new PlanIntervention(i, x.intervention(), x.needs(), x.goals(), x.provider(), x.service(), x.window(),
          x.cost());
    } else if (c instanceof DeferNeed x) {
      return new DeferNeed(i, x.need(), x.reason());
    } else if (c instanceof SetBudgetCap x) {
      return new SetBudgetCap(i, x.cap());
    } else if (c instanceof RecordAgreement x) {
      return new RecordAgreement(i, x.agreedOn());
    } else if (c instanceof ApprovePlan x) {
      return new ApprovePlan(i, x.approvedOn());
    } else if (c instanceof StartImplementation) {
      return new StartImplementation(i);
    } else if (c instanceof StartIntervention x) {
      return new StartIntervention(i, x.intervention(), x.on());
    } else if (c instanceof SuspendIntervention x) {
      return new SuspendIntervention(i, x.intervention(), x.on());
    } else if (c instanceof ResumeIntervention x) {
      return new ResumeIntervention(i, x.intervention(), x.on());
    } else if (c instanceof CompleteIntervention x) {
      return new CompleteIntervention(i, x.intervention(), x.on());
    } else if (c instanceof CancelIntervention x) {
      return new CancelIntervention(i, x.intervention(), x.on(), x.reason());
    } else if (c instanceof RecordReview x) {
      return new RecordReview(i, x.on(), x.findings(), x.decision());
    } else if (c instanceof StartEvaluation) {
      return new StartEvaluation(i);
    } else if (c instanceof RecordOutcome x) {
      return new RecordOutcome(i, x.goal(), x.achievement());
    } else if (c instanceof Replan x) {
      return new Replan(i, x.reason());
    }
    throw new IllegalArgumentException("unknown command type " + c.getClass().getName());
  }
}
