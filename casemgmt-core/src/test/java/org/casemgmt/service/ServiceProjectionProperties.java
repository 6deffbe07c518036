package org.casemgmt.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Overdue;
import org.casemgmt.casefile.PlanVersion;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.need.Need;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.ReferralStatus;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.testkit.CaseGens;
import org.casemgmt.testkit.GeneratedCase;
import org.junit.jupiter.api.Test;

/**
 * Properties of the service projection over streams of generated cases (the testkit's command sequences, decided
 * by the real rules, interleaved at random as a store would hold them): built in one pass or one event at a time
 * it is the same; its totals are the per-case figures of the case files the events build; dropping closed files
 * changes no answer; its answers hold no name and no free text.
 */
class ServiceProjectionProperties {

  static final int STREAMS = 120;
  static final ServiceSettings SETTINGS = ServiceSettings.of(30, 10);
  static final LocalDate LATE = LocalDate.of(2040, 1, 1);

  /** Stream {@code i}: up to 8 generated cases; every third stream has one client for all of its cases. */
  static EventStream stream(int i) {
    SplittableRandom random = new SplittableRandom(1_000L + i);
    ArrayList<GeneratedCase> cases = new ArrayList<>();
    int n = 1 + random.nextInt(8);
    for (int k = 0; k < n; k++) {
      cases.add(CaseGens.generatedCases(60).generate(random, 30).value());
    }
    Option<Client> oneClient = i % 3 == 0
        ? Option.some(Client.of(ClientId.of("C-ONE"), "Client One", LocalDate.of(1970, 1, 1)))
        : Option.none();
    return EventStream.of(cases, oneClient);
  }

  /** The day of the projection's last event: the first day it answers questions about. */
  static LocalDate lastDay(ServiceProjection p) {
    return p.lastEventAt().map(at -> LocalDate.ofInstant(at, java.time.ZoneOffset.UTC)).getOrElse(CaseGens.FIRST_DAY);
  }

  @Test
  void built_in_one_pass_or_one_event_at_a_time_the_projection_is_the_same() {
    for (int i = 0; i < STREAMS; i++) {
      EventStream s = stream(i);
      SplittableRandom random = new SplittableRandom(i);
      List<RecordedEvent> events = s.interleaved(random);
      ServiceProjection batch = ServiceProjection.of(SETTINGS, events);
      ServiceProjection stepwise = ServiceProjection.empty(SETTINGS);
      for (RecordedEvent e : events) {
        stepwise = stepwise.apply(e);
      }
      int cut = random.nextInt(events.size() + 1);
      ServiceProjection mixed = ServiceProjection.of(SETTINGS, events.take(cut));
      for (RecordedEvent e : events.drop(cut)) {
        mixed = mixed.apply(e);
      }
      int stream = i;
      assertEquals(batch, stepwise, () -> "stream " + stream);
      assertEquals(batch, mixed, () -> "stream " + stream + " cut at " + cut);
      assertEquals(batch.overdue(LATE), stepwise.overdue(LATE));
      assertEquals(batch.costs(LATE), stepwise.costs(LATE));
      assertEquals(batch.timeInPhase(), stepwise.timeInPhase());
    }
  }

  @Test
  void an_earlier_projection_does_not_change_when_a_later_one_is_built_from_it() {
    EventStream s = stream(7);
    List<RecordedEvent> events = s.interleaved(new SplittableRandom(7));
    int half = events.size() / 2;
    ServiceProjection first = ServiceProjection.of(SETTINGS, events.take(half));
    String before = first.timeInPhase() + "|" + first.closures() + "|" + first.costs(LATE) + "|" + first.openCases();
    ServiceProjection later = first.applyAll(events.drop(half));
    ServiceProjection step = first;
    for (RecordedEvent e : events.drop(half)) {
      step = step.apply(e);
    }
    assertEquals(before,
        first.timeInPhase() + "|" + first.closures() + "|" + first.costs(LATE) + "|" + first.openCases());
    assertEquals(ServiceProjection.of(SETTINGS, events.take(half)), first);
    assertEquals(ServiceProjection.of(SETTINGS, events), later);
    assertEquals(later, step);
  }

