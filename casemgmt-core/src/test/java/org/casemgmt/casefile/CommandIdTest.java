package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.UUID;
import org.casemgmt.InvalidInputException;
import org.casemgmt.party.StaffId;
import org.casemgmt.testkit.CaseGens;
import org.casemgmt.testkit.Property;
import org.junit.jupiter.api.Test;

/** A command's identity travels in its envelope for the stores; the case file decides exactly as without it. */
class CommandIdTest {

  static final Issued ANNA = Issued.by(StaffId.of("anna"), Instant.parse("2026-03-02T09:00:00Z"));

  @Test
  void the_envelope_keeps_its_id_through_every_copy() {
    CommandId id = CommandId.of(new UUID(1, 2));
    Issued identified = ANNA.withCommandId(id).expectingVersion(4);
    assertEquals(new Issued(ANNA.actor(), ANNA.at(), Option.some(4L), Option.some(id)), identified);
    assertEquals(Option.some(id), ANNA.expectingVersion(4).withCommandId(id).commandId());
    assertEquals(Option.none(), ANNA.commandId());
    assertEquals("00000000-0000-0001-0000-000000000002", id.value());
  }

  @Test
  void a_missing_or_malformed_id_is_an_input_error() {
    assertThrows(InvalidInputException.class, () -> ANNA.withCommandId(null));
    assertThrows(InvalidInputException.class, () -> CommandId.of("has space"));
    assertThrows(InvalidInputException.class, () -> CommandId.of("x".repeat(65)));
    assertThrows(InvalidInputException.class, () -> CommandId.of((UUID) null));
    assertThrows(InvalidInputException.class,
        () -> new Issued(ANNA.actor(), ANNA.at(), Option.none(), Option.some((CommandId) null)));
  }

  @Test
  void a_case_file_decides_every_generated_command_alike_with_and_without_an_id() {
    Property.forAll(CaseGens.generatedCases(40)).tries(300).check(generated -> {
      Command.OpenCase opening = (Command.OpenCase) generated.opening().command();
      Either<Rejection, CaseFile> plain = CaseFile.open(generated.opening().issued(), opening);
      Either<Rejection, CaseFile> identified = CaseFile.open(identify(generated.opening(), 0).issued(), opening);
      if (!plain.equals(identified)) {
        return false;
      }
      CaseFile a = plain.get();
      CaseFile b = identified.get();
      int n = 1;
      for (IssuedCommand command : generated.commands()) {
        Either<Rejection, List<RecordedEvent>> withoutId = a.decide(command.issued(), command.command()).map(List::ofAll);
        IssuedCommand withId = identify(command, n++);
        Either<Rejection, List<RecordedEvent>> withIdDecided =
            b.decide(withId.issued(), withId.command()).map(List::ofAll);
        if (!withoutId.equals(withIdDecided)) {
          return false;
        }
        a = a.handle(command).getOrElse(a);
        b = b.handle(withId).getOrElse(b);
      }
      return a.equals(b);
    });
  }

  static IssuedCommand identify(IssuedCommand command, int n) {
    return IssuedCommand.of(command.issued().withCommandId(CommandId.of("cmd-" + n)), command.command());
  }
}
