/**
 * The case file and its life: the phases of case management and the table of permitted moves
 * ({@link org.casemgmt.casefile.PhaseTable}), the commands a team member issues
 * ({@link org.casemgmt.casefile.Command}), the facts they cause ({@link org.casemgmt.casefile.CaseEvent}) and
 * the typed refusals when a rule forbids them ({@link org.casemgmt.casefile.Rejection}).
 *
 * <p>The case file is pure: no clock, no randomness, no I/O. Time, ids and actors come in with the
 * commands, so the same commands always give the same events — which is what makes audit, persistence,
 * replay and simulation possible without anything else.
 */
package org.casemgmt.casefile;
