package org.casemgmt.casefile;

import static org.casemgmt.casefile.CommandKind.*;
import static org.casemgmt.casefile.Phase.*;

import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import java.util.EnumMap;
import java.util.EnumSet;
import org.casemgmt.internal.Check;
import org.casemgmt.plan.ReviewDecision;

/**
 * The phase machine as data: for each phase, the commands permitted in it and the phases each command may
 * lead to. This is the one place that says which moves exist; {@link CaseFile#decide} refuses a command the
 * table does not permit before it looks at any rule, and diagrams are drawn from {@link #transitions()}.
 *
 * <p>The loop-backs practice needs are rows like any other: monitoring → planning (adjust the plan),
 * monitoring → assessment (new needs), evaluation → planning (goals not met: re-plan instead of closing),
 * closed → assessment (reopen). Every open phase may close early. While a case is suspended only
 * {@link CommandKind#RESUME_CASE}, {@link CommandKind#CLOSE_CASE} and {@link CommandKind#HAND_OVER} are
 * permitted ({@link #permittedWhileSuspended()}).
 *
 * <pre>{@code
 * PhaseTable.permitted(Phase.PLANNING, false).contains(CommandKind.APPROVE_PLAN); // true
 * PhaseTable.targets(Phase.MONITORING, CommandKind.RECORD_REVIEW); // ASSESSMENT, PLANNING, MONITORING, EVALUATION
 * }</pre>
 */
public final class PhaseTable {

  /**
   * One row of the table: in phase {@code from}, a command of kind {@code command} is permitted and may lead
   * to any of {@code to} (a command that keeps the phase lists {@code from} itself).
   *
   * @param from    the phase the case is in
   * @param command the kind of command
   * @param to      the phases the case may be in afterwards
   */
  public record Transition(Phase from, CommandKind command, Set<Phase> to) {

    /**
     * Creates a row, checking that every part is present.
     *
     * @param from    the phase the case is in
     * @param command the kind of command
     * @param to      the phases the case may be in afterwards
     */
    public Transition {
      Check.orThrow(Check.present("from", from), Check.present("command", command), Check.present("to", to));
    }

    /** {@return whether the command changes the phase (at least one target differs from {@code from})} */
    public boolean changesPhase() {
      return to.exists(p -> p != from);
    }
  }

  /** Commands that keep the phase and are permitted in every open phase: the case's people and scope. */
  private static final List<CommandKind> ANY_OPEN_PHASE =
      List.of(HAND_OVER, EXTEND_SCOPE, SUSPEND_CASE, JOIN_TEAM, LEAVE_TEAM, GRANT_CONSENT, WITHDRAW_CONSENT,
          COUNTERSIGN);

  /** Referrals to external providers are followed from planning until monitoring ends. */
  private static final List<CommandKind> REFERRALS =
      List.of(REQUEST_REFERRAL, ACCEPT_REFERRAL, DECLINE_REFERRAL, COMPLETE_REFERRAL);

  /** Commands on interventions while they are being delivered. */
  private static final List<CommandKind> DELIVERY = List.of(
      START_INTERVENTION, SUSPEND_INTERVENTION, RESUME_INTERVENTION, COMPLETE_INTERVENTION, CANCEL_INTERVENTION);

  private static final Seq<Transition> TABLE = List.<Transition>empty()
      .appendAll(stay(INTAKE, ANY_OPEN_PHASE))
      .append(row(INTAKE, START_ASSESSMENT, ASSESSMENT))
      .append(row(INTAKE, CLOSE_CASE, CLOSED))

      .appendAll(stay(ASSESSMENT, ANY_OPEN_PHASE))
      .appendAll(stay(ASSESSMENT, List.of(
          RECORD_NEED, REVISE_NEED, WITHDRAW_NEED, RECORD_STRENGTH, RECORD_RESOURCE, COMPLETE_ASSESSMENT)))
      .append(row(ASSESSMENT, START_PLANNING, PLANNING))
      .append(row(ASSESSMENT, CLOSE_CASE, CLOSED))

      .appendAll(stay(PLANNING, ANY_OPEN_PHASE))
      .appendAll(stay(PLANNING, List.of(
          ADD_GOAL, PLAN_INTERVENTION, CANCEL_INTERVENTION, DEFER_NEED, SET_BUDGET_CAP, ADD_PARTICIPANT,
          RECORD_AGREEMENT, APPROVE_PLAN)))
      .appendAll(stay(PLANNING, REFERRALS))
      .append(row(PLANNING, START_IMPLEMENTATION, IMPLEMENTATION))
      .append(row(PLANNING, CLOSE_CASE, CLOSED))

