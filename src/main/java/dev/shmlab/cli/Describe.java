package dev.shmlab.cli;

import dev.shmlab.shm.IpcObject;
import dev.shmlab.shm.IpcObject.ProcessRef;
import dev.shmlab.shm.IpcRef;

/** How the commands show the fields of an object, so that ls, inspect and clean agree. */
final class Describe {
    private Describe() {
    }

    static String kind(IpcObject object) {
        return IpcRef.label(object.kind());
    }

    /** The POSIX name or path, or for System V the key in hex ({@code IPC_PRIVATE} for 0). */
    static String nameOrKey(IpcObject object) {
        return switch (object.kind()) {
            case SYSV_SHM, SYSV_SEM -> key(object.key());
            default -> object.name();
        };
    }

    static String key(int key) {
        return key == 0 ? "IPC_PRIVATE" : String.format("0x%08x", key);
    }

    static String id(IpcObject object) {
        return object.id() >= 0 ? Integer.toString(object.id()) : "-";
    }

    static String mode(IpcObject object) {
        return String.format("%04o", object.mode());
    }

    /** The size in bytes, or for a System V semaphore set how many semaphores it holds. */
    static String size(IpcObject object) {
        return object.semaphoreCount() >= 0 ? object.semaphoreCount() + " sem" : Long.toString(object.sizeBytes());
    }

    static String attachCount(IpcObject object) {
        return object.attachCount() >= 0 ? Long.toString(object.attachCount()) : "-";
    }

    /** {@code 4242 alive}, {@code 4242 dead}, or {@code -} when unknown. */
    static String process(ProcessRef process) {
        return process == null ? "-" : process.pid() + (process.alive() ? " alive" : " dead");
    }

    static String shmlab(IpcObject object) {
        return object.createdByShmlab() ? "yes" : "no";
    }
}
