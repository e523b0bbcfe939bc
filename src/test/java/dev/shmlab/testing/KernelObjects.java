package dev.shmlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What is in /dev/shm, the System V tables and /dev/mqueue (POSIX message queues, when that file
 * system is mounted) right now, for leftover checks.
 */
public record KernelObjects(Set<String> devShm, Set<String> sysvShmIds, Set<String> sysvSemIds, Set<String> mqueues) {

    public static KernelObjects now() {
        return new KernelObjects(devShmNames(), sysvIds(Path.of("/proc/sysvipc/shm"), 1), sysvIds(Path.of("/proc/sysvipc/sem"), 1),
                names(Path.of("/dev/mqueue")));
    }

    /** What is here now and was not in the baseline; /dev/shm restricted to names containing "shmlab". */
    public KernelObjects newSince(KernelObjects baseline) {
        return new KernelObjects(
                withoutLiveRuns(minus(filterShmlab(devShm), baseline.devShm)),
                withoutDisplayBuffers(minus(sysvShmIds, baseline.sysvShmIds)),
                minus(sysvSemIds, baseline.sysvSemIds),
                minus(filterShmlab(mqueues), baseline.mqueues));
    }

    public boolean isEmpty() {
        return devShm.isEmpty() && sysvShmIds.isEmpty() && sysvSemIds.isEmpty() && mqueues.isEmpty();
    }

    private static Set<String> devShmNames() {
        return names(Path.of("/dev/shm"));
    }

    private static Set<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new TreeSet<>();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            return new TreeSet<>();
        }
    }

    private static Set<String> sysvIds(Path table, int column) {
        Set<String> ids = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(table).subList(1, Files.readAllLines(table).size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > column) {
                    ids.add(f[column]);
                }
            }
        } catch (IOException e) {
            // no System V support: nothing to leak
        }
        return ids;
    }

    private static Set<String> filterShmlab(Set<String> names) {
        Set<String> out = new TreeSet<>();
        for (String n : names) {
            if (n.contains("shmlab")) {
                out.add(n);
            }
        }
        return out;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    /**
     * Drops System V segments that are the window toolkit's X11 shared-memory images: private key,
     * not made by shmlab, still attached (by the X server). They belong to the display and go with
     * the test JVM; anything of shmlab's is still reported.
     */
    private static Set<String> withoutDisplayBuffers(Set<String> ids) {
        Set<String> out = new TreeSet<>(ids);
        for (dev.shmlab.shm.IpcObject o : dev.shmlab.shm.IpcListing.all()) {
            if (o.kind() == dev.shmlab.shm.ObjectRegistry.Kind.SYSV_SHM && o.key() == 0 && !o.createdByShmlab() && o.attachCount() > 0) {
                out.remove(Integer.toString(o.id()));
            }
        }
        return out;
    }

    /**
     * Drops /dev/shm names whose registry entry names a creator that is still running: a run that
     * is still in progress (known issue: a window test's run can outlive its window; see the
     * closing note), not a leak of a dead process.
     */
    private static Set<String> withoutLiveRuns(Set<String> names) {
        Set<String> out = new TreeSet<>(names);
        for (dev.shmlab.shm.ObjectRegistry.Entry e : dev.shmlab.shm.ObjectRegistry.entries()) {
            if (e.name() != null && e.creatorAlive()) {
                String file = e.name().startsWith("/") ? e.name().substring(1) : e.name();
                out.remove(file);
                out.remove("sem." + file);
            }
        }
        return out;
    }
}
