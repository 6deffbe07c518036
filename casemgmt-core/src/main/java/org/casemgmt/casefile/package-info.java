/**
 * The case file and its life: the phases of case management and the table of permitted moves
 * ({@link org.casemgmt.casefile.PhaseTable}), the commands a team member issues
 * ({@link org.casemgmt.casefile.Command}), the facts they cause ({@link org.casemgmt.casefile.CaseEvent}) and
 * the typed refusals when a rule forbids them ({@link org.casemgmt.casefile.Rejection}).
 *
 * <p>A command is pure intent. Who issues it, when, and the version they expect travel beside it in an envelope,
 * {@link org.casemgmt.casefile.Issued}; {@link org.casemgmt.casefile.IssuedCommand} holds the two where a command
 * is data. The rules answer a {@link org.casemgmt.casefile.Decision} — the one event the command causes, or the
 * rejection — and the case file numbers the event as a {@link org.casemgmt.casefile.RecordedEvent}, the envelope
 * of a stored fact.
 *
 * <pre>{@code
 * Issued anna = Issued.by(StaffId.of("anna"), Instant.parse("2026-03-02T09:00:00Z"));
 * Either<Rejection, CaseFile> next = file.handle(anna, new Command.StartAssessment());
 * }</pre>
 *
 * <p>{@link org.casemgmt.casefile.CaseFile#replay} rebuilds a case from its stored history and verifies every
 * event against the rules, answering an {@link org.casemgmt.casefile.InvalidHistory} for a history no sequence of
 * accepted commands could have produced; {@link org.casemgmt.casefile.CaseFile#replayTrusted} skips that check for
 * a history the application has already verified.
 *
 * <p>The case file is pure: no clock, no randomness, no I/O. Time, ids and actors come in from the caller, so
 * the same commands always give the same events — which is what makes audit, persistence, replay and simulation
 * possible without anything else.
 */
package org.casemgmt.casefile;
