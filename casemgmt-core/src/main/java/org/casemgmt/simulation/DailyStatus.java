package org.casemgmt.simulation;

/**
 * The state of the service at the start of a simulated day: one row of the daily time series.
 *
 * <pre>{@code Simulation.run(scenario, SimulationListener.dailyCsv(writer)); // one row per DailyStatus }</pre>
 *
 * @param day                 the day, from 0
 * @param openCases           cases opened and not closed
 * @param waitingForManager   cases waiting for a free place in a case manager's caseload
 * @param activeInterventions interventions being delivered
 */
public record DailyStatus(long day, int openCases, int waitingForManager, int activeInterventions) {}
