package com.closureconsole.perf;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An index that the migrations made, kept as PostgreSQL's own definition of it, so it can be
 * dropped for a bulk load and made again exactly as it was (an index built once over the loaded
 * rows costs a fraction of one kept up to date row by row). Primary keys and UNIQUE constraints
 * are dropped and added again the same way, except those a foreign key depends on.
 *
 * @param create the statement that makes it again
 * @param drop   the statement that drops it
 */
record IndexDefinition(String table, String name, String create, String drop) {

    static List<IndexDefinition> dropAll(Statement st, List<String> tables) throws SQLException {
        List<IndexDefinition> indexes = new ArrayList<>();
        String names = String.join("','", tables);
        try (ResultSet rs = st.executeQuery("""
                SELECT t.relname, x.relname, pg_get_indexdef(i.indexrelid), k.conname, pg_get_constraintdef(k.oid)
                  FROM pg_index i
                  JOIN pg_class t ON t.oid = i.indrelid
                  JOIN pg_class x ON x.oid = i.indexrelid
                  LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.contype IN ('p', 'u')
                 WHERE t.relnamespace = current_schema()::regnamespace
                   AND t.relname IN ('%s')
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)
                 ORDER BY t.relname, x.relname""".formatted(names))) {
            while (rs.next()) {
                String table = rs.getString(1);
                String constraint = rs.getString(4);
                // A partitioned table's index is defined ON ONLY the parent; made again ON the table it
                // is built on every partition.
                indexes.add(constraint == null
                        ? new IndexDefinition(table, rs.getString(2), rs.getString(3).replaceFirst(" ON ONLY ", " ON "),
                                "DROP INDEX " + rs.getString(2))
                        : new IndexDefinition(table, rs.getString(2),
                                "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " " + rs.getString(5),
                                "ALTER TABLE " + table + " DROP CONSTRAINT " + constraint));
            }
        }
        for (IndexDefinition index : indexes) {
            st.execute(index.drop());
        }
        return indexes;
    }
}
