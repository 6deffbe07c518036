package org.casemgmt.service;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.random.RandomGenerator;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.testkit.GeneratedCase;

/**
 * Recorded events of many cases, as a store would hold them: each case's events decided by the real rules, its
 * case files kept for the per-case figures the projection must agree with.
 */
final class EventStream {

  final LinkedHashMap<CaseId, ArrayList<RecordedEvent>> byCase = new LinkedHashMap<>();
  final LinkedHashMap<CaseId, CaseFile> files = new LinkedHashMap<>();
  /** Every event in the order it was recorded here. */
  final ArrayList<RecordedEvent> all = new ArrayList<>();
  /** How many events moved a case from a phase of work (not from closure) to another phase. */
  long phaseChanges;

  /** Opens a case; the opening must be accepted. */
  EventStream open(Issued by, Command.OpenCase opening) {
    Seq<RecordedEvent> events = CaseFile.decideOpening(by, opening)
        .getOrElseThrow(r -> new IllegalStateException("opening refused: " + r.rule()));
    CaseFile file = CaseFile.replayTrusted(events).getOrElseThrow(h -> new IllegalStateException(h.toString()));
    record(opening.caseId(), events, file);
    return this;
  }

  /** Handles commands on a case; each must be accepted. */
  EventStream handle(CaseId id, Issued by, Command... commands) {
    for (Command command : commands) {
      Rejection refused = tryHandle(id, by, command);
      if (refused != null) {
        throw new IllegalStateException(command.kind() + " refused: " + refused.rule());
      }
    }
    return this;
  }

  /** Handles a command on a case; {@return the rejection, or null if it was accepted} */
  Rejection tryHandle(CaseId id, Issued by, Command command) {
    CaseFile file = files.get(id);
    Either<Rejection, Seq<RecordedEvent>> decided = file.decide(by, command);
    if (decided.isLeft()) {
      return decided.swap().getOrNull();
    }
    CaseFile after = file.evolve(decided.getOrNull());
    phaseChanges += after.phase() != file.phase() && file.phase() != org.casemgmt.casefile.Phase.CLOSED ? 1 : 0;
    record(id, decided.getOrNull(), after);
    return null;
  }

  private void record(CaseId id, Seq<RecordedEvent> events, CaseFile after) {
    byCase.computeIfAbsent(id, k -> new ArrayList<>()).addAll(events.asJava());
    all.addAll(events.asJava());
    files.put(id, after);
  }

  /** Plays generated cases (those whose id is already taken are left out), the refused commands skipped. */
  static EventStream of(Iterable<GeneratedCase> cases, io.vavr.control.Option<org.casemgmt.party.Client> oneClient) {
    EventStream stream = new EventStream();
    for (GeneratedCase generated : cases) {
      Command.OpenCase generatedOpening = (Command.OpenCase) generated.opening().command();
      // Every case of one client, when asked: what the projection must see across cases.
      Command.OpenCase opening = oneClient.map(client -> new Command.OpenCase(generatedOpening.caseId(), client,
          generatedOpening.caseManager(), generatedOpening.scope(), generatedOpening.openedOn()))
          .getOrElse(generatedOpening);
      if (stream.files.containsKey(opening.caseId())) {
        continue;
      }
      stream.open(generated.opening().issued(), opening);
      for (IssuedCommand command : generated.commands()) {
        stream.tryHandle(opening.caseId(), command.issued(), command.command());
      }
    }
    return stream;
  }

  /** {@return the cases' events interleaved at random, each case's in its order} */
  List<RecordedEvent> interleaved(RandomGenerator random) {
    ArrayList<ArrayList<RecordedEvent>> queues = new ArrayList<>();
    for (ArrayList<RecordedEvent> events : byCase.values()) {
      queues.add(new ArrayList<>(events));
    }
    int[] next = new int[queues.size()];
    ArrayList<RecordedEvent> merged = new ArrayList<>();
    int remaining = all.size();
    while (remaining > 0) {
      int q = random.nextInt(queues.size());
      if (next[q] < queues.get(q).size()) {
        merged.add(queues.get(q).get(next[q]++));
        remaining--;
      }
    }
    return List.ofAll(merged);
  }
}
