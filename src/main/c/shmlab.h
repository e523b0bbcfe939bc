/*
 * shmlab.h - the shmlab lab segment, format 1.0, for programs in C that join or watch a run.
 *
 * A lab segment is one shared-memory object (POSIX, System V or a mapped file). All integers are
 * little-endian (x86-64 native); times are CLOCK_MONOTONIC nanoseconds, which every process on
 * the machine shares. Sections follow the header in this order, at the offsets the header gives:
 *
 *   header (512) | control (128) | participants (N x 256) | sync objects (M x 128)
 *   | events (128 + capacity x 32) | params (2048) | data (4096-aligned, to the end)
 *
 * Protocols:
 *   - Publication: the creator writes everything, then stores `magic` with release semantics.
 *     A reader loads `magic` with acquire semantics; until it equals SHMLAB_MAGIC nothing else
 *     is valid. A reader refuses a different `major`, and checks every section offset + length
 *     against the mapped size before using it.
 *   - Participant records have exactly one writer each (the participant). Multi-field reads use
 *     the record's seqlock: read `seqlock` (acquire); if odd, retry; read the fields; read
 *     `seqlock` again; if it changed, retry. A writer increments it (odd), writes, increments it
 *     again with a release store. `heartbeat_ns` is outside the seqlock (its own release store,
 *     every 100 ms).
 *   - Event ring: a writer claims `index = atomic_fetch_add(&ring->tail, 1)`, fills slot
 *     `index & (capacity - 1)` after storing its `publish_seq` = 0, then stores
 *     `publish_seq = index + 1` (release). A reader of index i accepts the slot only if
 *     `publish_seq == i + 1` before and after reading the fields; a larger value means it was
 *     overwritten (lapped).
 *   - Control: whoever runs the lab writes `command`, `pace_ns`, `step_grant`, `sync_enabled`,
 *     then increments `generation` and `wake_word` and FUTEX_WAKEs `wake_word` (shared futex,
 *     not FUTEX_PRIVATE_FLAG). A participant blocked while paused sleeps on `wake_word`
 *     after incrementing `wake_sleepers` (a counted futex word, below).
 *   - Counted futex word (`struct shmlab_futex`: the value, then the number of sleepers): a
 *     sleeper atomically increments `sleepers` (full barrier), FUTEX_WAITs while `value` is what
 *     it saw, then decrements `sleepers`. A waker stores `value` (release), issues a full fence,
 *     and FUTEX_WAKEs only if `sleepers` is not 0. Both sides must use the counted form.
 *   - Params: at the params section, an int32 length, then that many bytes of UTF-8 JSON: one
 *     flat object of string, integer and boolean values, every option of the scenario with its
 *     default filled in, e.g. {"mode":"latency","size":1024,"count":1000,...}.
 *
 * Joining a run as a participant process (what shmlab's own participants do; a program in any
 * language may play one, see shmlab_participant.c and `shmlab run --participant-program`):
 *   - The launcher starts it as `PROGRAM SEGMENT INDEX PARENT_PID`. SEGMENT is `posix:/NAME`,
 *     `sysv-id:ID` or `file:/PATH`; map it read-write and wait up to 5 s for the magic.
 *   - The record is participants.offset + INDEX * participant_length. The creator set `index`
 *     and `waiting_on` = -1; the seqlock starts at whatever even value is there. Publish `pid`,
 *     `role` and `name` (the scenario's role number and participant name, below), then `state`
 *     STARTING and RUNNING, under the seqlock. Only this process writes its record (except
 *     `step_grant`, which the lab increments).
 *   - Store `heartbeat_ns` (CLOCK_MONOTONIC, release) every 100 ms from start to exit: a
 *     participant silent for 1 s that has not published DONE or FAILED is reported dead.
 *   - Publish counters under the seqlock at least every few milliseconds while messages flow and
 *     at the end; `sent`/`received`/`lost`/`duplicated`/`corrupted` are what the run's integrity
 *     verdict adds up, so count exactly (see the checksums below).
 *   - Obey the control block before each step: STOP: end the role, publish DONE, exit 0. PAUSE:
 *     publish PAUSED and sleep on `wake_word` until the command changes or `step_grant` (global,
 *     or the record's own) grows past what it used, one step per grant. `pace_ns` > 0: sleep that
 *     long per step (on `wake_word`, so changes wake it). SIGTERM means STOP too.
 *   - Exit within 2 s with code 4 when PARENT_PID is gone (the launcher died).
 *   - Exit codes: 0 done or stopped on request, 2 bad arguments or segment, 3 the role failed
 *     (publish FAILED first), 4 the launcher died. Publish `exit_code` with the final state.
 *   - Wait for a peer in slices (100 ms) so STOP is noticed, and give up after 5 s without
 *     progress, or at once when the peer's record says FAILED or its pid no longer exists.
 *   - Append a `struct shmlab_event` to the ring for (a sample of) the messages sent, with
 *     participant indexes in `from` and `to`; the window animates them.
 */
