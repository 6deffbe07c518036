/**
 * Embedding casemgmt in an application: a versioned JSON wire format for events and commands
 * ({@link org.casemgmt.examples.store.WireFormat}), a JDBC event store with optimistic concurrency
 * ({@link org.casemgmt.examples.store.JdbcEventStore}) and a small application service that runs
 * load → decide → append → evolve with retries ({@link org.casemgmt.examples.store.CaseService}).
 *
 * <p>The core library stays free of I/O and of any serialization framework: everything here is one way of
 * persisting it, built only on core's public API (events, {@code decide}, {@code evolve}, {@code replay}).
 */
package org.casemgmt.examples.store;
