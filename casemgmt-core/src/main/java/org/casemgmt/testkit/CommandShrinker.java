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
import org.casemgmt.party.StaffId;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.plan.Money;

/**
 * Simpler versions of a command, for shrinking after the sequence itself can lose no more commands: no
 * version expectation, fewer needs, goals, findings or domains, no cost. Every candidate is strictly simpler
 * than the command it comes from, so repeated shrinking ends.
 */
final class CommandShrinker {

  private CommandShrinker() {}

  static Shrinkable<IssuedCommand> shrinkable(IssuedCommand command) {
    return Shrinkable.unfold(command, CommandShrinker::simpler);
  }

  /**
   * As {@link #shrinkable(IssuedCommand)}, and first two candidates that let whole commands go: a need recorded in
   * a domain outside the opening's scope recorded in the scope's first domain instead (the story then needs no
   * extension of the scope), and the command issued by the case's first manager (it then needs no team member
   * joining and no hand-over).
   */
  static Shrinkable<IssuedCommand> shrinkable(IssuedCommand command, StaffId opener,
      Set<org.casemgmt.need.LifeDomain> openingScope) {
    org.casemgmt.need.LifeDomain first = openingScope.toList().sorted().head();
    return Shrinkable.unfold(command, c -> {
      Stream<IssuedCommand> inScope = c.command() instanceof RecordNeed n && !openingScope.contains(n.domain())
          ? Stream.of(IssuedCommand.of(c.issued(), new RecordNeed(n.need(), first, n.description(), n.priority(),
              n.identifiedBy())))
          : Stream.empty();
      Stream<IssuedCommand> byOpener = c.issued().actor().equals(opener) ? Stream.empty()
          : Stream.of(IssuedCommand.of(new Issued(opener, c.issued().at(), c.issued().expectedVersion(),
              c.issued().commandId()), c.command()));
      return Stream.concat(Stream.concat(inScope, byOpener), simpler(c));
    });
  }

  /** The envelope without its version expectation, then simpler commands in the same envelope. */
  static Stream<IssuedCommand> simpler(IssuedCommand issuedCommand) {
    Issued issued = issuedCommand.issued();
    Stream<IssuedCommand> plainer = issued.expectedVersion().isDefined()
        ? Stream.of(IssuedCommand.of(Issued.by(issued.actor(), issued.at()), issuedCommand.command()))
        : Stream.empty();
    return Stream.concat(plainer, simpler(issuedCommand.command()).map(c -> IssuedCommand.of(issued, c)));
  }

  static Stream<Command> simpler(Command command) {
    java.util.List<Command> candidates = new ArrayList<>();
    if (command instanceof PlanIntervention c) {
      for (Set<org.casemgmt.need.NeedId> fewer : fewer(c.needs())) {
        candidates.add(new PlanIntervention(c.intervention(), fewer, c.goals(), c.provider(), c.service(),
            c.window(), c.cost()));
      }
      if (!c.goals().isEmpty()) {
        candidates.add(new PlanIntervention(c.intervention(), c.needs(), HashSet.empty(), c.provider(),
            c.service(), c.window(), c.cost()));
      }
      if (!c.cost().equals(Money.ZERO)) {
        candidates.add(new PlanIntervention(c.intervention(), c.needs(), c.goals(), c.provider(),
            c.service(), c.window(), Money.ZERO));
      }
    } else if (command instanceof AddGoal c) {
      for (Set<org.casemgmt.need.NeedId> fewer : fewer(c.needs())) {
        candidates.add(new AddGoal(c.goal(), fewer, c.description(), c.target(), c.dueOn()));
      }
    } else if (command instanceof RecordReview c && !c.findings().isEmpty()) {
      candidates.add(new RecordReview(c.on(), HashMap.empty(), c.decision()));
    } else if (command instanceof ExtendScope c) {
      for (Set<org.casemgmt.need.LifeDomain> fewer : fewer(c.domains())) {
        candidates.add(new ExtendScope(fewer, c.consentedOn()));
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
}
