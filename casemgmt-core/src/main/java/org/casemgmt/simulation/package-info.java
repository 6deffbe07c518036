/**
 * Simulating how cases flow through a service, on the real rules. A researcher or a service planner describes
 * a {@link org.casemgmt.simulation.Scenario} — how many clients arrive, how many case managers take charge of
 * them and for how long, which needs in which life domains they bring, which interventions meet those needs,
 * how often monitoring reviews adjust the plan or send the case back to assessment, how often the final
 * evaluation finds the goals met or the case must be re-planned — and {@link org.casemgmt.simulation.Simulation}
 * plays it forward in time.
 *
 * <p>Every step of every simulated case is a real command to a real {@link org.casemgmt.casefile.CaseFile}:
 * the simulated cases obey exactly the phase table and the invariants of real ones (no overlapping
 * interventions, no plan without agreement, no closure as "goals achieved" without an evaluation that found
 * them achieved), and whatever the rules refuse is counted by rule. The answers are the questions a service
 * asks: how long do clients wait for a case manager, how long do paths last, how busy are the case managers,
 * how often do cases loop back, what does it cost ({@link org.casemgmt.simulation.SimulationResult}); with
 * several replications, with confidence intervals ({@link org.casemgmt.simulation.ReplicationSummary}). The
 * simulated histories can be written as event logs for process mining ({@link org.casemgmt.export}).
 */
package org.casemgmt.simulation;
