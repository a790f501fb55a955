package com.closureconsole.perf;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An index that the migrations made, kept as PostgreSQL's own definition of it, so it can be
 * dropped for a bulk load and made again exactly as it was (an index built once over the loaded
 * rows costs a fraction of one kept up to date row by row). Indexes that back a constraint
 * (primary keys, UNIQUE) stay.
 */
record IndexDefinition(String table, String name, String definition) {

    static List<IndexDefinition> dropAll(Statement st, List<String> tables) throws SQLException {
        List<IndexDefinition> indexes = new ArrayList<>();
        String names = String.join("','", tables);
        try (ResultSet rs = st.executeQuery("""
                SELECT t.relname AS table_name, x.relname AS index_name, pg_get_indexdef(i.indexrelid) AS definition
                  FROM pg_index i
                  JOIN pg_class t ON t.oid = i.indrelid
                  JOIN pg_class x ON x.oid = i.indexrelid
                 WHERE t.relnamespace = current_schema()::regnamespace
                   AND t.relname IN ('%s')
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                 ORDER BY t.relname, x.relname""".formatted(names))) {
            while (rs.next()) {
                indexes.add(new IndexDefinition(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        for (IndexDefinition index : indexes) {
            st.execute("DROP INDEX " + index.name());
        }
        return indexes;
    }
}
