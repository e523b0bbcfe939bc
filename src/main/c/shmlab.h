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
 *     after incrementing `wake_sleepers`.
 */
#ifndef SHMLAB_H
#define SHMLAB_H

#include <stddef.h>
#include <stdint.h>

#define SHMLAB_MAGIC 0x3130424C4D485353ULL /* "SHMLAB01" */
#define SHMLAB_VERSION_MAJOR 1
#define SHMLAB_VERSION_MINOR 0

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

_Static_assert(sizeof(struct shmlab_header) == 512, "header");
_Static_assert(sizeof(struct shmlab_control) == 128, "control");
_Static_assert(sizeof(struct shmlab_participant) == 256, "participant");
_Static_assert(sizeof(struct shmlab_sync_object) == 128, "sync object");
_Static_assert(sizeof(struct shmlab_event) == 32, "event");
_Static_assert(offsetof(struct shmlab_event_ring, slots) == 128, "event ring header");

#endif
