package dev.shmlab.layout;

/**
 * The one owner of every offset in a shmlab segment (format 1.0). All integers are little-endian
 * (x86-64 native order); timestamps are CLOCK_MONOTONIC nanoseconds, comparable across processes.
 *
 * <pre>
 *   0 +--------------------------------------------------------------+
 *     | HEADER (512)                                                   |
 *     |   0 magic "SHMLAB01" (long, written LAST with a release store) |
 *     |   8 major (int)  12 minor (int)  16 total length (long)        |
 *     |  24 creator pid  32 creator start (epoch ms)  40 created (ns)  |
 *     |  48 participant capacity  52 record length (256)               |
 *     |  56 event capacity        60 event length (32)                 |
 *     |  64 control off/len   80 participants off/len  96 sync off/len |
 *     | 112 events off/len   128 params off/len   144 data off/len     |
 *     | 160 scenario name char[32]                                     |
 *     | 192 participant count   196 sync object count                  |
 * 512 +--------------------------------------------------------------+
 *     | CONTROL (128): written by whoever runs the lab                 |
 *     |   0 generation (long, release after every change)              |
 *     |   8 command (int: 0 run, 1 pause, 2 stop) 12 sync enabled (int)|
 *     |  16 pace ns (long)  24 step grant (long)  32 wake word (int)    |
 *     |  36 wake sleepers (int)                                        |
 *     |  40 run start ns (long)  48 mode of the run's objects (int)     |
 * 640 +--------------------------------------------------------------+
 *     | PARTICIPANTS: capacity x 256, each 128-aligned, one writer     |
 *     |   0 seqlock  8 pid  16 role  20 index  24 state  28 step       |
 *     |  32 waiting-on  36 exit code  40 heartbeat ns (own release)    |
 *     |  48 state since ns  56 sent  64 received  72 bytes sent        |
 *     |  80 bytes received  88 lost  96 duplicated  104 corrupted      |
 *     | 112 wait ns  120 latency count  128 p50 136 p90 144 p99        |
 *     | 152 p99.9  160 max  168 steps taken  176 last seq              |
 *     | 184 name char[32]  216 step grant (int)  220 flags (int)       |
 *     +--------------------------------------------------------------+
 *     | SYNC OBJECTS: count x 128                                      |
 *     |   0 kind  4 holder index  8 acquisitions  16 holder since ns   |
 *     |  24 System V id  28 semaphore index  32 label char[32]         |
 *     |  64 storage[64]: the sem_t / pthread_mutex_t / futex word      |
 *     |     itself, or the POSIX name of a named semaphore             |
 *     +--------------------------------------------------------------+
 *     | EVENTS: 128-byte ring header (0 tail, long) + capacity x 32    |
 *     |   0 publish seq (index+1)  8 time ns  16 message seq           |
 *     |  24 from (short)  26 to (short)  28 size (int)                 |
 *     +--------------------------------------------------------------+
 *     | PARAMS: 2048: length (int) + UTF-8 JSON of the parameters      |
 *     +---------------------------------------------- 4096-aligned --+
 *     | DATA: the scenario's slot, buffer or ring                      |
 *     +--------------------------------------------------------------+
 * </pre>
 */
public final class LabLayoutDescriptor {
    /** "SHMLAB01" read as a little-endian long. */
    public static final long MAGIC = magic();
    public static final int VERSION_MAJOR = 1;
    public static final int VERSION_MINOR = 1;

    public static final int CACHE_LINE_PAIR = 128;
    public static final int PAGE = 4096;

    // ---- header
    public static final int HEADER_LENGTH = 512;
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_MAJOR_OFFSET = 8;
    public static final int VERSION_MINOR_OFFSET = 12;
    public static final int TOTAL_LENGTH_OFFSET = 16;
    public static final int CREATOR_PID_OFFSET = 24;
    public static final int CREATOR_START_MILLIS_OFFSET = 32;
    public static final int CREATED_NANOS_OFFSET = 40;
    public static final int PARTICIPANT_CAPACITY_OFFSET = 48;
    public static final int PARTICIPANT_LENGTH_OFFSET = 52;
    public static final int EVENT_CAPACITY_OFFSET = 56;
    public static final int EVENT_LENGTH_OFFSET = 60;
    public static final int CONTROL_SECTION_OFFSET = 64;
    public static final int PARTICIPANTS_SECTION_OFFSET = 80;
    public static final int SYNC_SECTION_OFFSET = 96;
    public static final int EVENTS_SECTION_OFFSET = 112;
    public static final int PARAMS_SECTION_OFFSET = 128;
    public static final int DATA_SECTION_OFFSET = 144;
    /** Each section entry is (offset long, length long). */
    public static final int SECTION_ENTRY_LENGTH = 16;
    public static final int SCENARIO_NAME_OFFSET = 160;
    public static final int SCENARIO_NAME_LENGTH = 32;
    public static final int PARTICIPANT_COUNT_OFFSET = 192;
    public static final int SYNC_COUNT_OFFSET = 196;

