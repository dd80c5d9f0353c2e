package io.shotplan.sql.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of the ledger's append-only rule (PostgreSQL's is a PL/pgSQL trigger function, see the V34 migration):
 * fired before every UPDATE or DELETE of a {@code cost_ledger} row, it refuses the statement. A cost is corrected by
 * appending a reversal ({@link LedgerRepository#reverse}), never by changing or removing what was recorded.
 */
public final class AppendOnlyTrigger implements Trigger {

    /** The SQLSTATE both databases raise: PostgreSQL's "restrict violation". */
    public static final String SQL_STATE = "23001";

    /** The ledger's name, not the one H2 passes to {@link #init}: after an ALTER TABLE that is the copy's name. */
    private static final String TABLE = "cost_ledger";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        // nothing to keep: the trigger guards the cost ledger only
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(message(TABLE, newRow == null ? "DELETE" : "UPDATE"), SQL_STATE);
    }

    /** The one wording of the refusal, on H2 and PostgreSQL alike. */
    public static String message(String table, String operation) {
        return table + " is append-only: " + operation + " refused; a recorded cost is corrected by appending a reversal";
    }
}