  @Test
  void its_totals_are_the_per_case_figures_of_the_case_files() {
    long phaseChanges = 0;
    long changesCounted = 0;
    for (int i = 0; i < STREAMS; i++) {
      EventStream s = stream(i);
      ServiceProjection p = ServiceProjection.of(SETTINGS, s.interleaved(new SplittableRandom(i)));
      java.util.Collection<CaseFile> files = s.files.values();
      String at = "stream " + i;
      assertEquals(s.files.size(), p.opened(), at);
      assertEquals(s.all.size(), p.eventCount(), at);
      assertEquals(Vector.ofAll(files).filter(f -> !f.isClosed()).map(CaseFile::id).sorted(), p.openCases(), at);
      // Caseloads: every open case once, with its manager and phase.
      TreeMap<String, Integer> byManagerAndPhase = new TreeMap<>();
      files.stream().filter(f -> !f.isClosed())
          .forEach(f -> byManagerAndPhase.merge(f.caseManager().value() + "/" + f.phase(), 1, Integer::sum));
      TreeMap<String, Integer> projected = new TreeMap<>();
      p.caseloads().forEach(c -> c.byPhase().forEach((phase, n) -> projected.put(c.manager().value() + "/" + phase, n)));
      assertEquals(byManagerAndPhase, projected, at);
      // Overdue on two days: each case file's own answer, plus its referrals unanswered for more than 10 days.
      for (LocalDate day : List.of(lastDay(p), lastDay(p).plusDays(45), LATE)) {
        ArrayList<OverdueCase> expected = new ArrayList<>();
        for (CaseFile f : Vector.ofAll(files).sortBy(CaseFile::id)) {
          if (f.isClosed()) {
            continue;
          }
          Overdue o = f.overdue(day, 30);
          Seq<org.casemgmt.plan.ReferralId> unanswered = f.referrals().values()
              .filter(r -> r.status() == ReferralStatus.REQUESTED && r.requestedOn().plusDays(10).isBefore(day))
              .map(org.casemgmt.plan.Referral::id).toVector().sorted();
          if (!o.isEmpty() || !unanswered.isEmpty()) {
            expected.add(new OverdueCase(f.id(), f.caseManager(), o, unanswered));
          }
        }
        assertEquals(Vector.ofAll(expected), p.overdue(day), at + " on " + day);
      }
      // Costs: what every plan commits and has accrued by a late day, closed cases included.
      BigDecimal committed = BigDecimal.ZERO;
      BigDecimal accrued = BigDecimal.ZERO;
      for (CaseFile f : files) {
        PlanVersion plan = f.currentPlan().getOrNull();
        if (plan != null) {
          committed = committed.add(plan.plannedCost().amount());
          accrued = accrued.add(plan.costToDate(LATE).amount());
        }
      }
      assertEquals(0, committed.compareTo(p.committedCost().amount()), at);
      assertEquals(0, committed.compareTo(p.costs(LATE).map(l -> l.committed().amount())
          .foldLeft(BigDecimal.ZERO, BigDecimal::add)), at);
      assertEquals(0, accrued.compareTo(p.costs(LATE).map(l -> l.toDate().amount())
          .foldLeft(BigDecimal.ZERO, BigDecimal::add)), at);
      // What happened over time: closures, reviews, outcomes, stays that ended, evaluations.
      List<CaseEvent> kinds = List.ofAll(s.all).map(RecordedEvent::event);
      assertEquals(kinds.count(e -> e instanceof CaseEvent.CaseClosed), (int) p.closed(), at);
      assertEquals(kinds.count(e -> e instanceof CaseEvent.CaseReopened), (int) p.loopBacks().reopenings(), at);
      assertEquals(kinds.count(e -> e instanceof CaseEvent.ReplanningStarted), (int) p.loopBacks().replans(), at);
      for (ReviewDecision d : ReviewDecision.values()) {
        assertEquals(kinds.count(e -> e instanceof CaseEvent.ReviewRecorded r && r.decision() == d),
            p.loopBacks().reviews().get(d).getOrElse(0L).intValue(), at + " " + d);
      }
      long outcomes = 0;
      for (RecordedEvent e : s.all) {
        if (e.event() instanceof CaseEvent.OutcomeRecorded o) {
          CaseFile f = s.files.get(e.caseId());
          Goal g = f.currentPlan().flatMap(plan -> plan.goal(o.goal())).getOrNull();
          outcomes += g.needs().map(n -> f.need(n).map(Need::domain).getOrNull()).distinct().size();
        }
      }
      assertEquals(outcomes, p.outcomes().values().flatMap(row -> row.values()).sum().longValue(), at);
      long stays = p.timeInPhase().values().map(DurationSummary::count).sum().longValue();
      assertEquals(s.phaseChanges, stays, at);
      phaseChanges += s.phaseChanges;
      changesCounted += stays;
      // Fragmentation: open, live interventions of one kind for one client in two or more open cases.
      TreeMap<String, java.util.TreeSet<CaseId>> casesByClientAndKind = new TreeMap<>();
      for (CaseFile f : files) {
        if (f.isClosed() || f.currentPlan().isEmpty()) {
          continue;
        }
        for (Intervention iv : f.currentPlan().getOrNull().interventions().values()) {
          if (iv.status() != InterventionStatus.COMPLETED && iv.status() != InterventionStatus.CANCELLED) {
            casesByClientAndKind.computeIfAbsent(f.client().id().value() + "/" + iv.kind().code(),
                k -> new java.util.TreeSet<>()).add(f.id());
          }
        }
      }
      List<String> fragmented = List.ofAll(casesByClientAndKind.entrySet())
          .filter(e -> e.getValue().size() > 1).map(e -> e.getKey() + "=" + e.getValue());
      assertEquals(fragmented, p.fragmentation().map(fr -> fr.client().value() + "/" + fr.service().code() + "="
          + new java.util.TreeSet<>(fr.interventions().keySet().toJavaSet())).toList(), at);
    }
    assertFalse(phaseChanges == 0, "the generated cases moved through phases");
    assertEquals(phaseChanges, changesCounted);
  }

