/*
 * shmlab_participant.c - a shmlab participant written in C from shmlab.h alone: the proof that the
 * documented segment format is enough for another language to join a run.
 *
 * It plays the reader of the ping-pong scenario (participant 1). It attaches to the lab segment,
 * publishes its pid, state, heartbeat and counters in its record under the seqlock, obeys the
 * control block (stop, pause, single steps, pace) and SIGTERM, exits within 2 s when the launcher
 * dies, and for every message waits for the writer's flag, copies the payload out, checks sequence
 * number and checksum exactly as shmlab's own reader does, then echoes the message (latency mode)
 * or clears the flag (throughput mode). Every sync mode of ping-pong works: spin, yield, futex,
 * sem and named-sem.
 *
 *   build: gcc -std=c11 -O2 -pthread -I src/main/c -o shmlab_participant src/main/c/shmlab_participant.c
 *   run:   shmlab run ping-pong --participant-program 1=./shmlab_participant [--mode throughput ...]
 *
 * The launcher starts it as `shmlab_participant SEGMENT INDEX PARENT_PID`, like any participant.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "shmlab.h"

#define EXIT_DONE 0
#define EXIT_BAD_INPUT 2
#define EXIT_FAILED 3
#define EXIT_PARENT_DIED 4

#define MS 1000000LL
#define HEARTBEAT_NS (100 * MS)
#define SLICE_NS (100 * MS)          /* one bounded wait for the peer */
#define PEER_TIMEOUT_NS (5000 * MS)  /* waiting longer than this for the peer fails the role */
#define CONTROL_SLICE_NS (50 * MS)   /* longest sleep while paused or pacing */
#define PUBLISH_NS (1 * MS)          /* counters reach the record at least this often */
#define MIN_HOP_NS 20000LL           /* at most one hop in the ring per 20 us at full speed */
#define LINE_NS (100 * MS)           /* "Received ..." lines: the first 10, then one per 100 ms */
#define FREE_LINES 10

#define LOAD(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define PUT(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define GET(p) __atomic_load_n((p), __ATOMIC_RELAXED)

enum sync_mode { SYNC_SPIN, SYNC_YIELD, SYNC_FUTEX, SYNC_SEM };

struct params {
    bool latency;
    bool full_check;
    enum sync_mode sync;
    bool named;
    int64_t size;
    int64_t count;
    int64_t warmup;
};

/* The reader's own view of its record: what it publishes under the seqlock. */
struct counters {
    int32_t state, step, exit_code;
    int64_t state_since_ns, sent, received, bytes_sent, bytes_received, lost, duplicated, corrupted, steps_taken, last_seq;
};

struct reader {
    uint8_t *base;
    struct shmlab_control *control;
    struct shmlab_participant *me;
    struct shmlab_participant *writer;
    struct shmlab_event_ring *events;
    int32_t event_capacity;
    uint8_t *data;
    struct shmlab_futex *flag;
    struct shmlab_pp_header *header;
    uint8_t *slot;
    uint8_t *buffer;
    sem_t *to_me;
    sem_t *to_peer;
    struct params p;
    struct counters c;
    int64_t seqlock;
    int64_t last_publish_ns, last_hop_ns, last_line_ns, lines_printed, lines_skipped;
    int64_t seen_generation, steps_used_global;
    int32_t steps_used_own;
    bool paused, paced;
    int64_t pace_ns;
};

static volatile sig_atomic_t stop_requested;
static pid_t parent_pid;
static int finished;

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t) t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

static void sleep_ns(int64_t ns) {
    struct timespec t = {ns / 1000000000LL, ns % 1000000000LL};
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}

static void futex_wait(int32_t *word, int32_t expected, int64_t timeout_ns) {
    struct timespec t = {timeout_ns / 1000000000LL, timeout_ns % 1000000000LL};
    syscall(SYS_futex, word, FUTEX_WAIT, expected, &t, NULL, 0);
}

/* Sleeps on a counted futex word while it holds `expected` (shmlab.h: counted futex word). */
static void counted_wait(struct shmlab_futex *f, int32_t expected, int64_t timeout_ns) {
    __atomic_fetch_add(&f->sleepers, 1, __ATOMIC_SEQ_CST);
    futex_wait(&f->value, expected, timeout_ns);
    __atomic_fetch_sub(&f->sleepers, 1, __ATOMIC_SEQ_CST);
}

