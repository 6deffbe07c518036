package org.casemgmt.casefile;

import java.util.UUID;
import org.casemgmt.internal.Check;

/**
 * Identifies one command as its issuer sent it, so that a command retried after an unknown outcome (a
 * connection lost during COMMIT, say) is recognised as the same command and not applied twice. The embedding
 * application chooses it, usually a random UUID made once when the person presses the button and kept with the
 * command through every retry; it is safe to log.
 *
 * <pre>{@code
 * Issued issued = Issued.by(anna, now).withCommandId(CommandId.of(UUID.randomUUID()));
 * }</pre>
 *
 * @param value 1 to 64 letters, digits or {@code - _ . : /}
 */
public record CommandId(String value) implements Comparable<CommandId> {

  /** Throws {@link org.casemgmt.InvalidInputException} unless the value has the identifier form above. */
  public CommandId {
    Check.orThrow(Check.identifier("commandId", value));
  }

  /**
   * Creates the identifier.
   *
   * @param value 1 to 64 letters, digits or {@code - _ . : /}
   * @return the identifier
   * @throws org.casemgmt.InvalidInputException if the value is missing, blank, too long or malformed
   */
  public static CommandId of(String value) {
    return new CommandId(value);
  }

  /**
   * The identifier of a UUID, in its usual 36-character form.
   *
   * @param uuid the UUID, e.g. {@code UUID.randomUUID()} made by the application when the command is created
   * @return the identifier
   * @throws org.casemgmt.InvalidInputException if the UUID is missing
   */
  public static CommandId of(UUID uuid) {
    return new CommandId(Check.notNull(uuid, "uuid").toString());
  }

  /** Orders by value; a missing {@code other} is refused with an {@link org.casemgmt.InvalidInputException}. */
  @Override
  public int compareTo(CommandId other) {
    return value.compareTo(Check.notNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
