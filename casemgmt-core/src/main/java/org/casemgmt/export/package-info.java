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
 * ones, and both stream: only the open cases are held. {@link org.casemgmt.export.OcelWriter} writes the same lines
 * as an object-centric OCEL 2.0 JSON log: events related with qualifiers to the case, its client, needs, goals,
 * interventions, referrals, plan versions, providers and staff, and those objects with their attributes over time;
 * it streams too, writing each case's objects once the case is done. Only ids, activities, codes, amounts, days,
 * times and staff ids are written — never personal data or free text.
 */
package org.casemgmt.export;
