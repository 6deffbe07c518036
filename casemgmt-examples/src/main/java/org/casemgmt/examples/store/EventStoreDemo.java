package org.casemgmt.examples.store;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamMember;
import org.casemgmt.party.TeamRole;
import org.casemgmt.plan.DayWindow;

/**
 * Stores a case in an in-memory H2 database, reloads it, provokes a version conflict between two case workers,
 * prints a few documents of the JSON wire format and catches up with every case in the store's global order, as a
 * projection across cases does. Run with
 * {@code mvn -q -pl casemgmt-examples -am compile exec:java
 * -Dexec.mainClass=org.casemgmt.examples.store.EventStoreDemo}.
 *
 * <p>It prints ids, types, phases and versions, and the JSON of events without personal fields only, and of one
 * command that names members of the team only: the documents of other events and commands hold the client's
 * name and free text, which is never printed or logged.
 */
public final class EventStoreDemo {

  /** Events whose documents hold no personal data and no free text, so the demo may print them whole. */
  static final Set<Class<? extends CaseEvent>> PRINTABLE = HashSet.of(CaseEvent.CaseHandedOver.class,
      CaseEvent.AssessmentStarted.class, CaseEvent.AssessmentCompleted.class, CaseEvent.PlanningStarted.class,
      CaseEvent.ScopeExtended.class, CaseEvent.CaseResumed.class);

  /** Each run gets a database of its own: an in-memory H2 database outlives its store until the JVM ends. */
  private static final AtomicInteger RUNS = new AtomicInteger();

  private EventStoreDemo() {}

  /** Decides a command on the version a worker saw and appends it, describing the outcome with numbers only. */
  private static String appendOn(JdbcEventStore store, CaseFile seen, Issued issued, Command command) {
    return seen.decide(issued, command).fold(
        rejection -> "refused: " + rejection.rule(),
        events -> store.append(Option.some(seen), IssuedCommand.of(issued, command), events).fold(
            notAppended -> notAppended instanceof JdbcEventStore.NotAppended.Conflict c
                ? "version conflict, expected " + c.conflict().expected() + " but found " + c.conflict().actual()
                : "not stored: " + notAppended,
            after -> "stored, now version " + after.version()));
  }

  /**
   * Runs the demo on standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the demo.
   *
   * @param out where to print
   */
  public static void run(PrintStream out) {
    WireFormat wire = new WireFormat();
    CaseId caseId = CaseId.of("CASE-DEMO-1");
    Issued anna = Issued.by(StaffId.of("anna"), Instant.parse("2026-03-02T09:00:00Z"));
    LocalDate day0 = LocalDate.of(2026, 3, 2);
    try (JdbcEventStore store = JdbcEventStore.h2InMemory("event-store-demo-" + RUNS.incrementAndGet())) {
      CaseService service = new CaseService(store, 5);

      out.println("1. Store a case: every command is decided, appended with its expected version, then applied.");
      service.open(anna, Command.OpenCase.of(caseId, Client.of(ClientId.of("C-7"), "Maria Rossi",
          LocalDate.of(1980, 4, 12)), day0, LifeDomain.HOUSING, LifeDomain.WORK));
      List<Command> commands = List.of(
          new Command.JoinTeam(TeamMember.of(StaffId.of("bruno"), TeamRole.SUPERVISOR, day0)),
          new Command.StartAssessment(),
          new Command.RecordNeed(NeedId.of("N-1"), LifeDomain.HOUSING, "Evicted last week", Priority.URGENT,
              IdentifiedBy.CLIENT),
          new Command.CompleteAssessment(),
          Command.StartPlanning.of(DayWindow.ofDays(day0, 180)));
      for (Command command : commands) {
        service.handle(caseId, anna, command).peekLeft(failure -> out.println("   refused: " + failure));
      }
      Seq<RecordedEvent> history = store.eventsAfter(caseId, 0);
      history.forEach(e -> out.println("   #" + e.sequence() + " " + e.event().getClass().getSimpleName()
          + " by " + e.actor()));

      out.println("2. Reload it from the database: replaying the stored events gives the same case file.");
      Option<CaseFile> loaded = store.load(caseId);
      Option<CaseFile> inMemory = service.latest(caseId);
      out.println("   phase " + loaded.map(CaseFile::phase).getOrNull() + ", version "
          + loaded.map(CaseFile::version).getOrElse(0L) + ", equal to the service's copy: " + loaded.equals(inMemory)
          + ", cases in PLANNING: " + store.casesInPhase(org.casemgmt.casefile.Phase.PLANNING).mkString(", "));

      out.println("3. A version conflict: Anna and Bruno both decide on version "
          + loaded.map(CaseFile::version).getOrElse(0L) + ", Anna appends first.");
      CaseFile seen = loaded.getOrElseThrow(() -> new IllegalStateException("the demo case was not stored"));
      Issued bruno = Issued.by(StaffId.of("bruno"), anna.at());
      Command annaCommand = Command.ExtendScope.of(day0, LifeDomain.SOCIAL_INCLUSION);
      Command brunoCommand = new Command.HandOver(StaffId.of("carla"));
      out.println("   Anna: " + appendOn(store, seen, anna, annaCommand));
      out.println("   Bruno: " + appendOn(store, seen, bruno, brunoCommand));
      out.println("   Bruno through the service, which reloads and decides again: " + service.handle(caseId, bruno,
          brunoCommand).fold(f -> "refused: " + f, f -> "stored, now version " + f.version()));

      out.println("4. The wire format (schema " + WireFormat.SCHEMA + "), for events without personal fields:");
      store.eventsAfter(caseId, 0).filter(e -> PRINTABLE.contains(e.event().getClass()))
          .forEach(e -> out.println("   " + wire.toJson(e)));
      out.println("   and Bruno's command in its envelope, with the version he saw, as a command queue carries it:");
      out.println("   " + wire.toJson(IssuedCommand.of(bruno.expectingVersion(seen.version()), brunoCommand)));

      out.println("5. A projection across cases catches up in the global order, in pages of 4, after a second case:");
      service.open(bruno, Command.OpenCase.of(CaseId.of("CASE-DEMO-2"), Client.of(ClientId.of("C-8"), "Jon Berg",
          LocalDate.of(1975, 9, 1)), day0, LifeDomain.WORK));
      long checkpoint = store.readAllAfter(0, 4, page -> out.println("   " + page.map(stored -> stored.position()
          + ":" + stored.event().caseId() + "#" + stored.event().sequence()).mkString(" ")));
      out.println("   checkpoint " + checkpoint + ", head position " + store.headPosition() + ", events after it: "
          + store.eventsAfterPosition(checkpoint, 4).size());
    }
  }
}
