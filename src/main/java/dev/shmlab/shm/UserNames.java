package dev.shmlab.shm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** User names for numeric uids, from /etc/passwd; a uid with no entry shows as its number. */
final class UserNames {
    private final Map<Integer, String> names = new HashMap<>();

    UserNames() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":", -1);
                if (f.length > 2) {
                    parseInto(f[0], f[2]);
                }
            }
        } catch (IOException e) {
            // no passwd file: every owner shows as a number
        }
    }

    String of(int uid) {
        return names.getOrDefault(uid, Integer.toString(uid));
    }

    private void parseInto(String name, String uid) {
        try {
            names.putIfAbsent(Integer.parseInt(uid), name);
        } catch (NumberFormatException e) {
            // a malformed line says nothing about anybody
        }
    }
}
