package dev.shmlab.foreign;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every field of a foreign segment and every watched semaphore, read at {@code timeNanos}
 * (CLOCK_MONOTONIC, {@link System#nanoTime()}). Immutable, so a sampler thread can hand it to a
 * window. Fields are read one after another without the foreign program's lock, so a snapshot
 * taken while the program writes may mix old and new fields; the next one settles it.
 */
public record DecodedSnapshot(long timeNanos, List<DecodedField> fields, List<SemaphoreValue> semaphores) {
    public DecodedSnapshot {
        fields = List.copyOf(fields);
        semaphores = List.copyOf(semaphores);
    }

    /** The field at a path ({@code packet_no}, {@code hdr.seq}). */
    public Optional<DecodedField> field(String path) {
        return fields.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** The field that has a role. */
    public Optional<DecodedField> fieldWith(FieldRole role) {
        return fields.stream().filter(f -> f.role() == role).findFirst();
    }

    /** The paths of the fields that differ from {@code previous} (none when there is no previous snapshot). */
    public Set<String> changedFields(DecodedSnapshot previous) {
        Set<String> changed = new LinkedHashSet<>();
        if (previous != null) {
            for (DecodedField f : fields) {
                if (f.changedFrom(previous.field(f.path()).orElse(null))) {
                    changed.add(f.path());
                }
            }
        }
        return changed;
    }

    /** The labels of the semaphores whose value (or absence) differs from {@code previous}. */
    public Set<String> changedSemaphores(DecodedSnapshot previous) {
        Set<String> changed = new LinkedHashSet<>();
        if (previous != null) {
            for (SemaphoreValue s : semaphores) {
                boolean same = previous.semaphores.stream().anyMatch(p -> p.label().equals(s.label()) && p.value().equals(s.value()));
                if (!same) {
                    changed.add(s.label());
                }
            }
        }
        return changed;
    }
}