static void counted_wake(struct shmlab_futex *f) {
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (__atomic_load_n(&f->sleepers, __ATOMIC_SEQ_CST) != 0) {
        syscall(SYS_futex, &f->value, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
    }
}

/* ---- the record, under its seqlock (shmlab.h: participant records) ---- */

static void publish(struct reader *r) {
    struct shmlab_participant *m = r->me;
    struct counters *c = &r->c;
    r->last_publish_ns = now_ns();
    PUT(&m->seqlock, ++r->seqlock);
    __atomic_thread_fence(__ATOMIC_RELEASE); /* the odd sequence is visible before any field store */
    PUT(&m->state, c->state);
    PUT(&m->step, c->step);
    PUT(&m->waiting_on, -1);
    PUT(&m->exit_code, c->exit_code);
    PUT(&m->state_since_ns, c->state_since_ns);
    PUT(&m->sent, c->sent);
    PUT(&m->received, c->received);
    PUT(&m->bytes_sent, c->bytes_sent);
    PUT(&m->bytes_received, c->bytes_received);
    PUT(&m->lost, c->lost);
    PUT(&m->duplicated, c->duplicated);
    PUT(&m->corrupted, c->corrupted);
    PUT(&m->steps_taken, c->steps_taken);
    PUT(&m->last_seq, c->last_seq);
    STORE(&m->seqlock, ++r->seqlock); /* release: every field above is visible before the even sequence */
}

static void set_state(struct reader *r, int32_t state) {
    if (r->c.state != state) {
        r->c.state = state;
        r->c.state_since_ns = now_ns();
    }
    publish(r);
}

static void begin(struct reader *r) {
    struct shmlab_participant *m = r->me;
    r->seqlock = LOAD(&m->seqlock) & ~1LL;
    PUT(&m->seqlock, ++r->seqlock);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    PUT(&m->pid, (int64_t) getpid());
    PUT(&m->role, SHMLAB_PP_READER);
    char name[32] = "reader";
    for (int i = 0; i < 32; i++) {
        PUT(&m->name[i], name[i]);
    }
    STORE(&m->seqlock, ++r->seqlock);
    r->c.state = -1;
    set_state(r, SHMLAB_STARTING);
}

/* Reads the writer's pid and state consistently; false when it kept changing. */
static bool read_writer(struct reader *r, int64_t *pid, int32_t *state) {
    for (int attempt = 0; attempt < 64; attempt++) {
        int64_t before = LOAD(&r->writer->seqlock);
        if (before & 1) {
            cpu_relax();
            continue;
        }
        *pid = GET(&r->writer->pid);
        *state = GET(&r->writer->state);
        __atomic_thread_fence(__ATOMIC_ACQUIRE); /* the field loads complete before the sequence is read again */
        if (GET(&r->writer->seqlock) == before) {
            return true;
        }
    }
    return false;
}

static bool writer_alive(struct reader *r) {
    int64_t pid;
    int32_t state;
    if (!read_writer(r, &pid, &state)) {
        return true;
    }
    if (state == SHMLAB_FAILED) {
        return false;
    }
    return pid == 0 || kill((pid_t) pid, 0) == 0 || errno == EPERM;
}

/* ---- the role fails: say why, publish FAILED, exit 3 ---- */

static void fail(struct reader *r, const char *format, ...) {
    va_list args;
    va_start(args, format);
    fprintf(stderr, "reader: ");
    vfprintf(stderr, format, args);
    fprintf(stderr, "\n");
    va_end(args);
    fflush(stdout);
    r->c.exit_code = EXIT_FAILED;
    set_state(r, SHMLAB_FAILED);
    __atomic_store_n(&finished, 1, __ATOMIC_RELEASE);
    exit(EXIT_FAILED);
}

/* ---- heartbeat, parent watch, stop (shmlab.h: joining a run) ---- */

static void *heartbeat(void *arg) {
    struct reader *r = arg;
    while (!__atomic_load_n(&finished, __ATOMIC_ACQUIRE)) {
        STORE(&r->me->heartbeat_ns, now_ns());
        if (getppid() != parent_pid || (kill(parent_pid, 0) != 0 && errno == ESRCH)) {
            fprintf(stderr, "reader: the process that started this run (pid %d) is gone; exiting\n", (int) parent_pid);
            _exit(EXIT_PARENT_DIED);
        }
        if (LOAD(&r->control->command) == SHMLAB_STOP) {
            stop_requested = 1;
        }
        sleep_ns(HEARTBEAT_NS);
    }
    return NULL;
}

static void on_sigterm(int signal) {
    (void) signal;
    stop_requested = 1;
}

/* ---- control block: stop, pause, single steps, pace ---- */

/* wake_word and wake_sleepers side by side are a counted futex word. */
static struct shmlab_futex *wake_word(struct reader *r) {
    return (struct shmlab_futex *) &r->control->wake_word;
}

static bool take_step_grant(struct reader *r) {
    if (LOAD(&r->control->step_grant) > r->steps_used_global) {
        r->steps_used_global++;
        return true;
    }
    if (LOAD(&r->me->step_grant) > r->steps_used_own) {
        r->steps_used_own++;
        return true;
    }
    return false;
}

static void wait_for_control_change(struct reader *r) {
    int32_t before = r->c.state;
    if (before != SHMLAB_PAUSED) {
        set_state(r, SHMLAB_PAUSED);
    }
    int32_t word = LOAD(&r->control->wake_word);
    if (LOAD(&r->control->generation) == r->seen_generation) {
        counted_wait(wake_word(r), word, CONTROL_SLICE_NS);
    }
    r->seen_generation = LOAD(&r->control->generation);
    if (LOAD(&r->control->command) != SHMLAB_PAUSE || LOAD(&r->control->step_grant) > r->steps_used_global
            || LOAD(&r->me->step_grant) > r->steps_used_own) {
        set_state(r, before == SHMLAB_PAUSED ? SHMLAB_RUNNING : before);
    }
}

static void pace(struct reader *r) {
    int64_t deadline = now_ns() + r->pace_ns;
    int64_t left;
    while ((left = deadline - now_ns()) > 0 && !stop_requested) {
        int32_t word = LOAD(&r->control->wake_word);
        counted_wait(wake_word(r), word, left < CONTROL_SLICE_NS ? left : CONTROL_SLICE_NS);
        int64_t generation = LOAD(&r->control->generation);
        if (generation != r->seen_generation) {
            r->seen_generation = generation;
            if (LOAD(&r->control->command) != SHMLAB_RUN || LOAD(&r->control->pace_ns) < r->pace_ns) {
                return;
            }
        }
    }
}

/* Before each step: false when the run is stopping. */
static bool checkpoint(struct reader *r, int32_t step) {
    int64_t generation = LOAD(&r->control->generation);
    if (generation == r->seen_generation && !r->paused && !r->paced) {
        r->c.steps_taken++;
        return !stop_requested;
    }
    r->seen_generation = generation;
    r->c.step = step;
    publish(r);
    for (;;) {
        int32_t command = LOAD(&r->control->command);
        if (command == SHMLAB_STOP || stop_requested) {
            stop_requested = 1;
            return false;
        }
        r->pace_ns = LOAD(&r->control->pace_ns);
        r->paced = r->pace_ns > 0;
        if (command == SHMLAB_PAUSE) {
            r->paused = true;
            if (take_step_grant(r)) {
                r->c.steps_taken++;
                return true;
            }
            wait_for_control_change(r);
            continue;
        }
        r->paused = false;
        r->c.steps_taken++;
        if (r->paced) {
            pace(r);
        }
        return !stop_requested;
    }
}

/* ---- the flag (shmlab.h: scenario ping-pong) ---- */

/* One bounded wait for the flag to equal expected; true when it does. */
static bool await_slice(struct reader *r, int32_t expected, int64_t timeout_ns) {
    int64_t deadline = now_ns() + timeout_ns;
    int32_t observed;
    int spins = 0;
    switch (r->p.sync) {
    case SYNC_SPIN:
    case SYNC_YIELD:
        while (LOAD(&r->flag->value) != expected) {
            if (r->p.sync == SYNC_SPIN || spins < 100) {
                cpu_relax();
            } else {
                sched_yield();
            }
            if ((++spins & 4095) == 0 || (r->p.sync == SYNC_YIELD && spins > 100)) {
                if (now_ns() > deadline) {
                    return false;
                }
            }
        }
        return true;
    case SYNC_FUTEX:
        while ((observed = LOAD(&r->flag->value)) != expected) {
            int64_t left = deadline - now_ns();
            if (left <= 0) {
                return false;
            }
            counted_wait(r->flag, observed, left);
        }
        return true;
    case SYNC_SEM: {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        int64_t ns = until.tv_nsec + timeout_ns;
        until.tv_sec += ns / 1000000000LL;
        until.tv_nsec = ns % 1000000000LL;
        while (sem_timedwait(r->to_me, &until) != 0) {
            if (errno == ETIMEDOUT) {
                return false;
            }
            if (errno != EINTR) {
                fail(r, "sem_timedwait on the request semaphore: %s", strerror(errno));
            }
        }
        observed = LOAD(&r->flag->value);
        if (observed != expected) {
            fail(r, "semaphore posted but the flag is %d, expected %d", observed, expected);
        }
        return true;
    }
    }
    return false;
}

/* Waits for the flag in slices; false when the run is stopping, a failure after the peer timeout. */
static bool await_flag(struct reader *r, int32_t expected) {
    if (await_slice(r, expected, 0)) {
        return true;
    }
    int64_t start = now_ns();
    for (;;) {
        if (await_slice(r, expected, SLICE_NS)) {
            return true;
        }
        if (stop_requested) {
            return false;
        }
        if (!writer_alive(r)) {
            /* A writer stopped by the run ends as soon as it reads the stop, which may be before
               the heartbeat thread has read it here: only a writer gone without one is a failure. */
            if (LOAD(&r->control->command) == SHMLAB_STOP) {
                stop_requested = 1;
                return false;
            }
            fail(r, "the writer is gone; nobody will set the flag to %d", expected);
        }
        if (now_ns() - start > PEER_TIMEOUT_NS) {
            fail(r, "waited 5 s for the writer (flag %d); giving up", expected);
        }
    }
}

static void publish_flag(struct reader *r, int32_t value) {
    STORE(&r->flag->value, value);
    if (r->p.sync == SYNC_FUTEX) {
        counted_wake(r->flag);
    } else if (r->p.sync == SYNC_SEM) {
        sem_post(r->to_peer);
    }
}

/* ---- messages ---- */

static int32_t checksum(struct reader *r, uint64_t header_hash) {
    return r->p.full_check ? shmlab_full(header_hash, r->buffer, r->p.size) : shmlab_stamped(header_hash, r->buffer, r->p.size);
}

/* Copies message `expected` out of the slot and counts it as received, lost, duplicated or corrupted. */
static void receive(struct reader *r, int64_t expected) {
    struct shmlab_pp_header *h = r->header;
    int64_t seq = GET(&h->seq);
    int32_t stated = GET(&h->checksum);
    memcpy(r->buffer, r->slot, (size_t) r->p.size);
    int32_t from = GET(&h->from), to = GET(&h->to), size = GET(&h->size);
    int32_t actual = checksum(r, shmlab_header_hash(seq, from, to, size));
    if (seq == expected && actual == stated && from == SHMLAB_PP_WRITER && to == SHMLAB_PP_READER) {
        r->c.received++;
        r->c.bytes_received += r->p.size;
    } else if (seq < expected) {
        r->c.duplicated++;
    } else if (seq > expected) {
        r->c.lost += seq - expected;
        r->c.received++;
    } else {
        r->c.corrupted++;
    }
    r->c.last_seq = seq;
}

static void append_hop(struct reader *r, int64_t seq, int16_t from, int16_t to, int32_t size) {
    int64_t now = now_ns();
    if (!r->paced && !r->paused && now - r->last_hop_ns < MIN_HOP_NS) {
        return;
    }
    r->last_hop_ns = now;
    int64_t index = __atomic_fetch_add(&r->events->tail, 1, __ATOMIC_SEQ_CST);
    struct shmlab_event *e = &r->events->slots[index & (r->event_capacity - 1)];
    __atomic_store_n(&e->publish_seq, 0, __ATOMIC_SEQ_CST); /* unpublished before any field changes */
    PUT(&e->time_ns, now);
    PUT(&e->message_seq, seq);
    PUT(&e->from, from);
    PUT(&e->to, to);
    PUT(&e->size, size);
    STORE(&e->publish_seq, index + 1); /* release: the fields are visible before the slot says index + 1 */
}

/* Writes message seq back to the writer (latency mode's echo). */
static void echo(struct reader *r, int64_t seq) {
    int64_t size = r->p.size;
    r->buffer[0] = (uint8_t) ('A' + (seq - 1) % 26);
    shmlab_stamp(r->buffer, size, seq);
    int32_t sum = checksum(r, shmlab_header_hash(seq, SHMLAB_PP_READER, SHMLAB_PP_WRITER, (int32_t) size));
    memcpy(r->slot, r->buffer, (size_t) size);
    PUT(&r->header->seq, seq);
    PUT(&r->header->from, SHMLAB_PP_READER);
    PUT(&r->header->to, SHMLAB_PP_WRITER);
    PUT(&r->header->size, (int32_t) size);
    PUT(&r->header->checksum, sum);
    r->c.sent++;
    r->c.bytes_sent += size;
    r->c.last_seq = seq;
    if ((seq & 63) == 1 || r->paced || r->paused) {
        append_hop(r, seq, SHMLAB_PP_READER, SHMLAB_PP_WRITER, (int32_t) size);
    }
}

/* The seed's line for a sample of the messages: the first ten, then one per 100 ms. */
static void received_line(struct reader *r, int64_t now) {
    if (r->lines_printed >= FREE_LINES && now - r->last_line_ns < LINE_NS) {
        r->lines_skipped++;
        return;
    }
    if (r->lines_skipped > 0) {
        printf("(%lld similar lines not shown)\n", (long long) r->lines_skipped);
        r->lines_skipped = 0;
    }
    printf("Received %lld bytes. First char: %c\n", (long long) r->p.size, r->buffer[0]);
    r->lines_printed++;
    r->last_line_ns = now;
}

static void read_messages(struct reader *r) {
    printf("Shared memory receiver ready.\n");
    set_state(r, SHMLAB_WAITING); /* the writer starts once it sees this */
    int64_t total = r->p.warmup + r->p.count;
    for (int64_t seq = 1; seq <= total; seq++) {
        if (!checkpoint(r, 0)) {
            return;
        }
        if (!await_flag(r, (int32_t) (r->p.latency ? 2 * seq - 1 : seq))) {
            return;
        }
        if (seq == 1) {
            set_state(r, SHMLAB_RUNNING);
        }
        receive(r, seq);
        int64_t now = now_ns();
        if ((seq & 63) == 1 || r->paced || r->paused) {
            received_line(r, now);
        }
        if (r->p.latency) {
            echo(r, seq);
            publish_flag(r, (int32_t) (2 * seq));
        } else {
            publish_flag(r, 0);
        }
        if (now - r->last_publish_ns >= PUBLISH_NS) {
            publish(r);
        }
    }
    if (r->lines_skipped > 0) {
        printf("(%lld similar lines not shown)\n", (long long) r->lines_skipped);
    }
    printf("Reader received %lld messages (%lld bytes); lost %lld, duplicated %lld, corrupted %lld.\n", (long long) r->c.received,
            (long long) r->c.bytes_received, (long long) r->c.lost, (long long) r->c.duplicated, (long long) r->c.corrupted);
}

/* ---- attaching (shmlab.h: publication, sections, params) ---- */

static int bad_input(const char *format, ...) {
    va_list args;
    va_start(args, format);
    fprintf(stderr, "participant: ");
    vfprintf(stderr, format, args);
    fprintf(stderr, "\n");
    va_end(args);
    return EXIT_BAD_INPUT;
}

/* Maps SEGMENT (posix:/NAME, sysv-id:ID or file:/PATH) read-write; returns its size, or 0. */
static size_t map_segment(const char *address, uint8_t **base) {
    if (strncmp(address, "sysv-id:", 8) == 0) {
        int id = atoi(address + 8);
        struct shmid_ds info;
        if (shmctl(id, IPC_STAT, &info) != 0) {
            return 0;
        }
        void *at = shmat(id, NULL, 0);
        if (at == (void *) -1) {
            return 0;
        }
        *base = at;
        return info.shm_segsz;
    }
    int fd;
    if (strncmp(address, "posix:", 6) == 0) {
        fd = shm_open(address + 6, O_RDWR, 0);
    } else if (strncmp(address, "file:", 5) == 0) {
        fd = open(address + 5, O_RDWR | O_NOFOLLOW);
    } else {
        errno = EINVAL;
        return 0;
    }
    if (fd < 0) {
        return 0;
    }
    struct stat st;
    void *at = MAP_FAILED;
    if (fstat(fd, &st) == 0 && st.st_size > 0) {
        at = mmap(NULL, (size_t) st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    }
    close(fd);
    if (at == MAP_FAILED) {
        return 0;
    }
    *base = at;
    return (size_t) st.st_size;
}

static bool section_ok(const struct shmlab_section *s, int64_t total) {
    return s->offset >= (int64_t) sizeof(struct shmlab_header) && s->length >= 0 && s->offset + s->length <= total;
}

/* Finds "key": in a flat JSON object and returns where its value starts, or NULL. */
static const char *json_value(const char *json, const char *key) {
    char quoted[64];
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    for (const char *at = strstr(json, quoted); at != NULL; at = strstr(at + 1, quoted)) {
        const char *p = at + strlen(quoted);
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            p++;
        }
        if (*p == ':') {
            p++;
            while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
                p++;
            }
            return p;
        }
    }
    return NULL;
}

