/**
 * A runnable simulation of case flows for researchers: an employment centre in the spirit of seed 004 — case
 * managers with a caseload limit take charge of unemployed people, assess their needs in the work, training and
 * economic domains, plan training courses, interview coaching and work placements, review the plans monthly and
 * re-plan when the path did not produce a job — played forward on the real rules of
 * {@link org.casemgmt.casefile.CaseFile}.
 *
 * <p>{@link org.casemgmt.examples.simulation.EmploymentCentreSimulation} prints the figures a centre discusses
 * (waits, durations, utilisation, loop-backs, costs, refusals by rule) and writes them as CSV, the simulated
 * histories as CSV and XES event logs for process-mining tools, and a PNG chart of the open cases and the
 * waiting list over time.
 */
package org.casemgmt.examples.simulation;