#ifndef SHMLAB_H
#define SHMLAB_H

#include <stddef.h>
#include <stdint.h>

#define SHMLAB_MAGIC 0x313042414C4D4853ULL /* "SHMLAB01" in memory order (little-endian) */
#define SHMLAB_VERSION_MAJOR 1
#define SHMLAB_VERSION_MINOR 1 /* 1.1: ping-pong's message header moved next to its flag (offset 8) */

enum shmlab_command { SHMLAB_RUN = 0, SHMLAB_PAUSE = 1, SHMLAB_STOP = 2 };

enum shmlab_state {
    SHMLAB_STARTING = 0, SHMLAB_RUNNING, SHMLAB_WAITING, SHMLAB_CRITICAL, SHMLAB_PAUSED,
    SHMLAB_DONE, SHMLAB_FAILED
};

enum shmlab_sync_kind {
    SHMLAB_SYNC_NONE = 0, SHMLAB_NAMED_SEMAPHORE, SHMLAB_UNNAMED_SEMAPHORE, SHMLAB_SYSV_SEMAPHORE,
    SHMLAB_ROBUST_MUTEX, SHMLAB_FUTEX, SHMLAB_SPIN_FLAG
};

struct shmlab_section { int64_t offset, length; };

struct shmlab_header {                       /* at offset 0, 512 bytes */
    uint64_t magic;                          /*   0: written last, release */
    int32_t  major, minor;                   /*   8, 12 */
    int64_t  total_length;                   /*  16 */
    int64_t  creator_pid;                    /*  24 */
    int64_t  creator_start_ms;               /*  32: epoch milliseconds */
    int64_t  created_ns;                     /*  40 */
    int32_t  participant_capacity;           /*  48 */
    int32_t  participant_length;             /*  52: 256 */
    int32_t  event_capacity;                 /*  56: a power of two */
    int32_t  event_length;                   /*  60: 32 */
    struct shmlab_section control;           /*  64 */
    struct shmlab_section participants;      /*  80 */
    struct shmlab_section sync;              /*  96 */
    struct shmlab_section events;            /* 112 */
    struct shmlab_section params;            /* 128 */
    struct shmlab_section data;              /* 144 */
    char     scenario[32];                   /* 160: NUL-terminated */
    int32_t  participant_count;              /* 192 */
    int32_t  sync_count;                     /* 196 */
    uint8_t  reserved[312];                  /* 200 */
};

struct shmlab_control {                      /* 128 bytes */
    int64_t  generation;                     /*   0 */
    int32_t  command;                        /*   8: enum shmlab_command */
    int32_t  sync_enabled;                   /*  12 */
    int64_t  pace_ns;                        /*  16 */
    int64_t  step_grant;                     /*  24 */
    int32_t  wake_word;                      /*  32: futex word */
    int32_t  wake_sleepers;                  /*  36 */
    int64_t  run_start_ns;                   /*  40 */
    int32_t  object_mode;                    /*  48: permission bits for objects the run creates (0600, or 0660 shared with the group) */
    uint8_t  reserved[76];                   /*  52 */
};

struct shmlab_participant {                  /* 256 bytes, 128-aligned, one writer */
    int64_t  seqlock;                        /*   0 */
    int64_t  pid;                            /*   8 */
    int32_t  role, index;                    /*  16, 20 */
    int32_t  state, step;                    /*  24, 28 */
    int32_t  waiting_on, exit_code;          /*  32, 36 */
    int64_t  heartbeat_ns;                   /*  40: outside the seqlock */
    int64_t  state_since_ns;                 /*  48 */
    int64_t  sent, received;                 /*  56, 64 */
    int64_t  bytes_sent, bytes_received;     /*  72, 80 */
    int64_t  lost, duplicated, corrupted;    /*  88, 96, 104 */
    int64_t  wait_ns;                        /* 112 */
    int64_t  latency_count;                  /* 120 */
    int64_t  p50_ns, p90_ns, p99_ns, p999_ns, max_ns; /* 128 .. 160 */
    int64_t  steps_taken;                    /* 168 */
    int64_t  last_seq;                       /* 176 */
    char     name[32];                       /* 184 */
    int32_t  step_grant;                     /* 216: written by the lab */
    int32_t  flags;                          /* 220 */
    uint8_t  reserved[32];                   /* 224 */
};

