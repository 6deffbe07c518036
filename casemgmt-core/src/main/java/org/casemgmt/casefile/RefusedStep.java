package org.casemgmt.casefile;

import org.casemgmt.internal.Check;

/**
 * Which step of a sequence of commands was refused, and why: the answer of
 * {@link CaseFile#handleAll(Issued, Command...)} when it stops at the first refusal. The steps before it were
 * accepted; the case file they built is not kept, so a caller retries or reports from the case file it held.
 *
 * <pre>{@code
 * file.handleAll(anna, new StartAssessment(), new CompleteAssessment())
 *     .peekLeft(refused -> show(refused.position() + ": " + Labels.explain(refused.rejection(), Locale.ENGLISH)));
 * }</pre>
 *
 * @param position  the refused command's position in the sequence, from 0
 * @param kind      the refused command's kind
 * @param rejection the rule it broke
 */
public record RefusedStep(int position, CommandKind kind, Rejection rejection) {

  public RefusedStep {
    Check.orThrow(Check.atLeast("position", position, 0), Check.present("kind", kind),
        Check.present("rejection", rejection));
  }
}
