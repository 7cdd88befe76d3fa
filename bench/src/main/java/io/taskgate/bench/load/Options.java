package io.taskgate.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value}, {@code --name=value} and {@code --flag} arguments of the bench commands. */
record Options(Map<String, String> values) {

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            } else {
                values.put(name, "true");
            }
        }
        return new Options(values);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(get(name, String.valueOf(fallback)).replace("_", "").replace(",", ""));
    }

    long longValue(String name, long fallback) {
        return Long.parseLong(get(name, String.valueOf(fallback)).replace("_", "").replace(",", ""));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(get(name, "false"));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(get("db", "jdbc:postgresql://127.0.0.1:5432/taskgate_bench"),
                get("db-user", "postgres"), get("db-password", ""));
    }
}
