package io.taskgate.support;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * What the database behind the pool can say beyond the SQL that H2 and PostgreSQL share. Every
 * statement of the product runs on both; a feature asks here only to save round trips where
 * PostgreSQL allows it, never to change an answer.
 */
@Component
public class SqlDialect {

    private final boolean postgresql;

    SqlDialect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            this.postgresql = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /**
     * Whether one statement may write two tables: PostgreSQL's {@code WITH change AS (insert …
     * returning …) insert …}, committed as one even outside a transaction. H2 has no such statement.
     */
    public boolean writesTwoTablesInOneStatement() {
        return postgresql;
    }

    /**
     * Whether the database can tell a listening connection about changes as they commit
     * (PostgreSQL's {@code LISTEN}/{@code NOTIFY}, sent by the triggers of the vendor migrations).
     */
    public boolean noticesChanges() {
        return postgresql;
    }
}
