package dev.shmlab.shm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table such as /proc/sysvipc/shm: a header line of column names, then one row per object.
 * Columns are found by name, because their order and number differ between kernel versions.
 */
final class ProcTable {
    private ProcTable() {
    }

    /** The rows as column name to value; no rows when the file does not exist (no System V IPC). */
    static List<Row> read(Path table) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table, e);
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        String[] header = lines.getFirst().trim().split("\\s+");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.trim().split("\\s+");
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < Math.min(header.length, fields.length); i++) {
                row.put(header[i], fields[i]);
            }
            rows.add(new Row(table, row));
        }
        return rows;
    }

    /** One row; a missing or malformed column is an error naming the table and the column. */
    record Row(Path table, Map<String, String> fields) {
        long number(String column) {
            String value = fields.get(column);
            if (value == null) {
                throw new IllegalStateException(table + " has no column \"" + column + "\"");
            }
            return Long.parseLong(value);
        }

        int integer(String column) {
            return (int) number(column);
        }

        /** An octal column such as perms ({@code 644} is rw-r--r--). */
        int octal(String column) {
            return Integer.parseInt(fields.getOrDefault(column, "0"), 8);
        }

        boolean has(String column) {
            return fields.containsKey(column);
        }
    }
}
