/**
 * Case histories for process mining and reporting: a case file's recorded events written as an event log, one
 * row or one trace event per fact, so that researchers can discover how cases really flow through intake,
 * assessment, planning, implementation, monitoring, evaluation and closure — the loop-backs included — with
 * the tools they already use.
 *
 * <p>{@link org.casemgmt.export.EventLogCsv} writes a flat CSV log; {@link org.casemgmt.export.XesWriter}
 * writes IEEE 1849-2016 XES that validates against the standard's schema, one trace per case. Both write the
 * same lines: one per recorded event, plus one for each intervention cancelled and each referral withdrawn by a
 * closure, with readable activities, lifecycle transitions, staff ids, one timestamp format and a per-case
 * sequence. Both work on real histories (the {@code Seq<RecordedEvent>} an application stores) and on simulated
 * ones, and both stream: only the open cases are held. Only ids, activities, codes, amounts, times and staff ids
 * are written — never personal data or free text.
 */
package org.casemgmt.export;
