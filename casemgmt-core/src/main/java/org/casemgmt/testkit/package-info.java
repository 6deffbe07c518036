/**
 * The testkit: property-based and model-based testing of case files, shipped so that an application can prove
 * that what it builds on casemgmt keeps casemgmt's rules. It needs no test framework; every check is an
 * assertion that throws {@link java.lang.AssertionError}.
 *
 * <p><b>The fixture.</b> {@link org.casemgmt.testkit.CaseFixture} tests one command at a time: given a history,
 * when a command, then the events, the rejection or the state. It owns the clock and stamps a bare command
 * with its own actor and instant; a test that is about who issues a command, when, or which version they saw
 * gives an envelope of its own ({@link org.casemgmt.casefile.Issued}).
 *
 * <pre>{@code
 * CaseFixture.given(opened).when(new Command.StartAssessment()).thenEmits(new CaseEvent.AssessmentStarted());
 * CaseFixture.given(opened).when(Issued.by(bruno, beforeOpening), new Command.StartAssessment())
 *     .thenRejectedWith(Rejection.IssuedBeforeOpening.class);
 * }</pre>
 *
 * <p><b>Generators.</b> A {@link org.casemgmt.testkit.Gen} draws a value from a seeded random source, together
 * with the simpler values it could be replaced by. {@link org.casemgmt.testkit.CaseGens} generates the domain:
 * clients, scopes of life domains, needs, day windows (non-overlapping sets and overlapping pairs), money, and
 * above all whole case histories ({@link org.casemgmt.testkit.GeneratedCase}): commands, each in its envelope
 * ({@link org.casemgmt.casefile.IssuedCommand}), chosen by looking at the case as it stands — mostly commands a
 * team member would issue to move the case on, mixed with careless ones that must be refused.
 *
 * <pre>{@code
 * Property.forAll(CaseGens.overlappingPairs()).check(p -> p._1.overlaps(p._2) && p._2.overlaps(p._1));
 * }</pre>
 *
 * <p><b>The model checker.</b> {@link org.casemgmt.testkit.ModelChecker} opens thousands of cases, drives each
 * through up to 60 commands, and after every step checks {@link org.casemgmt.testkit.CaseInvariants} — a
 * refusal changes nothing, the version counts the events, replaying the history rebuilds the case, one case
 * manager, a closed case only reopens and leaves no open work, every move is in the phase table, time moves
 * forward, earlier plan versions never change, and the plan's rules: no overlapping interventions, exclusive
 * services one at a time, interventions for open needs inside the plan's period and started within their
 * windows, no redundant referrals, an approved plan agreed, within budget and covering its needs — plus any
 * {@link org.casemgmt.testkit.Invariant} of yours, which sees each step as a
 * {@link org.casemgmt.testkit.CheckedStep}. The system under test is
 * pluggable ({@link org.casemgmt.testkit.SystemUnderTest}): it is handed each command in its envelope, so your
 * own command handler, store or cache can be checked the same way.
 *
 * <pre>{@code
 * ModelChecker.forCaseFiles().systemUnderTest(myHandler).check();
 * }</pre>
 *
 * <p><b>When a check fails</b> it shrinks the failing input — dropping commands and simplifying the rest,
 * replaying from the opening each time — and reports the seed and the shortest failing history as a numbered
 * story of kinds, ids and days, one line per command as {@link org.casemgmt.testkit.CommandDescriptions}
 * describes it. Reports never contain free text or personal data. Repeat a run with
 * {@code -Dcasemgmt.seed=...}; set the number of sequences with {@code -Dcasemgmt.sequences=...}.
 *
 * <p><b>Threads.</b> The model checker checks its sequences on every core by default
 * ({@link org.casemgmt.testkit.ModelChecker#threads(int)}, {@code -Dcasemgmt.threads=...}) and reports the same
 * on any number of threads: each sequence's seed depends on the master seed and its number only, and the
 * lowest-numbered failing sequence is the one reported and shrunk. A system under test or an invariant of yours
 * that keeps state across calls must therefore be thread-safe, or run with {@code threads(1)}.
 */
package org.casemgmt.testkit;
