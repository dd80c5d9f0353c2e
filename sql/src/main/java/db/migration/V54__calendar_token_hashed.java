package db.migration;

import io.shotplan.sql.SecretHash;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A show's calendar feed token is kept as its SHA-256 ({@link SecretHash}), as API tokens are: whoever reads the table
 * can no longer subscribe to the feed. The addresses already handed out keep working, since their tokens are hashed
 * here. A Java migration because H2 and PostgreSQL spell SHA-256 differently in SQL; the column stays as it is.
 */
public class V54__calendar_token_hashed extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement select = context.getConnection().createStatement();
             ResultSet shows = select.executeQuery("SELECT id, calendar_token FROM show WHERE calendar_token IS NOT NULL");
             PreparedStatement update = context.getConnection()
                     .prepareStatement("UPDATE show SET calendar_token = ? WHERE id = ?")) {
            while (shows.next()) {
                update.setString(1, SecretHash.of(shows.getString(2)));
                update.setLong(2, shows.getLong(1));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
