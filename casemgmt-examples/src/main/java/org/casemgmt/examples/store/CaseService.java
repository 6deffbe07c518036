package org.casemgmt.examples.store;

import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.CommandId;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.examples.store.JdbcEventStore.NotAppended;
import org.casemgmt.examples.store.JdbcEventStore.StoredCommand;

/**
 * The application service around a case file: load, decide, append with the expected version, evolve — and if
 * someone else wrote first, load again and decide again; if the outcome of an append is unknown, find out.
 *
 * <pre>{@code
 * CaseService service = new CaseService(JdbcEventStore.over(pool), 10);
 * Issued anna = Issued.by(StaffId.of("anna"), now).withCommandId(CommandId.of(UUID.randomUUID()));
 * service.open(anna, OpenCase.of(caseId, client, today, LifeDomain.HOUSING));
 * service.handle(caseId, anna, new Command.StartAssessment())
 *     .peekLeft(failure -> show(failure));   // a Rejection, an unknown case, a reused id, or too many conflicts
 * service.handle(caseId, wire.readCommand(json)); // a command that arrived in its envelope, e.g. from a queue
 * }</pre>
 *
 * <p><b>Retries.</b> A {@link NotAppended.Conflict} from the store means the case changed between loading and
 * appending; the command is decided again on the new state, so the rules see everything that happened. A command
 * whose envelope carries its issuer's own expected version ({@link Issued#expectingVersion}) is then refused by
 * the case file itself, as it should be: the person saw an older case. {@link NotAppended.Busy} (another writer
 * held the case longer than the lock timeout) is retried the same way.
 *
 * <p><b>Exactly once.</b> Every command is appended with a {@link CommandId}: the envelope's, or one the service
 * makes for this call. If the connection fails at COMMIT ({@link OutcomeUnknownException}), the service asks the
 * store whether the command is stored and answers the stored result if it is; if not, it decides and appends
 * again, and the store's unique command id keeps a racing duplicate out. A caller that retries after losing the
 * answer itself (its own process restarted, say) gives the command the same id both times: the service then finds
 * the first attempt and answers its result — the case file right after that command — instead of applying it
 * again. If the store cannot be asked, the original {@link OutcomeUnknownException} is thrown, with the later
 * errors suppressed beside it.
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
     * The command's id is already stored for a different command (another case, or other content): ids must
     * be unique per command, and a retry must send its command unchanged.
     *
     * @param commandId the id
     * @param stored    what the store holds under it
     */
    record CommandIdReused(CommandId commandId, StoredCommand stored) implements Failure {}

    /**
     * Every attempt lost the race to another writer, or found the case busy.
     *
     * @param last     why the last attempt stored nothing
     * @param attempts how many times the command was decided
     */
    record GaveUp(NotAppended last, int attempts) implements Failure {}
  }

  private final JdbcEventStore store;
  private final int maxAttempts;
  private final ConcurrentHashMap<CaseId, CaseFile> cache = new ConcurrentHashMap<>();
  private final LongAdder conflicts = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder unknownOutcomes = new LongAdder();

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
   * when two applications race to open it; a retry of the same opening (same command id) answers the case as
   * that opening left it.
   *
   * @param issued  who opens it and when (and the command's id, if the caller keeps one)
   * @param command the opening command
   * @return the new case file, or why not
   */
  public Either<Failure, CaseFile> open(Issued issued, Command.OpenCase command) {
    if (issued == null || command == null) {
      throw new IllegalArgumentException("issued and command are required");
    }
    return run(command.caseId(), issued, command, current -> current.isDefined()
        ? Either.left(new Failure.Refused(new Rejection.CaseAlreadyOpened(command.caseId())))
        : CaseFile.decideOpening(issued, command).mapLeft(Failure.Refused::new));
  }

  /**
   * Handles a command on a stored case: decide on the latest state, append, retry on a version conflict, and
   * find out after an unknown outcome.
   *
   * @param caseId  the stored case the command is for
   * @param issued  who issues the command, when, the version they expect, and its id if the caller keeps one
   * @param command what is asked of the case
   * @return the case file after the command, or why it did not change
   */
  public Either<Failure, CaseFile> handle(CaseId caseId, Issued issued, Command command) {
    if (caseId == null || issued == null || command == null) {
      throw new IllegalArgumentException("caseId, issued and command are required");
    }
    return run(caseId, issued, command, current -> current
        .<Failure>toEither(() -> new Failure.UnknownCase(caseId))
        .flatMap(before -> before.decide(issued, command).mapLeft(Failure.Refused::new)));
  }

  /**
   * Handles a command that arrived in its envelope (read from a queue with {@link WireFormat#readCommand}, say)
   * as {@link #handle(CaseId, Issued, Command)} does.
   *
   * @param caseId  the stored case the command is for
   * @param command the command with who issued it, when, the version they expected and its id
   * @return the case file after the command, or why it did not change
   */
  public Either<Failure, CaseFile> handle(CaseId caseId, IssuedCommand command) {
    if (command == null) {
      throw new IllegalArgumentException("command is required");
    }
    return handle(caseId, command.issued(), command.command());
  }

  private Either<Failure, CaseFile> run(CaseId caseId, Issued issued, Command command,
      Function<Option<CaseFile>, Either<Failure, Seq<RecordedEvent>>> decide) {
    // The caller's id may have been stored by an earlier attempt of theirs; an id made here cannot have been.
    boolean mayBeStored = issued.commandId().isDefined();
    IssuedCommand identified = IssuedCommand.of(mayBeStored ? issued
        : issued.withCommandId(CommandId.of(UUID.randomUUID())), command);
    CommandId id = identified.issued().commandId().get();
    NotAppended last = null;
    OutcomeUnknownException unknown = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        retries.increment();
      }
      try {
        if (mayBeStored) {
          Option<StoredCommand> stored = store.findCommand(id);
          if (stored.isDefined()) {
            return storedResult(caseId, identified, stored.get());
          }
        }
        Option<CaseFile> current = latest(caseId);
        Either<Failure, Seq<RecordedEvent>> decided = decide.apply(current);
        if (decided.isLeft()) {
          return Either.left(decided.getLeft());
        }
        Either<NotAppended, CaseFile> appended = store.append(current, identified, decided.get());
        if (appended.isRight()) {
          remember(appended.get());
          return Either.right(appended.get());
        }
        last = appended.getLeft();
        if (last instanceof NotAppended.AlreadyStored already) {
          return storedResult(caseId, identified, already.stored());
        }
        if (current.isEmpty() && last instanceof NotAppended.Conflict) {
          // Someone else opened the case between our look and our append.
          return Either.left(new Failure.Refused(new Rejection.CaseAlreadyOpened(caseId)));
        }
        conflicts.increment();
      } catch (OutcomeUnknownException e) {
        unknownOutcomes.increment();
        if (unknown != null) {
          unknown.addSuppressed(e);
        } else {
          unknown = e;
        }
        mayBeStored = true;
        last = null;
      } catch (EventStoreException e) {
        if (unknown == null) {
          throw e;
        }
        // Asking the store after an unknown outcome failed: the first error is the one that matters.
        unknown.addSuppressed(e);
        throw unknown;
      }
    }
    if (last == null) {
      // The last attempt's outcome is unknown too, and there are no attempts left to find out.
      throw unknown;
    }
    return Either.left(new Failure.GaveUp(last, maxAttempts));
  }

  /** The case as the stored command left it, if the stored command is this one. */
  private Either<Failure, CaseFile> storedResult(CaseId caseId, IssuedCommand command, StoredCommand stored) {
    if (!stored.caseId().equals(caseId) || !stored.digest().equals(store.digestOf(command))) {
      return Either.left(new Failure.CommandIdReused(stored.commandId(), stored));
    }
    CaseFile after = store.load(caseId, stored.lastSequence()).getOrElseThrow(() -> new EventStoreException(
        "command " + stored.commandId() + " is stored up to " + caseId + "#" + stored.lastSequence()
            + " but the case has fewer events", null));
    remember(after);
    return Either.right(after);
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

  /** How many appends lost the race to another writer, or found the case busy, since the service started. */
  public long conflicts() {
    return conflicts.sum();
  }

  /** How many times a command was tried again after a conflict or an unknown outcome. */
  public long retries() {
    return retries.sum();
  }

  /** How many appends ended with the connection failing at COMMIT. */
  public long unknownOutcomes() {
    return unknownOutcomes.sum();
  }
}
