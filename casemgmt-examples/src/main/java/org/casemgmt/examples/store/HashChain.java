package org.casemgmt.examples.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that chains each stored event to the one before it in its case, so that a row edited, removed or
 * inserted behind the store's back shows on the next load.
 *
 * <p>{@code event_hash} is the SHA-256, in lower-case hex, of the UTF-8 bytes of
 * <pre>
 * previous_hash \n case_id \n sequence \n command_id (empty if none) \n phase_after \n type \n payload_json
 * </pre>
 * where {@code previous_hash} is the {@code event_hash} of the case's event before it, or {@link #GENESIS} for
 * its first event, and {@code payload_json} is the event's wire-format document exactly as stored. Anyone can
 * recompute the chain from the table alone (an auditor with SQL and {@code sha256sum} included).
 *
 * <p>What it does not do: the hash has no secret, so someone who edits a row <em>and</em> recomputes every later
 * hash of that case is not detected by the chain; removing a case's latest rows leaves a shorter valid chain,
 * which the store catches only while {@code case_command} still names them. An application that must rule both out
 * keeps each case's latest {@code event_hash} outside the database (in a signed export, say) and compares.
 */
public final class HashChain {

  /** The {@code previous_hash} of a case's first event: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  /**
   * The hash of one stored row.
   *
   * @param previous   the hash of the case's previous row, or {@link #GENESIS}
   * @param caseId     the row's {@code case_id}
   * @param sequence   the row's {@code sequence}
   * @param commandId  the row's {@code command_id}, or null
   * @param phaseAfter the row's {@code phase_after}
   * @param type       the row's {@code type}
   * @param payload    the row's {@code payload_json}, as stored
   * @return 64 lower-case hex digits
   */
  public static String hash(String previous, String caseId, long sequence, String commandId, String phaseAfter,
      String type, String payload) {
    String text = previous + '\n' + caseId + '\n' + sequence + '\n' + (commandId == null ? "" : commandId) + '\n'
        + phaseAfter + '\n' + type + '\n' + payload;
    return sha256(text);
  }

  /**
   * The SHA-256 of a text's UTF-8 bytes, in lower-case hex.
   *
   * @param text the text
   * @return 64 lower-case hex digits
   */
  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
