package org.casemgmt.casefile;

import io.vavr.control.Option;
import java.time.Instant;
import org.casemgmt.internal.Check;
import org.casemgmt.party.StaffId;

/**
 * Who issues a command and when, optionally the version of the case file the issuer saw, and optionally the
 * command's own identity. The model has no clock: time always comes in from the caller, so the same commands
 * always give the same events.
 *
 * <pre>{@code
 * Issued now = Issued.by(StaffId.of("anna"), Instant.parse("2026-03-02T09:00:00Z"));
 * Issued guarded = now.expectingVersion(7); // refused with VersionConflict if someone else wrote first
 * Issued once = now.withCommandId(CommandId.of(UUID.randomUUID())); // a retry of it is recognised by a store
 * }</pre>
 *
 * <p>The case file itself does not look at the command id: deciding is a pure function of the case and the
 * command. It is for whatever stores the outcome (the example event store records it with the events, once),
 * so that a retry after an unknown outcome finds its command already stored instead of storing it twice.
 *
 * @param actor           the member of the team issuing the command
 * @param at              when it is issued; not before the case was opened nor before its latest event
 * @param expectedVersion the case file's version the issuer saw, for optimistic concurrency; none to skip the
 *                        check
 * @param commandId       the command's identity, the same through every retry of it; none if the issuer keeps
 *                        no identity (a store then cannot tell a retry from a new command)
 */
public record Issued(StaffId actor, Instant at, Option<Long> expectedVersion, Option<CommandId> commandId) {

  /**
   * Throws {@link org.casemgmt.InvalidInputException} if a field is missing, an option holds null, or the expected
   * version is negative.
   */
  public Issued {
    Check.orThrow(
        Check.present("actor", actor),
        Check.instant("at", at),
        Check.option("expectedVersion", expectedVersion),
        expectedVersion != null && expectedVersion.exists(v -> v != null && v < 0)
            ? Check.atLeast("expectedVersion", expectedVersion.getOrElse(0L), 0)
            : null,
        Check.option("commandId", commandId));
  }

  /**
   * A stamp without a command id, as before command ids existed.
   *
   * @param actor           the member of the team issuing the command
   * @param at              when it is issued
   * @param expectedVersion the case file's version the issuer saw; none to skip the check
   * @throws org.casemgmt.InvalidInputException if a field is missing or the expected version is negative
   */
  public Issued(StaffId actor, Instant at, Option<Long> expectedVersion) {
    this(actor, at, expectedVersion, Option.none());
  }

  /**
   * A command issued by an actor at an instant, without a version check.
   *
   * @param actor the member of the team issuing the command
   * @param at    when it is issued, from the application's clock (the model has none)
   * @return a stamp that any version of the case file accepts
   * @throws org.casemgmt.InvalidInputException if an argument is missing
   */
  public static Issued by(StaffId actor, Instant at) {
    return new Issued(actor, at, Option.none(), Option.none());
  }

  /**
   * The same stamp, refused with {@link Rejection.VersionConflict} unless the case file is at this version.
   *
   * @param version the case file's version the issuer saw, from 0 (a case not yet opened)
   * @return a copy of this stamp that carries the expected version
   * @throws org.casemgmt.InvalidInputException if the version is negative
   */
  public Issued expectingVersion(long version) {
    return new Issued(actor, at, Option.some(version), commandId);
  }

  /**
   * The same stamp, identifying the command it travels with; keep the same id through every retry of the command.
   *
   * @param id the command's identity, chosen by the application (e.g. {@code CommandId.of(UUID.randomUUID())})
   * @return a copy of this stamp that carries the command id
   * @throws org.casemgmt.InvalidInputException if the id is missing
   */
  public Issued withCommandId(CommandId id) {
    return new Issued(actor, at, expectedVersion, Option.some(Check.notNull(id, "id")));
  }
}
