package io.shotplan.sql;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Fresh planner statistics for tables a bulk write has just filled (PostgreSQL's "run ANALYZE afterwards" for bulk
 * loads). PostgreSQL plans every query from the statistics ANALYZE last gathered; autovacuum gathers them only a
 * minute or more after a table changed, and never where it is turned off. Until then a show just imported, or the
 * items of a plan just solved, look like a handful of rows to the planner, and it joins them by nested loops that
 * compare every row with every other: the example show's report cost statement took 60–86 ms that way instead of
 * 7 ms. ANALYZE reads a sample of at most 30,000 rows per table, so it is cheap beside the write it follows.
 * H2 gathers its own statistics after every 2,000 changed rows of a table (its ANALYZE_AUTO), so nothing runs there.
 */
public final class TableStatistics {

    private TableStatistics() {
    }

    /** Gathers the planner's statistics of the tables, after a write that changed many of their rows. */
    public static void refresh(DSLContext dsl, Table<?>... tables) {
        if (dsl.dialect().family() == SQLDialect.POSTGRES && tables.length > 0) {
            dsl.query("ANALYZE {0}", DSL.list(tables)).execute();
        }
    }
}
