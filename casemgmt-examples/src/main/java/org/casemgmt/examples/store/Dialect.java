package org.casemgmt.examples.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The two databases the store speaks to, and the few statements they say differently: an insert that does
 * nothing when the key exists, and the time limits of a transaction.
 */
enum Dialect {
  /** H2 2.x, embedded: {@code MERGE … WHEN NOT MATCHED}, {@code SET LOCK_TIMEOUT}. */
  H2,
  /** PostgreSQL: {@code INSERT … ON CONFLICT DO NOTHING}, {@code SET LOCAL} timeouts. */
  POSTGRESQL;

  /**
   * The dialect of a connection's database.
   *
   * @param connection an open connection
   * @return its dialect
   * @throws SQLException           if the metadata cannot be read
   * @throws EventStoreException    if the database is neither H2 nor PostgreSQL
   */
  static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    if ("H2".equals(product)) {
      return H2;
    }
    if ("PostgreSQL".equals(product)) {
      return POSTGRESQL;
    }
    throw new EventStoreException("the event store runs on H2 or PostgreSQL, not on " + product, null);
  }

  /**
   * An insert of the given columns that inserts nothing (row count 0) when a row with the same key exists,
   * instead of failing: a conflict is then an answer, not an error in the server's log.
   *
   * @param table   the table
   * @param columns its columns with their SQL types, in parameter order, e.g. {@code "case_id VARCHAR(64)"}
   * @param key     the key columns
   * @return the statement, with one parameter per column
   */
  String insertUnlessPresent(String table, String[] columns, String... key) {
    StringBuilder names = new StringBuilder();
    StringBuilder params = new StringBuilder();
    StringBuilder casts = new StringBuilder();
    StringBuilder source = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      String[] nameAndType = columns[i].split(" ", 2);
      String sep = i == 0 ? "" : ", ";
      names.append(sep).append(nameAndType[0]);
      params.append(sep).append('?');
      casts.append(sep).append("CAST(? AS ").append(nameAndType[1]).append(')');
      source.append(sep).append("s.").append(nameAndType[0]);
    }
    if (this == POSTGRESQL) {
      return "INSERT INTO " + table + " (" + names + ") VALUES (" + params + ") ON CONFLICT DO NOTHING";
    }
    StringBuilder on = new StringBuilder();
    for (int i = 0; i < key.length; i++) {
      on.append(i == 0 ? "" : " AND ").append("t.").append(key[i]).append(" = s.").append(key[i]);
    }
    return "MERGE INTO " + table + " t USING (VALUES (" + casts + ")) AS s(" + names + ") ON " + on
        + " WHEN NOT MATCHED THEN INSERT (" + names + ") VALUES (" + source + ")";
  }
}
