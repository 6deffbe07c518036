/**
 * The service manager's report: what a {@link org.casemgmt.service.ServiceProjection} answers about the service
 * on one day — caseloads, the waiting list, what is overdue, costs by month against the plans' caps, outcomes by
 * life domain, loop-backs, time in phase, fragmentation — as one self-contained HTML page with its charts, and as
 * a picture for a README or a slide.
 *
 * <p>{@link org.casemgmt.examples.report.ServiceReport} renders a projection;
 * {@link org.casemgmt.examples.report.ServiceReportExample} simulates an employment centre, projects its events
 * (optionally read back from an event store first) and writes the report. Only ids, codes, days and figures
 * appear, never a name or a free text.
 */
package org.casemgmt.examples.report;
