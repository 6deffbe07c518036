/**
 * JMH benchmarks of casemgmt on fixed reference workloads, each run with a hand-written baseline in the same
 * JMH run so that the figures are ratios: the reference lifecycle of one case from intake to closure
 * ({@link org.casemgmt.examples.bench.ReferenceLifecycleBenchmark}, against {@link
 * org.casemgmt.examples.bench.MutableCase}) and the cost of each of its commands
 * ({@link org.casemgmt.examples.bench.CommandCostBenchmark}); adding many interventions to one plan
 * ({@link org.casemgmt.examples.bench.PlanScalingBenchmark}); replaying a stored history with and without the
 * rules ({@link org.casemgmt.examples.bench.ReplayBenchmark}); and the simulation reference model
 * ({@link org.casemgmt.examples.bench.SimulationBenchmark}, against {@link
 * org.casemgmt.examples.bench.NoRulesSimulation}); the testkit's model checker on one thread and on every core
 * ({@link org.casemgmt.examples.bench.ModelCheckerBenchmark}); and commands per second through the event store
 * on H2 and on PostgreSQL ({@link org.casemgmt.examples.bench.EventStoreBenchmark}, one writer against eight).
 * The README's Benchmarks section gives the commands and the
 * measured figures.
 */
package org.casemgmt.examples.bench;