struct shmlab_sync_object {                  /* 128 bytes */
    int32_t  kind;                           /*   0: enum shmlab_sync_kind */
    int32_t  holder;                         /*   4: participant index or -1 */
    int64_t  acquisitions;                   /*   8 */
    int64_t  holder_since_ns;                /*  16 */
    int32_t  sysv_id, sem_index;             /*  24, 28 */
    char     label[32];                      /*  32 */
    uint8_t  storage[64];                    /*  64: sem_t, pthread_mutex_t, futex word, or a POSIX name */
};

struct shmlab_event {                        /* 32 bytes */
    int64_t  publish_seq;                    /*   0: index + 1 once published */
    int64_t  time_ns;                        /*   8 */
    int64_t  message_seq;                    /*  16 */
    int16_t  from, to;                       /*  24, 26: participant indexes */
    int32_t  size;                           /*  28 */
};

struct shmlab_event_ring {                   /* 128-byte header, then capacity events */
    int64_t  tail;                           /*   0: events ever appended */
    uint8_t  reserved[120];
    struct shmlab_event slots[];
};

struct shmlab_futex {                        /* 8 bytes, 4-aligned: a counted futex word */
    int32_t  value;                          /*   0: the futex word itself */
    int32_t  sleepers;                       /*   4: processes in FUTEX_WAIT on it (or about to be) */
};

/*
 * Sync object storage (`struct shmlab_sync_object.storage`), by kind: NAMED_SEMAPHORE: its POSIX
 * name, NUL-terminated, for sem_open; UNNAMED_SEMAPHORE: the sem_t itself (sem_init pshared = 1);
 * ROBUST_MUTEX: the pthread_mutex_t (PTHREAD_PROCESS_SHARED, PTHREAD_MUTEX_ROBUST); FUTEX: a
 * struct shmlab_futex; SPIN_FLAG: an int32 flag. SYSV_SEMAPHORE: `sysv_id` and `sem_index`.
 */

/*
 * Message checksums, shared by every scenario. Each message is checked against a 32-bit checksum
 * computed from its header (sequence number, sender, receiver, size) and its payload, either over
 * sampled words ("stamped": the first 8 bytes, the 8 bytes at every multiple of 4096 and the last 8
 * bytes, where the sender also stamps the sequence number) or over every byte ("full": CRC32C).
 * All words are little-endian; arithmetic on uint64_t wraps as Java's long does.
 */
#define SHMLAB_STAMP_STRIDE 4096

static inline uint64_t shmlab_mix(uint64_t hash, uint64_t word) {
    uint64_t h = (hash ^ (word * 0x9E3779B97F4A7C15ULL)) * 0xC2B2AE3D27D4EB4FULL;
    return h ^ (h >> 31);
}

/* The hash every message's checksum starts from; from and to are participant indexes. */
static inline uint64_t shmlab_header_hash(int64_t seq, int32_t from, int32_t to, int32_t size) {
    uint64_t h = shmlab_mix(0x9E3779B97F4A7C15ULL, (uint64_t) seq);
    h = shmlab_mix(h, ((uint64_t) (uint32_t) from << 32) | (uint32_t) to);
    return shmlab_mix(h, (uint64_t) (int64_t) size);
}

static inline uint64_t shmlab_load64(const uint8_t *p) {
    uint64_t w = 0;
    for (int i = 7; i >= 0; i--) {
        w = (w << 8) | p[i];
    }
    return w;
}

/* Writes seq into the stamp words of a payload (every 4096 bytes and the last 8 bytes). */
static inline void shmlab_stamp(uint8_t *payload, int64_t size, int64_t seq) {
    if (size < 16) {
        return;
    }
    for (int64_t off = SHMLAB_STAMP_STRIDE; off + 8 <= size; off += SHMLAB_STAMP_STRIDE) {
        for (int i = 0; i < 8; i++) {
            payload[off + i] = (uint8_t) ((uint64_t) seq >> (8 * i));
        }
    }
    for (int i = 0; i < 8; i++) {
        payload[size - 8 + i] = (uint8_t) ((uint64_t) seq >> (8 * i));
    }
}

static inline int32_t shmlab_fold(uint64_t h) {
    return (int32_t) (uint32_t) (h ^ (h >> 32));
}

