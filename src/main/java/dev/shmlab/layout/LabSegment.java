package dev.shmlab.layout;

import static dev.shmlab.layout.LabLayoutDescriptor.*;

import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.SharedMemory;
import java.nio.file.Path;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A lab segment: the header, control block, participant records, sync objects, event ring,
 * parameters and data area of one run, laid out by {@link LabGeometry}.
 *
 * <p>The creator calls {@link #format}; everyone else calls {@link #attach}, which checks magic,
 * version and every section against the mapped size before it trusts a single offset.
 */
public final class LabSegment {
    private final SharedMemory memory;
    private final LabGeometry geometry;
    private final int participantCount;
    private final String scenario;
    private final SegmentAddress origin;

    private LabSegment(SharedMemory memory, LabGeometry geometry, int participantCount, String scenario, SegmentAddress origin) {
        this.memory = memory;
        this.geometry = geometry;
        this.participantCount = participantCount;
        this.scenario = scenario;
        this.origin = origin;
    }

    /** The same lab, remembering where it lives (not part of the format: known to whoever mapped it). */
    public LabSegment withOrigin(SegmentAddress address) {
        return new LabSegment(memory, geometry, participantCount, scenario, address);
    }

    /** Where this lab lives, when the mapper said so with {@link #withOrigin}. */
    public Optional<SegmentAddress> origin() {
        return Optional.ofNullable(origin);
    }

    /**
     * An existing file that lives exactly as long as this lab, for {@code ftok}: the POSIX object's
     * file under /dev/shm, or the mapped file itself. Empty for System V labs.
     */
    public Optional<Path> ftokPath() {
        // Tests rather than a type switch: participants call this while they start (see Segments.open).
        return origin().flatMap(a -> {
            if (a instanceof SegmentAddress.Posix p) {
                return Optional.of(Path.of("/dev/shm", p.name().substring(1)));
            }
            if (a instanceof SegmentAddress.MappedFile f) {
                return Optional.of(f.path().toAbsolutePath());
            }
            return Optional.empty();
        });
    }

    /**
     * Lays out a fresh (zero-filled) segment and publishes it: every field first, the magic last
     * with a release store, so an observer that sees the magic sees everything else.
     */
    public static LabSegment format(SharedMemory memory, LabGeometry g, String scenario, int participantCount, String paramsJson) {
        if (memory.sizeBytes() < g.totalLength()) {
            throw new SegmentFormatException("segment too small: sizeBytes=" + memory.sizeBytes() + ", needed=" + g.totalLength());
        }
        if (participantCount < 1 || participantCount > g.participantCapacity()) {
            throw new IllegalArgumentException("participantCount=" + participantCount + ", capacity=" + g.participantCapacity());
        }
        byte[] params = paramsJson.getBytes(StandardCharsets.UTF_8);
        if (params.length > PARAMS_LENGTH - 4) {
            throw new SegmentFormatException("parameters too long: bytes=" + params.length + ", max=" + (PARAMS_LENGTH - 4));
        }
        memory.putInt(VERSION_MAJOR_OFFSET, VERSION_MAJOR);
        memory.putInt(VERSION_MINOR_OFFSET, VERSION_MINOR);
        memory.putLong(TOTAL_LENGTH_OFFSET, g.totalLength());
        ProcessHandle self = ProcessHandle.current();
        memory.putLong(CREATOR_PID_OFFSET, self.pid());
        memory.putLong(CREATOR_START_MILLIS_OFFSET, self.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
        memory.putLong(CREATED_NANOS_OFFSET, System.nanoTime());
        memory.putInt(PARTICIPANT_CAPACITY_OFFSET, g.participantCapacity());
        memory.putInt(PARTICIPANT_LENGTH_OFFSET, PARTICIPANT_LENGTH);
        memory.putInt(EVENT_CAPACITY_OFFSET, g.eventCapacity());
        memory.putInt(EVENT_LENGTH_OFFSET, EVENT_LENGTH);
        putSection(memory, CONTROL_SECTION_OFFSET, g.controlOffset(), CONTROL_LENGTH);
        putSection(memory, PARTICIPANTS_SECTION_OFFSET, g.participantsOffset(), g.participantsLength());
        putSection(memory, SYNC_SECTION_OFFSET, g.syncOffset(), g.syncLength());
        putSection(memory, EVENTS_SECTION_OFFSET, g.eventsOffset(), g.eventsLength());
        putSection(memory, PARAMS_SECTION_OFFSET, g.paramsOffset(), PARAMS_LENGTH);
        putSection(memory, DATA_SECTION_OFFSET, g.dataOffset(), g.totalLength() - g.dataOffset());
        memory.putCString(SCENARIO_NAME_OFFSET, SCENARIO_NAME_LENGTH, scenario);
        memory.putInt(PARTICIPANT_COUNT_OFFSET, participantCount);
        memory.putInt(SYNC_COUNT_OFFSET, g.syncObjectCount());
        memory.putInt(g.paramsOffset(), params.length);
        memory.putBytes(g.paramsOffset() + 4, params, 0, params.length);
        for (int i = 0; i < g.participantCapacity(); i++) {
            long record = g.participantsOffset() + (long) i * PARTICIPANT_LENGTH;
            memory.putInt(record + P_INDEX_OFFSET, i);
            memory.putInt(record + P_WAITING_ON_OFFSET, -1);
        }
        for (int i = 0; i < g.syncObjectCount(); i++) {
            memory.putInt(g.syncOffset() + (long) i * SYNC_LENGTH + S_HOLDER_OFFSET, -1);
        }
        memory.putIntVolatile(g.controlOffset() + SYNC_ENABLED_OFFSET, 1);
        // Release: every store above is visible to a reader whose acquire load sees the magic.
        memory.putLongRelease(MAGIC_OFFSET, MAGIC);
        return new LabSegment(memory, g, participantCount, scenario, null);
    }

    /**
     * Attaches to a segment someone else formatted, waiting up to {@code waitForMagic} for the
     * creator to publish it. Throws {@link SegmentFormatException} naming what is wrong.
     */
    public static LabSegment attach(SharedMemory memory, Duration waitForMagic) {
        long size = memory.sizeBytes();
        if (size < HEADER_LENGTH) {
            throw new SegmentFormatException("not a shmlab segment: size " + size + " bytes is smaller than the " + HEADER_LENGTH + "-byte header");
        }
        long deadline = System.nanoTime() + waitForMagic.toNanos();
        long magic;
        // Acquire: pairs with the creator's release store of the magic, after which the header is complete.
        while ((magic = memory.getLongAcquire(MAGIC_OFFSET)) != MAGIC && System.nanoTime() < deadline) {
            sleepMillis(2);
        }
        if (magic != MAGIC) {
            throw new SegmentFormatException(magic == 0
                    ? "not a shmlab segment, or not ready: its header is still empty"
                    : "not a shmlab segment: magic=0x" + Long.toHexString(magic) + ", expected 0x" + Long.toHexString(MAGIC));
        }
        int major = memory.getInt(VERSION_MAJOR_OFFSET);
        if (major != VERSION_MAJOR) {
            throw new SegmentFormatException("segment format " + major + "." + memory.getInt(VERSION_MINOR_OFFSET)
                    + " is not supported by this shmlab (format " + VERSION_MAJOR + "." + VERSION_MINOR + "); use the shmlab that made it");
        }
        LabGeometry g = readGeometry(memory, size);
        int participants = memory.getInt(PARTICIPANT_COUNT_OFFSET);
        if (participants < 1 || participants > g.participantCapacity()) {
            throw new SegmentFormatException("corrupt header: participant count=" + participants + ", capacity=" + g.participantCapacity());
        }
        return new LabSegment(memory, g, participants, memory.getCString(SCENARIO_NAME_OFFSET, SCENARIO_NAME_LENGTH), null);
    }

    private static LabGeometry readGeometry(SharedMemory memory, long size) {
        long total = memory.getLong(TOTAL_LENGTH_OFFSET);
        if (total < HEADER_LENGTH || total > size) {
            throw new SegmentFormatException("corrupt header: total length=" + total + ", mapped size=" + size);
        }
        int capacity = memory.getInt(PARTICIPANT_CAPACITY_OFFSET);
        int syncCount = memory.getInt(SYNC_COUNT_OFFSET);
        int eventCapacity = memory.getInt(EVENT_CAPACITY_OFFSET);
        if (memory.getInt(PARTICIPANT_LENGTH_OFFSET) != PARTICIPANT_LENGTH || memory.getInt(EVENT_LENGTH_OFFSET) != EVENT_LENGTH
                || capacity < 1 || capacity > MAX_PARTICIPANTS || syncCount < 0 || syncCount > MAX_SYNC_OBJECTS
                || eventCapacity < 2 || eventCapacity > MAX_EVENT_CAPACITY || Integer.bitCount(eventCapacity) != 1) {
            throw new SegmentFormatException("corrupt header: participants=" + capacity + ", sync objects=" + syncCount
                    + ", event capacity=" + eventCapacity);
        }
        long dataOffset = memory.getLong(DATA_SECTION_OFFSET);
        long dataLength = memory.getLong(DATA_SECTION_OFFSET + 8);
        LabGeometry g;
        try {
            g = new LabGeometry(capacity, syncCount, eventCapacity, dataLength);
        } catch (RuntimeException e) {
            throw new SegmentFormatException("corrupt header: " + e.getMessage());
        }
        checkSection(memory, "control", CONTROL_SECTION_OFFSET, g.controlOffset(), CONTROL_LENGTH, total);
        checkSection(memory, "participants", PARTICIPANTS_SECTION_OFFSET, g.participantsOffset(), g.participantsLength(), total);
        checkSection(memory, "sync", SYNC_SECTION_OFFSET, g.syncOffset(), g.syncLength(), total);
        checkSection(memory, "events", EVENTS_SECTION_OFFSET, g.eventsOffset(), g.eventsLength(), total);
        checkSection(memory, "params", PARAMS_SECTION_OFFSET, g.paramsOffset(), PARAMS_LENGTH, total);
        if (dataOffset != g.dataOffset() || dataLength < 0 || dataOffset + dataLength > total || dataOffset + dataLength < dataOffset) {
            throw new SegmentFormatException("corrupt header: data section offset=" + dataOffset + ", length=" + dataLength + ", total=" + total);
        }
        return g;
    }

    private static void checkSection(SharedMemory memory, String name, int entry, long expectedOffset, long expectedLength, long total) {
        long offset = memory.getLong(entry);
        long length = memory.getLong(entry + 8);
        if (offset != expectedOffset || length != expectedLength || offset + length > total) {
            throw new SegmentFormatException("corrupt header: " + name + " section offset=" + offset + ", length=" + length
                    + ", expected offset=" + expectedOffset + ", length=" + expectedLength + ", total=" + total);
        }
    }

    private static void putSection(SharedMemory memory, int entry, long offset, long length) {
        memory.putLong(entry, offset);
        memory.putLong(entry + 8, length);
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SegmentFormatException("interrupted while waiting for the segment header");
        }
    }

    public SharedMemory memory() {
        return memory;
    }

    public LabGeometry geometry() {
        return geometry;
    }

    public String scenario() {
        return scenario;
    }

    public int participantCount() {
        return participantCount;
    }

    public long creatorPid() {
        return memory.getLong(CREATOR_PID_OFFSET);
    }

    public long createdNanos() {
        return memory.getLong(CREATED_NANOS_OFFSET);
    }

    public ControlBlock control() {
        return new ControlBlock(memory.slice(geometry.controlOffset(), CONTROL_LENGTH));
    }

    public ParticipantRecord participant(int index) {
        if (index < 0 || index >= participantCount) {
            throw new IndexOutOfBoundsException("participant index=" + index + ", count=" + participantCount);
        }
        return new ParticipantRecord(memory.slice(geometry.participantsOffset() + (long) index * PARTICIPANT_LENGTH, PARTICIPANT_LENGTH));
    }

    public SyncObjectRecord syncObject(int index) {
        if (index < 0 || index >= geometry.syncObjectCount()) {
            throw new IndexOutOfBoundsException("sync object index=" + index + ", count=" + geometry.syncObjectCount());
        }
        return new SyncObjectRecord(memory.slice(geometry.syncOffset() + (long) index * SYNC_LENGTH, SYNC_LENGTH));
    }

    public EventRing events() {
        return new EventRing(memory.slice(geometry.eventsOffset(), geometry.eventsLength()), geometry.eventCapacity());
    }

    /** The parameters the run was started with, as JSON text. */
    public String paramsJson() {
        long offset = geometry.paramsOffset();
        int length = memory.getInt(offset);
        if (length < 0 || length > PARAMS_LENGTH - 4) {
            throw new SegmentFormatException("corrupt parameters: length=" + length);
        }
        byte[] bytes = new byte[length];
        memory.getBytes(offset + 4, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The scenario's data area. */
    public SharedMemory data() {
        return memory.slice(geometry.dataOffset(), geometry.totalLength() - geometry.dataOffset());
    }
}
