package org.casemgmt.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Phase;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Priority;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReviewDecision;

/**
 * One line of an event log — a trace event in XES, a row in CSV — as {@link CaseLog} derives it and both writers
 * write it. Only ids, codes, enums, amounts, times and actors: a field for free text or personal data does not
 * exist here, so no writer can leak one. It is one mutable object per writer, refilled for every line and never
 * handed out, because a log of a million cases writes tens of millions of lines.
 */
final class LogLine {

  /** Values that are absent are {@code null}, or {@code -1} for numbers. */
  Activity activity;
  String transition;
  long sequence;
  long version;
  Instant at;
  String resource;
  Phase phaseBefore;
  Phase phaseAfter;
  int planVersion;
  String intervention;
  String referral;
  String needs;
  String goal;
  String provider;
  String serviceKind;
  Money cost;
  Money budgetCap;
  ReviewDecision decision;
  int findings;
  ClosureReason closureReason;
  GoalAchievement achievement;
  Boolean successful;
  LifeDomain domain;
  Priority priority;

  void clear() {
    activity = null;
    transition = null;
    sequence = -1;
    version = -1;
    at = null;
    resource = null;
    phaseBefore = null;
    phaseAfter = null;
    planVersion = -1;
    intervention = null;
    referral = null;
    needs = null;
    goal = null;
    provider = null;
    serviceKind = null;
    cost = null;
    budgetCap = null;
    decision = null;
    findings = -1;
    closureReason = null;
    achievement = null;
    successful = null;
    domain = null;
    priority = null;
  }

  /** {@return what XES {@code concept:instance} says: the intervention or referral the line is a step of} */
  String instance() {
    return intervention != null ? intervention : referral;
  }

  private static final DateTimeFormatter WIDE_YEARS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * Appends the one timestamp format of both logs: ISO 8601 in UTC, always with milliseconds
   * ({@code 2026-03-02T09:00:00.000Z}); finer fractions are truncated (the sequence keeps the order).
   */
  static StringBuilder timestamp(StringBuilder out, Instant at) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 1000 || year > 9999) {
      return out.append(WIDE_YEARS.format(at));
    }
    out.append(year).append('-');
    two(out, t.getMonthValue()).append('-');
    two(out, t.getDayOfMonth()).append('T');
    two(out, t.getHour()).append(':');
    two(out, t.getMinute()).append(':');
    two(out, t.getSecond()).append('.');
    int millis = at.getNano() / 1_000_000;
    return out.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
        .append((char) ('0' + millis % 10)).append('Z');
  }

  private static StringBuilder two(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