/* The "stamped" checksum of a payload held in private memory (copy it out of the segment first). */
static inline int32_t shmlab_stamped(uint64_t header_hash, const uint8_t *payload, int64_t size) {
    uint64_t first = 0;
    if (size >= 8) {
        first = shmlab_load64(payload);
    } else {
        for (int64_t i = 0; i < size; i++) {
            first |= (uint64_t) payload[i] << (8 * i);
        }
    }
    uint64_t h = shmlab_mix(header_hash, first);
    if (size >= 16) {
        for (int64_t off = SHMLAB_STAMP_STRIDE; off + 8 <= size; off += SHMLAB_STAMP_STRIDE) {
            h = shmlab_mix(h, shmlab_load64(payload + off));
        }
        h = shmlab_mix(h, shmlab_load64(payload + size - 8));
    }
    return shmlab_fold(h);
}

/* CRC32C (Castagnoli, reflected, as java.util.zip.CRC32C computes it). */
static inline uint32_t shmlab_crc32c(const uint8_t *bytes, int64_t size) {
    uint32_t crc = 0xFFFFFFFFu;
    for (int64_t i = 0; i < size; i++) {
        crc ^= bytes[i];
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0x82F63B78u & (0u - (crc & 1u)));
        }
    }
    return crc ^ 0xFFFFFFFFu;
}

/* The "full" checksum: CRC32C of every payload byte, mixed into the header hash. */
static inline int32_t shmlab_full(uint64_t header_hash, const uint8_t *payload, int64_t size) {
    return shmlab_fold(shmlab_mix(header_hash, shmlab_crc32c(payload, size)));
}

/*
 * Scenario "ping-pong" (seed 000). Participant 0 is the writer (role 0, name "writer"),
 * participant 1 the reader (role 1, name "reader"). Options: mode latency|throughput, size,
 * count, warmup, sync spin|yield|futex|sem|named-sem, verify stamped|full. The data area:
 *
 *      0 flag: a struct shmlab_futex (a plain int32 for spin and yield)
 *      8 struct shmlab_pp_header of the message in the slot (in the flag's cache line)
 *    128 int64 measured time (ns) and 136 int64 measured messages, written by the writer at the end
 *    192 the payload, `size` bytes: byte 0 = 'A' + (seq - 1) % 26, seq stamped (shmlab_stamp)
 *
 * The reader publishes state SHMLAB_WAITING in its record once it is ready for message 1 (buffers
 * made, semaphores open) and SHMLAB_RUNNING once it has it; the writer sends nothing, and starts no
 * clock, before it sees the reader in WAITING or a later state.
 *
 * Messages are numbered 1 .. warmup + count. The writer writes payload and header, then stores
 * the flag (release): 2*seq - 1 in latency mode, seq in throughput mode. The reader waits for
 * that value, copies the payload out, checks it (below), and then in latency mode writes the same
 * message back (from 1, to 0, its own stamp and checksum) and stores 2*seq; in throughput mode it
 * stores 0. With sync futex the flag is a counted futex word; with sem and named-sem whoever
 * stores the flag then posts sync object 0 ("request", to the reader) or 1 ("reply", to the
 * writer), and the other waits on it before reading the flag.
 *
 * The reader checks message seq: received if header.seq == seq, from/to match and the checksum
 * of header and copied payload equals header.checksum; duplicated if header.seq < seq; lost
 * (header.seq - seq, and received) if greater; corrupted otherwise.
 */
#define SHMLAB_PP_FLAG_OFFSET 0
#define SHMLAB_PP_HEADER_OFFSET 8
#define SHMLAB_PP_PAYLOAD_OFFSET 192
enum { SHMLAB_PP_WRITER = 0, SHMLAB_PP_READER = 1 };

struct shmlab_pp_header {                    /* at data + 8 */
    int64_t  seq;                            /*   0 */
    int32_t  from, to;                       /*   8, 12: participant indexes */
    int32_t  size;                           /*  16 */
    int32_t  checksum;                       /*  20 */
};

_Static_assert(sizeof(struct shmlab_header) == 512, "header");
_Static_assert(sizeof(struct shmlab_control) == 128, "control");
_Static_assert(sizeof(struct shmlab_participant) == 256, "participant");
_Static_assert(sizeof(struct shmlab_sync_object) == 128, "sync object");
_Static_assert(sizeof(struct shmlab_event) == 32, "event");
_Static_assert(offsetof(struct shmlab_event_ring, slots) == 128, "event ring header");
_Static_assert(sizeof(struct shmlab_futex) == 8, "counted futex word");
_Static_assert(sizeof(struct shmlab_pp_header) == 24, "ping-pong message header");

#endif