static bool json_is(const char *json, const char *key, const char *text) {
    const char *v = json_value(json, key);
    size_t n = strlen(text);
    return v != NULL && *v == '"' && strncmp(v + 1, text, n) == 0 && v[n + 1] == '"';
}

static bool json_long(const char *json, const char *key, int64_t *out) {
    const char *v = json_value(json, key);
    char *end;
    if (v == NULL) {
        return false;
    }
    errno = 0;
    *out = strtoll(v, &end, 10);
    return errno == 0 && end != v;
}

static int read_params(const uint8_t *base, const struct shmlab_header *h, struct params *p) {
    int32_t length;
    memcpy(&length, base + h->params.offset, sizeof length);
    if (length < 0 || length > h->params.length - 4) {
        return bad_input("corrupt parameters: length=%d", length);
    }
    char *json = calloc(1, (size_t) length + 1);
    memcpy(json, base + h->params.offset + 4, (size_t) length);
    if (!json_long(json, "size", &p->size) || !json_long(json, "count", &p->count) || !json_long(json, "warmup", &p->warmup)
            || p->size < 1 || p->count < 0 || p->warmup < 0) {
        int rc = bad_input("the parameters lack size, count or warmup: %s", json);
        free(json);
        return rc;
    }
    p->latency = json_is(json, "mode", "latency");
    p->full_check = json_is(json, "verify", "full");
    p->named = json_is(json, "sync", "named-sem");
    p->sync = json_is(json, "sync", "spin") ? SYNC_SPIN : json_is(json, "sync", "yield") ? SYNC_YIELD
            : json_is(json, "sync", "futex") ? SYNC_FUTEX : SYNC_SEM;
    bool known = json_is(json, "sync", "spin") || json_is(json, "sync", "yield") || json_is(json, "sync", "futex")
            || json_is(json, "sync", "sem") || p->named;
    free(json);
    return known ? 0 : bad_input("unknown sync mode in the parameters");
}

