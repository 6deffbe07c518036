package org.casemgmt.examples.store;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.casefile.Rejection.VersionConflict;

/**
 * The application service around a case file: load, decide, append with the expected version, evolve — and if
 * someone else wrote first, load again and decide again.
 *
 * <pre>{@code
 * CaseService service = new CaseService(JdbcEventStore.h2InMemory("cases"), 10);
 * Issued anna = Issued.by(StaffId.of("anna"), now);
 * service.open(anna, OpenCase.of(caseId, client, today, LifeDomain.HOUSING));
 * service.handle(caseId, anna, new Command.StartAssessment())
 *     .peekLeft(failure -> show(failure));   // a Rejection, an unknown case, or too many conflicts
 * service.handle(caseId, wire.readCommand(json)); // a command that arrived in its envelope, e.g. from a queue
 * }</pre>
 *
 * <p><b>Retries.</b> A {@link VersionConflict} from the store means the case changed between loading and
 * appending; the command is decided again on the new state, so the rules see everything that happened. A command
 * whose envelope carries its issuer's own expected version ({@link Issued#expectingVersion}) is then refused by
 * the case file itself, as it should be: the person saw an older case.
 *
 * <p><b>Cache.</b> Case files are kept in memory and brought up to date with {@link JdbcEventStore#catchUp}
 * before each decision, which reads only the newer events; the database stays the single source of truth, and
 * several service instances over one database are safe. Thread-safe.
 */
public final class CaseService {

  /** Why a command did not change the case. */
  public sealed interface Failure {
    /**
     * The case file refused the command.
     *
     * @param rejection the broken rule
     */
    record Refused(Rejection rejection) implements Failure {}

    /**
     * No case has this id.
     *
     * @param caseId the id asked for, with no event stored
     */
    record UnknownCase(CaseId caseId) implements Failure {}

    /**
     * Every attempt lost the race to another writer.
     *
     * @param last     the last conflict
     * @param attempts how many times the command was decided
     */
    record GaveUp(VersionConflict last, int attempts) implements Failure {}
  }

  private final JdbcEventStore store;
  private final int maxAttempts;
  private final ConcurrentHashMap<CaseId, CaseFile> cache = new ConcurrentHashMap<>();
  private final LongAdder conflicts = new LongAdder();
  private final LongAdder retries = new LongAdder();

  /**
   * Creates the service.
   *
   * @param store       where the events are
   * @param maxAttempts how many times a command is decided before giving up on conflicts, at least 1
   */
  public CaseService(JdbcEventStore store, int maxAttempts) {
    if (store == null || maxAttempts < 1) {
      throw new IllegalArgumentException("a store and at least one attempt are required");
    }
    this.store = store;
    this.maxAttempts = maxAttempts;
  }

  /**
   * Opens a case. A second opening of the same id is refused with {@link Rejection.CaseAlreadyOpened}, also
   * when two applications race to open it.
   *
   * @param issued  who opens it and when
   * @param command the opening command
   * @return the new case file, or why not
   */
  public Either<Failure, CaseFile> open(Issued issued, Command.OpenCase command) {
    return CaseFile.decideOpening(issued, command).<Failure>mapLeft(Failure.Refused::new)
        .flatMap(events -> store.append(Option.none(), events).<Failure>mapLeft(conflict ->
            new Failure.Refused(new Rejection.CaseAlreadyOpened(command.caseId()))))
        .peek(this::remember);
  }

  /**
   * Handles a command on a stored case: decide on the latest state, append, and retry on a version conflict.
   *
   * @param caseId  the stored case the command is for
   * @param issued  who issues the command, when, and the version they expect
   * @param command what is asked of the case
   * @return the case file after the command, or why it did not change
   */
  public Either<Failure, CaseFile> handle(CaseId caseId, Issued issued, Command command) {
    if (caseId == null || issued == null || command == null) {
      throw new IllegalArgumentException("caseId, issued and command are required");
    }
    VersionConflict last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        retries.increment();
      }
      Option<CaseFile> current = latest(caseId);
      Either<Failure, Either<VersionConflict, CaseFile>> step = current
          .<Failure>toEither(() -> new Failure.UnknownCase(caseId))
          .flatMap(before -> before.decide(issued, command).<Failure>mapLeft(Failure.Refused::new))
          .map(events -> store.append(current, events));
      Option<VersionConflict> lost = step.toOption().flatMap(appended -> appended.swap().toOption());
      if (lost.isEmpty()) {
        int attempts = attempt;
        return step.flatMap(appended -> appended.<Failure>mapLeft(c -> new Failure.GaveUp(c, attempts)))
            .peek(this::remember);
      }
      conflicts.increment();
      last = lost.getOrElse(last);
    }
    return Either.left(new Failure.GaveUp(last, maxAttempts));
  }

  /**
   * Handles a command that arrived in its envelope (read from a queue with {@link WireFormat#readCommand}, say)
   * as {@link #handle(CaseId, Issued, Command)} does.
   *
   * @param caseId  the stored case the command is for
   * @param command the command with who issued it, when, and the version they expected
   * @return the case file after the command, or why it did not change
   */
  public Either<Failure, CaseFile> handle(CaseId caseId, IssuedCommand command) {
    if (command == null) {
      throw new IllegalArgumentException("command is required");
    }
    return handle(caseId, command.issued(), command.command());
  }

  /**
   * The latest stored state of a case.
   *
   * @param caseId the case to load, or to bring up to date from the cache
   * @return the case file, or none if there is no such case
   */
  public Option<CaseFile> latest(CaseId caseId) {
    CaseFile cached = cache.get(caseId);
    Option<CaseFile> fresh = cached == null ? store.load(caseId) : Option.some(store.catchUp(cached));
    fresh.forEach(this::remember);
    return fresh;
  }

  private void remember(CaseFile file) {
    // Concurrent threads may finish out of order: keep the newest version.
    cache.merge(file.id(), file, (old, candidate) -> candidate.version() > old.version() ? candidate : old);
  }

  /** How many appends lost the race to another writer since the service started. */
  public long conflicts() {
    return conflicts.sum();
  }

  /** How many times a command was decided again after a conflict. */
  public long retries() {
    return retries.sum();
  }
}
