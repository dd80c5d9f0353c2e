package db.migration;

import io.shotplan.sql.ledger.AppendOnlyTrigger;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the cost ledger append-only in the database itself, so that no code path, script or role can erase what
 * finance signs:
 * <ul>
 *   <li>a trigger refuses every UPDATE and DELETE of a {@code cost_ledger} row (PostgreSQL: a PL/pgSQL function, and
 *       TRUNCATE too; H2: {@link AppendOnlyTrigger});</li>
 *   <li>the ledger's and its rollups' foreign keys no longer cascade or set null: a show, shot, discipline or GPU pool
 *       that has ledger rows cannot be deleted (that would delete or rewrite the rows), and the statement that tries
 *       fails with the constraint's name instead.</li>
 * </ul>
 * A Java migration because V1 left the foreign keys unnamed (each database named them its own way, found here through
 * JDBC's metadata) and because jOOQ's DDL parser, which generates the classes from the SQL migrations, reads neither
 * trigger syntax. Neither change alters a table's columns, so the generated classes stay as they are.
 */
public class V34__ledger_append_only extends BaseJavaMigration {

    private record ForeignKey(String table, String column, String referencedTable, String referencedColumn) {
        String name() {
            return table + "_" + column + "_fk";
        }
    }

    private static final List<ForeignKey> RESTRICTED = List.of(
            new ForeignKey("cost_ledger", "show_id", "show", "id"),
            new ForeignKey("cost_ledger", "shot_id", "shot", "id"),
            new ForeignKey("cost_ledger", "discipline_id", "discipline", "id"),
            new ForeignKey("cost_ledger", "gpu_pool_id", "gpu_pool", "id"),
            new ForeignKey("cost_ledger", "reverses_id", "cost_ledger", "id"),
            new ForeignKey("cost_ledger_rollup", "show_id", "show", "id"),
            new ForeignKey("cost_ledger_rollup_period", "show_id", "show", "id"));

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement sql = connection.createStatement()) {
            for (ForeignKey key : RESTRICTED) {
                for (String existing : constraintNames(connection, key)) {
                    sql.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + quoted(existing));
                }
                // no ON DELETE action: NO ACTION, checked at the end of the statement, on both databases
                sql.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + key.name() + " FOREIGN KEY ("
                        + key.column() + ") REFERENCES " + key.referencedTable() + " (" + key.referencedColumn() + ")");
            }
            if (postgres) {
                sql.execute("""
                        CREATE FUNCTION cost_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            RAISE EXCEPTION USING ERRCODE = '%s',
                                MESSAGE = TG_TABLE_NAME || ' is append-only: ' || TG_OP
                                    || ' refused; a recorded cost is corrected by appending a reversal';
                        END
                        $$""".formatted(AppendOnlyTrigger.SQL_STATE));
                sql.execute("CREATE TRIGGER cost_ledger_append_only BEFORE UPDATE OR DELETE ON cost_ledger"
                        + " FOR EACH ROW EXECUTE FUNCTION cost_ledger_append_only()");
                sql.execute("CREATE TRIGGER cost_ledger_no_truncate BEFORE TRUNCATE ON cost_ledger"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION cost_ledger_append_only()");
            } else {
                sql.execute("CREATE TRIGGER cost_ledger_append_only BEFORE UPDATE, DELETE ON cost_ledger FOR EACH ROW"
                        + " CALL '" + AppendOnlyTrigger.class.getName() + "'");
            }
        }
    }

    /** The names the database gave the foreign key(s) of {@code key.column} in V1. */
    private static List<String> constraintNames(Connection connection, ForeignKey key) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), key.table())) {
            while (keys.next()) {
                if (keys.getString("FKCOLUMN_NAME").equalsIgnoreCase(key.column())) {
                    names.add(keys.getString("FK_NAME"));
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no foreign key found on " + key.table() + "." + key.column());
        }
        return names;
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