    // ---- control block (relative to its section)
    public static final int CONTROL_LENGTH = 128;
    public static final int GENERATION_OFFSET = 0;
    public static final int COMMAND_OFFSET = 8;
    public static final int SYNC_ENABLED_OFFSET = 12;
    public static final int PACE_NANOS_OFFSET = 16;
    public static final int STEP_GRANT_OFFSET = 24;
    public static final int WAKE_WORD_OFFSET = 32;
    public static final int RUN_START_NANOS_OFFSET = 40;
    public static final int OBJECT_MODE_OFFSET = 48;

    // ---- participant record (relative to the record)
    public static final int PARTICIPANT_LENGTH = 256;
    public static final int P_SEQLOCK_OFFSET = 0;
    public static final int P_PID_OFFSET = 8;
    public static final int P_ROLE_OFFSET = 16;
    public static final int P_INDEX_OFFSET = 20;
    public static final int P_STATE_OFFSET = 24;
    public static final int P_STEP_OFFSET = 28;
    public static final int P_WAITING_ON_OFFSET = 32;
    public static final int P_EXIT_CODE_OFFSET = 36;
    public static final int P_HEARTBEAT_NANOS_OFFSET = 40;
    public static final int P_STATE_SINCE_NANOS_OFFSET = 48;
    public static final int P_SENT_OFFSET = 56;
    public static final int P_RECEIVED_OFFSET = 64;
    public static final int P_BYTES_SENT_OFFSET = 72;
    public static final int P_BYTES_RECEIVED_OFFSET = 80;
    public static final int P_LOST_OFFSET = 88;
    public static final int P_DUPLICATED_OFFSET = 96;
    public static final int P_CORRUPTED_OFFSET = 104;
    public static final int P_WAIT_NANOS_OFFSET = 112;
    public static final int P_LATENCY_COUNT_OFFSET = 120;
    public static final int P_P50_NANOS_OFFSET = 128;
    public static final int P_P90_NANOS_OFFSET = 136;
    public static final int P_P99_NANOS_OFFSET = 144;
    public static final int P_P999_NANOS_OFFSET = 152;
    public static final int P_MAX_NANOS_OFFSET = 160;
    public static final int P_STEPS_TAKEN_OFFSET = 168;
    public static final int P_LAST_SEQ_OFFSET = 176;
    public static final int P_NAME_OFFSET = 184;
    public static final int P_NAME_LENGTH = 32;
    public static final int P_STEP_GRANT_OFFSET = 216;
    public static final int P_FLAGS_OFFSET = 220;

    // ---- sync object record
    public static final int SYNC_LENGTH = 128;
    public static final int S_KIND_OFFSET = 0;
    public static final int S_HOLDER_OFFSET = 4;
    public static final int S_ACQUISITIONS_OFFSET = 8;
    public static final int S_HOLDER_SINCE_NANOS_OFFSET = 16;
    public static final int S_SYSV_ID_OFFSET = 24;
    public static final int S_SEM_INDEX_OFFSET = 28;
    public static final int S_LABEL_OFFSET = 32;
    public static final int S_LABEL_LENGTH = 32;
    public static final int S_STORAGE_OFFSET = 64;
    public static final int S_STORAGE_LENGTH = 64;

    // ---- event ring
    public static final int EVENTS_HEADER_LENGTH = 128;
    public static final int EVENTS_TAIL_OFFSET = 0;
    public static final int EVENT_LENGTH = 32;
    public static final int E_PUBLISH_SEQ_OFFSET = 0;
    public static final int E_TIME_NANOS_OFFSET = 8;
    public static final int E_MESSAGE_SEQ_OFFSET = 16;
    public static final int E_FROM_OFFSET = 24;
    public static final int E_TO_OFFSET = 26;
    public static final int E_SIZE_OFFSET = 28;

    // ---- params
    public static final int PARAMS_LENGTH = 2048;

    public static final int MAX_PARTICIPANTS = 64;
    public static final int MAX_SYNC_OBJECTS = 16;
    public static final int MAX_EVENT_CAPACITY = 1 << 16;

    private LabLayoutDescriptor() {
    }

    private static long magic() {
        long m = 0;
        byte[] text = "SHMLAB01".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 7; i >= 0; i--) {
            m = (m << 8) | (text[i] & 0xff);
        }
        return m;
    }

    /** Rounds up to a multiple of a power-of-two alignment. */
    public static long align(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