/* Opens ping-pong's semaphores: sync object 0 ("request") is posted to the reader, 1 ("reply") to the writer. */
static int open_semaphores(struct reader *r, const struct shmlab_header *h) {
    if (r->p.sync != SYNC_SEM) {
        return 0;
    }
    if (h->sync_count < 2 || h->sync.length < 2 * (int64_t) sizeof(struct shmlab_sync_object)) {
        return bad_input("sync mode sem needs two sync objects, the segment has %d", h->sync_count);
    }
    struct shmlab_sync_object *objects = (struct shmlab_sync_object *) (r->base + h->sync.offset);
    sem_t *sems[2];
    for (int i = 0; i < 2; i++) {
        if (r->p.named) {
            char name[65];
            memcpy(name, objects[i].storage, 64);
            name[64] = 0;
            sems[i] = sem_open(name, 0);
            if (sems[i] == SEM_FAILED) {
                return bad_input("sem_open(\"%s\"): %s", name, strerror(errno));
            }
        } else {
            sems[i] = (sem_t *) objects[i].storage;
        }
    }
    r->to_me = sems[0];
    r->to_peer = sems[1];
    return 0;
}

static int attach(struct reader *r, const char *address, int index) {
    size_t size = map_segment(address, &r->base);
    if (size < sizeof(struct shmlab_header)) {
        return bad_input("cannot map %s: %s", address, size == 0 ? strerror(errno) : "smaller than the header");
    }
    struct shmlab_header *h = (struct shmlab_header *) r->base;
    int64_t deadline = now_ns() + 5000 * MS;
    while (LOAD(&h->magic) != SHMLAB_MAGIC) { /* acquire: everything the creator wrote is visible after */
        if (now_ns() > deadline) {
            return bad_input("%s is not a shmlab segment (no magic after 5 s)", address);
        }
        sleep_ns(MS);
    }
    int64_t total = h->total_length;
    if (h->major != SHMLAB_VERSION_MAJOR || total > (int64_t) size || h->participant_length != (int32_t) sizeof(struct shmlab_participant)
            || !section_ok(&h->control, total) || !section_ok(&h->participants, total) || !section_ok(&h->events, total)
            || !section_ok(&h->params, total) || !section_ok(&h->data, total) || !section_ok(&h->sync, total)
            || h->event_capacity < 1 || (h->event_capacity & (h->event_capacity - 1)) != 0
            || h->events.length < (int64_t) sizeof(struct shmlab_event_ring) + (int64_t) h->event_capacity * h->event_length) {
        return bad_input("%s: unsupported format %d.%d or a corrupt header", address, h->major, h->minor);
    }
    if (strncmp(h->scenario, "ping-pong", sizeof h->scenario) != 0) {
        return bad_input("this program plays ping-pong's reader; the run is %.32s", h->scenario);
    }
    if (index != SHMLAB_PP_READER || index >= h->participant_count
            || (int64_t) (index + 1) * h->participant_length > h->participants.length) {
        return bad_input("this program plays the reader, participant %d (asked to play %d)", SHMLAB_PP_READER, index);
    }
    int rc = read_params(r->base, h, &r->p);
    if (rc != 0) {
        return rc;
    }
    if (h->data.length < SHMLAB_PP_PAYLOAD_OFFSET + r->p.size) {
        return bad_input("the data area (%lld bytes) cannot hold a %lld-byte message", (long long) h->data.length, (long long) r->p.size);
    }
    r->control = (struct shmlab_control *) (r->base + h->control.offset);
    r->me = (struct shmlab_participant *) (r->base + h->participants.offset + (int64_t) index * h->participant_length);
    r->writer = (struct shmlab_participant *) (r->base + h->participants.offset + (int64_t) SHMLAB_PP_WRITER * h->participant_length);
    r->events = (struct shmlab_event_ring *) (r->base + h->events.offset);
    r->event_capacity = h->event_capacity;
    r->data = r->base + h->data.offset;
    r->flag = (struct shmlab_futex *) (r->data + SHMLAB_PP_FLAG_OFFSET);
    r->header = (struct shmlab_pp_header *) (r->data + SHMLAB_PP_HEADER_OFFSET);
    r->slot = r->data + SHMLAB_PP_PAYLOAD_OFFSET;
    if (posix_memalign((void **) &r->buffer, 4096, (size_t) r->p.size) != 0) {
        return bad_input("cannot allocate a %lld-byte buffer", (long long) r->p.size);
    }
    for (int64_t i = 0; i < r->p.size; i++) {
        r->buffer[i] = (uint8_t) ('a' + i % 26);
    }
    return open_semaphores(r, h);
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc != 4) {
        fprintf(stderr, "usage: shmlab_participant SEGMENT INDEX PARENT_PID\n");
        return EXIT_BAD_INPUT;
    }
    parent_pid = (pid_t) atol(argv[3]);
    static struct reader reader;
    struct reader *r = &reader;
    int rc = attach(r, argv[1], atoi(argv[2]));
    if (rc != 0) {
        return rc;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigterm;
    sigaction(SIGTERM, &action, NULL);

    begin(r);
    r->steps_used_global = LOAD(&r->control->step_grant);
    r->seen_generation = -1;
    pthread_t beat;
    STORE(&r->me->heartbeat_ns, now_ns());
    pthread_create(&beat, NULL, heartbeat, r);
    set_state(r, SHMLAB_RUNNING);
    read_messages(r);
    fflush(stdout);
    r->c.exit_code = EXIT_DONE;
    set_state(r, SHMLAB_DONE);
    __atomic_store_n(&finished, 1, __ATOMIC_RELEASE);
    pthread_join(beat, NULL);
    return EXIT_DONE;
}
