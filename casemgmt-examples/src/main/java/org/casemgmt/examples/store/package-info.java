/**
 * Embedding casemgmt in an application: a versioned JSON wire format for events and commands
 * ({@link org.casemgmt.examples.store.WireFormat}), a JDBC event store for PostgreSQL and H2 with optimistic
 * concurrency, command ids stored once, bounded waits, a hash chain per case and a catch-up read of all cases in
 * one global order for projections ({@link org.casemgmt.examples.store.JdbcEventStore}), its schema's migrations
 * ({@link org.casemgmt.examples.store.StoreSchema}), and a small application service that runs
 * load → decide → append → evolve with retries and finds out after an unknown outcome
 * ({@link org.casemgmt.examples.store.CaseService}).
 *
 * <p>The core library stays free of I/O and of any serialization framework: everything here is one way of
 * persisting it, built only on core's public API (events, {@code decide}, {@code evolve}, {@code replay}).
 */
package org.casemgmt.examples.store;