      .appendAll(stay(IMPLEMENTATION, ANY_OPEN_PHASE))
      .appendAll(stay(IMPLEMENTATION, DELIVERY))
      .appendAll(stay(IMPLEMENTATION, REFERRALS))
      .append(row(IMPLEMENTATION, RECORD_REVIEW, MONITORING, PLANNING, ASSESSMENT, EVALUATION))
      .append(row(IMPLEMENTATION, CLOSE_CASE, CLOSED))

      .appendAll(stay(MONITORING, ANY_OPEN_PHASE))
      .appendAll(stay(MONITORING, DELIVERY))
      .appendAll(stay(MONITORING, REFERRALS))
      .append(row(MONITORING, RECORD_REVIEW, MONITORING, PLANNING, ASSESSMENT, EVALUATION))
      .append(row(MONITORING, START_EVALUATION, EVALUATION))
      .append(row(MONITORING, CLOSE_CASE, CLOSED))

      .appendAll(stay(EVALUATION, ANY_OPEN_PHASE))
      .append(row(EVALUATION, RECORD_OUTCOME, EVALUATION))
      .append(row(EVALUATION, REPLAN, PLANNING))
      .append(row(EVALUATION, CLOSE_CASE, CLOSED))

      .append(row(CLOSED, REOPEN_CASE, ASSESSMENT));

  /**
   * What a suspended case accepts, whatever its phase: resuming, closing, and handing it over (a case manager may
   * leave during a long suspension; there is always exactly one reference person).
   */
  private static final EnumSet<CommandKind> SUSPENDED_ONLY = EnumSet.of(HAND_OVER, RESUME_CASE, CLOSE_CASE);
  private static final Set<CommandKind> WHILE_SUSPENDED = LinkedHashSet.ofAll(SUSPENDED_ONLY);

  /** The phase every case starts in, when {@link CommandKind#OPEN_CASE} opens it. */
  private static final Phase INITIAL = INTAKE;

  // Fast look-ups for the hot path, built once from TABLE.
  private static final EnumMap<Phase, EnumSet<CommandKind>> PERMITTED = new EnumMap<>(Phase.class);
  private static final EnumMap<Phase, EnumMap<CommandKind, EnumSet<Phase>>> TARGETS = new EnumMap<>(Phase.class);

  /**
   * Where a monitoring review's decision takes the case: each is one of the table's targets for
   * {@link CommandKind#RECORD_REVIEW} (checked when the class loads).
   */
  private static final EnumMap<ReviewDecision, Phase> AFTER_REVIEW = new EnumMap<>(ReviewDecision.class);

  /** The one phase a command leads to from a phase, where the table names exactly one; null elsewhere. */
  private static final Phase[][] ONLY_TARGET = new Phase[Phase.values().length][CommandKind.values().length];

  static {
    AFTER_REVIEW.put(ReviewDecision.CONTINUE, MONITORING);
    AFTER_REVIEW.put(ReviewDecision.ADJUST_PLAN, PLANNING);
    AFTER_REVIEW.put(ReviewDecision.REASSESS, ASSESSMENT);
    AFTER_REVIEW.put(ReviewDecision.PROCEED_TO_EVALUATION, EVALUATION);
    for (Phase phase : Phase.values()) {
      PERMITTED.put(phase, EnumSet.noneOf(CommandKind.class));
      TARGETS.put(phase, new EnumMap<>(CommandKind.class));
    }
    for (Transition t : TABLE) {
      PERMITTED.get(t.from()).add(t.command());
      TARGETS.get(t.from()).computeIfAbsent(t.command(), k -> EnumSet.noneOf(Phase.class)).addAll(t.to().toJavaSet());
    }
    TARGETS.forEach((from, byCommand) -> byCommand.forEach((command, to) -> {
      if (to.size() == 1) {
        ONLY_TARGET[from.ordinal()][command.ordinal()] = to.iterator().next();
      }
      if (command == RECORD_REVIEW && !to.equals(EnumSet.copyOf(AFTER_REVIEW.values()))) {
        throw new ExceptionInInitializerError("a review's decisions must lead to the table's review targets");
      }
    }));
  }

  private PhaseTable() {}

  private static Transition row(Phase from, CommandKind command, Phase... to) {
    return new Transition(from, command, LinkedHashSet.of(to));
  }

  private static List<Transition> stay(Phase phase, List<CommandKind> commands) {
    return commands.map(command -> row(phase, command, phase));
  }

  /** {@return every row of the table, in the order of the methodology} */
  public static Seq<Transition> transitions() {
    return TABLE;
  }

  /** {@return the phase a case is in when {@link CommandKind#OPEN_CASE} opens it} */
  public static Phase initial() {
    return INITIAL;
  }

