package org.casemgmt.party;

import java.time.LocalDate;
import org.casemgmt.FreeText;
import org.casemgmt.internal.Check;

/**
 * The person a case is about: <em>utente</em>, <em>assistito</em>, <em>beneficiario</em>, patient or
 * jobseeker, depending on the service. Only an identifier and the few personal fields needed to recognise the
 * person are kept; everything else stays in the embedding application.
 *
 * <p>{@link #toString()} never shows the personal fields, so a client can be logged by accident without
 * leaking who it is.
 *
 * <pre>{@code Client maria = Client.of(ClientId.of("C-17"), "Maria Rossi", LocalDate.of(1984, 3, 2)); }</pre>
 *
 * @param id        the client's identifier in the embedding application
 * @param fullName  the client's name (personal data, redacted in {@code toString})
 * @param birthDate the client's date of birth (personal data, redacted in {@code toString})
 */
public record Client(ClientId id, FreeText fullName, LocalDate birthDate) {

  /**
   * Throws {@link org.casemgmt.InvalidInputException} if a field is missing or the name blank or longer than 200
   * characters.
   */
  public Client {
    Check.orThrow(
        Check.present("id", id),
        Check.freeText("fullName", fullName, Check.SHORT_TEXT),
        Check.day("birthDate", birthDate));
  }

  /**
   * Creates a client, the name given as a plain string.
   *
   * @param id        the client's identifier in the embedding application
   * @param fullName  the client's name; not blank, at most 200 characters
   * @param birthDate the client's date of birth
   * @return the client, its name held as {@link FreeText}
   * @throws org.casemgmt.InvalidInputException if a field is missing, blank or too long
   */
  public static Client of(ClientId id, String fullName, LocalDate birthDate) {
    return new Client(id, Check.freeText(fullName), birthDate);
  }

  @Override
  public String toString() {
    return "Client[id=" + id + ", fullName=***, birthDate=***]";
  }
}
