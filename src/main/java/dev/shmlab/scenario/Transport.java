package dev.shmlab.scenario;

import dev.shmlab.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/** The transports the {@code transports} scenario and {@code shmlab bench} compare. */
public enum Transport {
    /** Shared memory; the sides busy-wait (Thread.onSpinWait) on a flag or the ring's counters. */
    SHM_SPIN("shm-spin", true),
    /** Shared memory; the sides sleep in FUTEX_WAIT on a word beside the flag or counter. */
    SHM_FUTEX("shm-futex", true),
    /** Shared memory; the sides sleep on unnamed process-shared POSIX semaphores in the segment. */
    SHM_SEM("shm-sem", true),
    /** A pair of named pipes (FIFOs), one per direction. */
    PIPE("pipe", false),
    /** A UNIX domain stream socket (Java's UnixDomainSocketAddress). */
    UDS("uds", false),
    /** A TCP connection over 127.0.0.1 with TCP_NODELAY. */
    TCP("tcp", false),
    /** A pair of POSIX message queues, one per direction. */
    MQ("mq", false);

    private final String cliName;
    private final boolean sharedMemory;

    Transport(String cliName, boolean sharedMemory) {
        this.cliName = cliName;
        this.sharedMemory = sharedMemory;
    }

    /** The name used on the command line, e.g. {@code shm-futex}. */
    public String cliName() {
        return cliName;
    }

    /** Whether messages travel through the lab segment itself. */
    public boolean sharedMemory() {
        return sharedMemory;
    }

    public static List<String> cliNames() {
        return Arrays.stream(values()).map(Transport::cliName).toList();
    }

    /** The transport with this command-line name; a clear error listing the names otherwise. */
    public static Transport of(String cliName) {
        for (Transport t : values()) {
            if (t.cliName.equals(cliName)) {
                return t;
            }
        }
        throw new InvalidInputException("unknown transport \"" + cliName + "\"; choose from " + String.join(", ", cliNames()));
    }
}