  /** {@return the commands a suspended case accepts, whatever its phase} */
  public static Set<CommandKind> permittedWhileSuspended() {
    return WHILE_SUSPENDED;
  }

  /**
   * The commands permitted in a phase.
   *
   * @param phase     the case's phase
   * @param suspended whether the case is suspended, which permits the same few commands in every phase
   * @return the permitted kinds, in declaration order
   * @throws org.casemgmt.InvalidInputException if the phase is missing
   */
  public static Set<CommandKind> permitted(Phase phase, boolean suspended) {
    Check.notNull(phase, "phase");
    if (suspended) {
      return WHILE_SUSPENDED;
    }
    return LinkedHashSet.ofAll(PERMITTED.get(phase));
  }

  /**
   * Whether a command of this kind is permitted; allocation-free, for the hot path.
   *
   * @param phase     the case's phase
   * @param suspended whether the case is suspended
   * @param command   the kind of command asked about
   * @return true if {@link #permitted(Phase, boolean)} would contain {@code command}
   * @throws org.casemgmt.InvalidInputException if the phase or the kind is missing
   */
  public static boolean isPermitted(Phase phase, boolean suspended, CommandKind command) {
    Check.orThrow(Check.present("phase", phase), Check.present("command", command));
    return (suspended ? SUSPENDED_ONLY : PERMITTED.get(phase)).contains(command);
  }

  /**
   * The phases a command may lead to from a phase; empty if it is not permitted there.
   * Resuming keeps the phase a case was suspended in (any open phase).
   *
   * @param from    the phase the command is issued in
   * @param command the kind of command asked about
   * @return the phases the case may be in afterwards, in declaration order; {@code from} itself for a command
   *     that keeps the phase; empty if the command is not permitted there
   * @throws org.casemgmt.InvalidInputException if the phase or the kind is missing
   */
  public static Set<Phase> targets(Phase from, CommandKind command) {
    Check.orThrow(Check.present("from", from), Check.present("command", command));
    if (command == RESUME_CASE) {
      return from.isOpen() ? LinkedHashSet.of(from) : LinkedHashSet.empty();
    }
    EnumSet<Phase> to = TARGETS.get(from).get(command);
    return to == null ? LinkedHashSet.empty() : LinkedHashSet.ofAll(to);
  }

  /**
   * Whether the move {@code from → to} by a command of this kind is in the table.
   *
   * @param from    the phase the command is issued in
   * @param command the kind of command asked about
   * @param to      the phase it would lead to
   * @return true if {@code to} is among {@link #targets(Phase, CommandKind)}
   * @throws org.casemgmt.InvalidInputException if a phase or the kind is missing
   */
  public static boolean allows(Phase from, CommandKind command, Phase to) {
    Check.orThrow(Check.present("from", from), Check.present("command", command), Check.present("to", to));
    if (command == RESUME_CASE) {
      return from.isOpen() && from == to;
    }
    EnumSet<Phase> targets = TARGETS.get(from).get(command);
    return targets != null && targets.contains(to);
  }

  /**
   * Where a monitoring review with this decision takes the case: the decision picks one of the table's
   * targets for {@link CommandKind#RECORD_REVIEW}.
   *
   * @param decision the review's decision
   * @return the phase the case is in after the review
   * @throws org.casemgmt.InvalidInputException if the decision is missing
   */
  public static Phase afterReview(ReviewDecision decision) {
    Check.notNull(decision, "decision");
    return AFTER_REVIEW.get(decision);
  }

  /** The one phase a command leads to from a phase, or null where the table names none or several; hot path. */
  static Phase onlyTarget(Phase from, CommandKind command) {
    return ONLY_TARGET[from.ordinal()][command.ordinal()];
  }

  /** As {@link #allows} without the argument checks, for evolution's hot path. */
  static boolean leadsTo(Phase from, CommandKind command, Phase to) {
    EnumSet<Phase> targets = TARGETS.get(from).get(command);
    return targets != null && targets.contains(to);
  }

  /**
   * The phases reachable from a phase in one command, itself excluded.
   *
   * @param from      the case's phase
   * @param suspended whether the case is suspended (then only closing leaves the phase)
   * @return the phases a permitted command may lead to, in the order of the table's rows
   * @throws org.casemgmt.InvalidInputException if the phase is missing
   */
  public static Set<Phase> reachable(Phase from, boolean suspended) {
    Check.notNull(from, "from");
    Set<CommandKind> permitted = permitted(from, suspended);
    return LinkedHashSet.ofAll(TABLE.filter(t -> t.from() == from && permitted.contains(t.command()))
        .flatMap(Transition::to)
        .filter(p -> p != from));
  }
}