  @Test
  void dropping_closed_files_changes_no_answer_and_refuses_a_reopening() {
    int compared = 0;
    int refused = 0;
    ServiceSettings forgetful = SETTINGS.withClosedCasesKept(false);
    for (int i = 0; i < STREAMS; i++) {
      EventStream s = stream(i);
      List<RecordedEvent> all = s.interleaved(new SplittableRandom(i));
      if (all.exists(e -> e.event() instanceof CaseEvent.CaseReopened)) {
        assertThrows(InvalidInputException.class, () -> ServiceProjection.of(forgetful, all));
        refused++;
      }
      // Each case's history up to its first reopening: what a projection that drops closed files can take.
      HashSet<CaseId> reopened = new HashSet<>();
      List<RecordedEvent> events = all.filter(e -> {
        if (e.event() instanceof CaseEvent.CaseReopened) {
          reopened.add(e.caseId());
        }
        return !reopened.contains(e.caseId());
      });
      ServiceProjection kept = ServiceProjection.of(SETTINGS, events);
      ServiceProjection dropped = ServiceProjection.of(forgetful, events);
      assertEquals(kept.costs(LATE), dropped.costs(LATE), "stream " + i);
      assertEquals(kept.committedCost(), dropped.committedCost());
      assertEquals(kept.overdue(LATE), dropped.overdue(LATE));
      assertEquals(kept.caseloads(), dropped.caseloads());
      assertEquals(kept.timeInPhase(), dropped.timeInPhase());
      assertEquals(kept.timeInSystem(), dropped.timeInSystem());
      assertEquals(kept.outcomes(), dropped.outcomes());
      assertEquals(kept.loopBacks(), dropped.loopBacks());
      assertEquals(kept.fragmentation(), dropped.fragmentation());
      compared++;
    }
    int c = compared;
    int r = refused;
    assertEquals(STREAMS, c);
    assertFalse(r == 0, "no generated case was reopened");
  }

  @Test
  void its_answers_hold_no_name_and_no_free_text() {
    for (int i = 0; i < STREAMS; i++) {
      EventStream s = stream(i);
      ServiceProjection p = ServiceProjection.of(SETTINGS, s.all);
      String answers = String.join("\n", p.toString(), p.caseloads().toString(), p.waitingList().toString(),
          p.overdue(LATE).toString(), p.overdue(lastDay(p).plusDays(45)).toString(),
          p.costs(LATE).toString(), p.budget().toString(), p.outcomes().toString(), p.loopBacks().toString(),
          p.timeInPhase().toString(), p.timeInSystem().toString(), p.fragmentation().toString(),
          p.closures().toString());
      HashSet<String> secrets = new HashSet<>();
      for (CaseFile f : s.files.values()) {
        secrets.add(f.client().fullName().text());
        f.needs().values().forEach(n -> secrets.add(n.description().text()));
        f.currentPlan().forEach(plan -> plan.goals().values().forEach(g -> {
          secrets.add(g.description().text());
          secrets.add(g.target().text());
        }));
      }
      for (String secret : secrets) {
        if (secret.length() >= 6) {
          int stream = i;
          assertFalse(answers.contains(secret), () -> "stream " + stream + " shows a personal text");
        }
      }
    }
  }
}
