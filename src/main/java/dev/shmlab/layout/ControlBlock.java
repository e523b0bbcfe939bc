package dev.shmlab.layout;

import static dev.shmlab.layout.LabLayoutDescriptor.*;

import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.FutexWord;

/**
 * The control block: what the person running the lab wants (run, pause, stop), the pace, step
 * grants and whether synchronisation is on. Every change bumps the generation with a release
 * store, so a participant that sees a new generation sees the change.
 */
public final class ControlBlock {
    /** What participants should do. */
    public enum Command {
        RUN, PAUSE, STOP;

        static Command of(int code) {
            return code >= 0 && code < values().length ? values()[code] : STOP;
        }
    }

    private final SharedMemory memory;

    ControlBlock(SharedMemory memory) {
        this.memory = memory;
    }

    public Command command() {
        return Command.of(memory.getIntAcquire(COMMAND_OFFSET));
    }

    public long paceNanos() {
        return memory.getLongAcquire(PACE_NANOS_OFFSET);
    }

    public boolean syncEnabled() {
        return memory.getIntAcquire(SYNC_ENABLED_OFFSET) != 0;
    }

    /** How many single steps have been granted in total while paused. */
    public long stepGrant() {
        return memory.getLongAcquire(STEP_GRANT_OFFSET);
    }

    public long generation() {
        return memory.getLongAcquire(GENERATION_OFFSET);
    }

    public long runStartNanos() {
        return memory.getLongAcquire(RUN_START_NANOS_OFFSET);
    }

    /**
     * The counted futex word (value, then sleeper count: 8 bytes) that participants sleep on while
     * paused or pacing; every change bumps it and wakes them.
     */
    public FutexWord wakeWord() {
        return FutexWord.counted(memory, WAKE_WORD_OFFSET);
    }

    public void setCommand(Command command) {
        memory.putIntRelease(COMMAND_OFFSET, command.ordinal());
        changed();
    }

    public void setPaceNanos(long paceNanos) {
        memory.putLongRelease(PACE_NANOS_OFFSET, Math.max(0, paceNanos));
        changed();
    }

    public void setSyncEnabled(boolean enabled) {
        memory.putIntRelease(SYNC_ENABLED_OFFSET, enabled ? 1 : 0);
        changed();
    }

    /** Lets every paused participant take one more step. */
    public void grantStep() {
        memory.getAndAddLong(STEP_GRANT_OFFSET, 1);
        changed();
    }

    /** The permission bits for every kernel object the run creates: 0600 unless shared with the group. */
    public int objectMode() {
        int mode = memory.getIntAcquire(OBJECT_MODE_OFFSET);
        return mode == 0 ? 0600 : mode;
    }

    public void setObjectMode(int mode) {
        memory.putIntRelease(OBJECT_MODE_OFFSET, mode & 0777);
    }

    public void markRunStart(long nanos) {
        memory.putLongRelease(RUN_START_NANOS_OFFSET, nanos);
    }

    private void changed() {
        memory.getAndAddLong(GENERATION_OFFSET, 1);
        memory.getAndAddInt(WAKE_WORD_OFFSET, 1);
        wakeWord().wakeAll();
    }
}
