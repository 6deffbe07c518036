package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.casemgmt.testkit.CaseInvariants;
import org.casemgmt.testkit.CheckedStep;
import org.casemgmt.testkit.Invariant;
import org.casemgmt.testkit.ModelChecker;
import org.junit.jupiter.api.Test;

/**
 * Model-based properties of the case file: thousands of generated command sequences (from
 * {@code -Dcasemgmt.sequences}, 2000 in CI) of up to 60 commands each, valid and invalid, checked after every
 * step against {@link PhaseOracle} — written independently of {@link PhaseTable} — and casemgmt's invariants.
 */
class CaseFileProperties {

  /** Accepted commands lead where the oracle expects, including suspension, closure and reopening. */
  static final Invariant ORACLE_AGREES_WITH_EVERY_ACCEPTED_COMMAND = Invariant.of(
      "the oracle expects the phase and suspension after every accepted command",
      step -> !step.accepted() || acceptedAsTheOracleExpects(step));

  /**
   * The oracle and the case file agree on what the phase permits: a refusal for the phase only where the
   * oracle forbids the command, and a refusal by a business rule (checked after the phase) only where it
   * permits it. A version conflict, a second opening or an actor without permission is decided before the phase, so it
   * says nothing.
   */
  static final Invariant ORACLE_AGREES_WITH_PHASE_PERMISSION = Invariant.of(
      "the oracle agrees with which commands the phase permits",
      step -> {
        boolean permits = PhaseOracle.permits(step.before().phase(), step.before().suspended(), step.command().kind());
        Rejection rejection = step.rejection().getOrNull();
        if (rejection == null) {
          return permits;
        }
        if (rejection instanceof Rejection.VersionConflict || rejection instanceof Rejection.CaseAlreadyOpened
            || rejection instanceof Rejection.NotAuthorized) {
          return true;
        }
        return rejection instanceof Rejection.CommandNotPermitted ? !permits : permits;
      });

  private static boolean acceptedAsTheOracleExpects(CheckedStep step) {
    CaseFile before = step.before();
    CaseFile after = step.after();
    return PhaseOracle.after(before.phase(), before.suspended(), step.command().command()).contains(after.phase())
        && after.suspended() == PhaseOracle.suspendedAfter(before.suspended(), step.command().kind());
  }

  private static ModelChecker.Result checked(String property, ModelChecker checker) {
    ModelChecker.Result result = checker.check();
    System.out.println("CaseFileProperties." + property + ": " + result.summary());
    assertTrue(result.commandsChecked() >= result.sequences(), "no commands were checked");
    return result;
  }

  @Test
  void no_transition_outside_the_table_ever_happens_and_the_oracle_agrees_with_every_step() {
    checked("phase machine", ModelChecker.forCaseFiles().withoutCaseInvariants()
        .invariant(CaseInvariants.TRANSITIONS_IN_TABLE)
        .invariant(ORACLE_AGREES_WITH_PHASE_PERMISSION)
        .invariant(ORACLE_AGREES_WITH_EVERY_ACCEPTED_COMMAND));
  }

  @Test
  void a_rejected_command_leaves_the_case_file_and_its_version_unchanged() {
    checked("rejections", ModelChecker.forCaseFiles().withoutCaseInvariants()
        .invariant(CaseInvariants.REJECTION_CHANGES_NOTHING));
  }

  @Test
  void replaying_the_history_gives_the_case_file_and_the_version_counts_the_events() {
    checked("replay", ModelChecker.forCaseFiles().withoutCaseInvariants()
        .invariant(CaseInvariants.VERSION_COUNTS_EVENTS)
        .invariant(CaseInvariants.REPLAY_EQUALS_STATE));
  }

  @Test
  void a_closed_case_accepts_nothing_but_reopening_and_there_is_always_one_case_manager() {
    checked("closure and continuity", ModelChecker.forCaseFiles().withoutCaseInvariants()
        .invariant(CaseInvariants.CLOSED_ACCEPTS_ONLY_REOPEN)
        .invariant(CaseInvariants.ONE_CASE_MANAGER));
  }

  @Test
  void every_invariant_of_casemgmt_and_of_the_oracle_holds_together() {
    checked("everything", ModelChecker.forCaseFiles()
        .invariant(ORACLE_AGREES_WITH_PHASE_PERMISSION)
        .invariant(ORACLE_AGREES_WITH_EVERY_ACCEPTED_COMMAND));
  }

  @Test
  void under_a_strict_table_every_invariant_holds_plans_wait_for_countersignature_and_referrals_for_consent() {
    Permissions fourEyes = Permissions.socialServices()
        .withCountersignature(CommandKind.APPROVE_PLAN, CommandKind.CLOSE_CASE).withReferralsWithinConsent();
    java.util.concurrent.atomic.AtomicLong referrals = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong referralsRefused = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong approvals = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong refusedUnsigned = new java.util.concurrent.atomic.AtomicLong();
    ModelChecker.Result result = checked("four eyes", ModelChecker.forCaseFiles().permissions(fourEyes)
        .invariant(org.casemgmt.testkit.Invariant.of("counts approvals", step -> {
          if (step.accepted() && step.command().kind() == CommandKind.APPROVE_PLAN) {
            approvals.incrementAndGet();
          }
          if (step.rejection().exists(r -> r instanceof Rejection.CountersignatureMissing)) {
            refusedUnsigned.incrementAndGet();
          }
          if (step.command().kind() == CommandKind.REQUEST_REFERRAL) {
            if (step.accepted()) {
              referrals.incrementAndGet();
            } else if (step.rejection().exists(r -> r instanceof Rejection.NotShared)) {
              referralsRefused.incrementAndGet();
            }
          }
          return true;
        })));
    assertTrue(result.passed(), result::summary);
    System.out.println("CaseFileProperties.four eyes: " + approvals + " approvals, " + refusedUnsigned
        + " refused for a missing countersignature; " + referrals + " referrals, " + referralsRefused
        + " refused outside consent");
    assertTrue(approvals.get() > 0, "no approval under four eyes was generated");
    assertTrue(refusedUnsigned.get() > 0, "no approval waited for a countersignature");
    assertTrue(referrals.get() > 0, "no referral within consent was generated");
    assertTrue(referralsRefused.get() > 0, "no referral outside consent was generated");
  }
}
