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
                minus(filterShmlab(devShm), baseline.devShm),
                withoutDisplayBuffers(minus(sysvShmIds, baseline.sysvShmIds)),
                minus(sysvSemIds, baseline.sysvSemIds),
                minus(filterShmlab(mqueues), baseline.mqueues)).withoutOtherCheckouts();
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
     * Drops what belongs to a test run of another checkout going on at the same time on this
     * machine: objects whose creator (per the kernel or the registry) is a live process that is
     * neither this JVM, nor one of its descendants, nor started from this checkout's build output,
     * and /dev/shm files such a process has mapped. Whatever this suite's own processes left,
     * alive or dead, is still reported.
     */
    private KernelObjects withoutOtherCheckouts() {
        if (isEmpty()) {
            return this;
        }
        Set<String> shm = new TreeSet<>(devShm);
        Set<String> shmIds = new TreeSet<>(sysvShmIds);
        Set<String> semIds = new TreeSet<>(sysvSemIds);
        for (dev.shmlab.shm.IpcObject o : dev.shmlab.shm.IpcListing.all()) {
            if (o.creator() == null || !o.creator().alive() || ours(o.creator().pid())) {
                continue;
            }
            switch (o.kind()) {
                case SYSV_SHM -> shmIds.remove(Integer.toString(o.id()));
                case SYSV_SEM -> semIds.remove(Integer.toString(o.id()));
                case POSIX_SHM -> shm.remove(o.name().substring(1));
                case POSIX_SEM -> shm.remove("sem." + o.name().substring(1));
                default -> { }
            }
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                if (!shm.isEmpty() && !ours(Long.parseLong(proc.getFileName().toString()))) {
                    shm.removeIf(name -> mapped(proc, name));
                }
            }
        } catch (IOException e) {
            // no /proc: nothing can be attributed to anyone else
        }
        return new KernelObjects(shm, shmIds, semIds, mqueues);
    }

    private static boolean ours(long pid) {
        ProcessHandle self = ProcessHandle.current();
        if (pid == self.pid() || self.descendants().anyMatch(h -> h.pid() == pid)) {
            return true;
        }
        try {
            String commandLine = dev.shmlab.os.ProcFiles.read(Path.of("/proc", Long.toString(pid), "cmdline"));
            return commandLine.contains(Path.of("target").toAbsolutePath().toString());
        } catch (IOException e) {
            return true; // gone meanwhile, or unreadable: not provably someone else's
        }
    }

    private static boolean mapped(Path proc, String name) {
        try {
            return dev.shmlab.os.ProcFiles.read(proc.resolve("maps")).contains("/dev/shm/" + name);
        } catch (IOException e) {
            return false;
        }
    }
}
