/**
 * Case histories for process mining and reporting: a case file's recorded events written as an event log, one
 * row or one trace event per fact, so that researchers can discover how cases really flow through intake,
 * assessment, planning, implementation, monitoring, evaluation and closure — the loop-backs included — with
 * the tools they already use.
 *
 * <p>{@link org.casemgmt.export.EventLogCsv} writes a flat CSV log; {@link org.casemgmt.export.XesWriter}
 * writes IEEE 1849 XES, one trace per case. Both work on real histories (the {@code Seq<RecordedEvent>} an
 * application stores) and on simulated ones, and both stream: nothing but the current case is held in memory.
 * Only ids, event types, times and actors are written — never personal data or free text.
 */
package org.casemgmt.export;
