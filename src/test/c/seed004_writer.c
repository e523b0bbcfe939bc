/*
 * seed004_writer.c - a stand-in for seed 004's clients, for the tests of `shmlab inspect --layout`.
 *
 * It creates seed 004's struct Memory in a System V segment keyed by ftok(PATH, 65) and the named
 * semaphore SEMNAME (value 0), then plays a short scripted exchange between clients 3, 1 and 2,
 * one step per line it reads on stdin. After each step it prints "ready N" with the step's values
 * in place, so a test can read them while nothing moves. At "quit", at the end of its input, or on
 * SIGTERM/SIGINT it removes the segment and the semaphore and prints "removed".
 *
 *   step 1: client 3 writes message 0 for client 1 (packet_no 1) and posts the semaphore (1)
 *   step 2: client 1 takes the semaphore (0) and writes message 1 for client 2 (packet_no 2)
 *   step 3: client 1 posts (1), client 2 takes the semaphore, writes message 1 for client 3
 *           (packet_no 3) and posts it again (1)
 *
 * usage: seed004_writer PATH SEMNAME
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/stat.h>

#define BUF_LEN 1024
#define PROJECT_ID 65

struct Memory {
    int packet_no;
    unsigned short srcClientNo;
    unsigned short destClientNo;
    char message[BUF_LEN];
};

static int shm_id = -1;
static struct Memory *shm = NULL;
static sem_t *sem = SEM_FAILED;
static const char *sem_name;

static void on_signal(int signal) {
    (void) signal; /* interrupts the read on stdin, which then ends the script */
}

static void cleanup(void) {
    if (shm != NULL) {
        shmdt(shm);
    }
    if (shm_id >= 0) {
        shmctl(shm_id, IPC_RMID, NULL);
    }
    if (sem != SEM_FAILED) {
        sem_close(sem);
        sem_unlink(sem_name);
    }
    printf("removed\n");
    fflush(stdout);
}

/* Writes one message the way a seed 004 client does, packet_no last (release). */
static void send_message(unsigned short src, unsigned short dest, const char *text) {
    shm->srcClientNo = src;
    shm->destClientNo = dest;
    memset(shm->message, 0, BUF_LEN);
    snprintf(shm->message, BUF_LEN, "%s", text);
    __atomic_store_n(&shm->packet_no, shm->packet_no + 1, __ATOMIC_RELEASE);
}

static void step(int n) {
    switch (n) {
    case 1:
        send_message(3, 1, "This is message 0 from client 3");
        sem_post(sem);
        break;
    case 2:
        sem_wait(sem);
        send_message(1, 2, "Message 1 from client 1");
        break;
    case 3:
        sem_post(sem);
        sem_wait(sem);
        send_message(2, 3, "Message 1 from client 2");
        sem_post(sem);
        break;
    default:
        break;
    }
    printf("ready %d\n", n);
    fflush(stdout);
}

static int fail(const char *what) {
    fprintf(stderr, "seed004_writer: %s: %s\n", what, strerror(errno));
    cleanup();
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: seed004_writer PATH SEMNAME\n");
        return 2;
    }
    sem_name = argv[2];
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal; /* no SA_RESTART: a signal ends the blocking read */
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);

    key_t key = ftok(argv[1], PROJECT_ID);
    if (key == -1) {
        return fail("ftok");
    }
    shm_id = shmget(key, sizeof(struct Memory), IPC_CREAT | IPC_EXCL | 0600);
    if (shm_id < 0) {
        return fail("shmget");
    }
    shm = shmat(shm_id, NULL, 0);
    if (shm == (void *) -1) {
        shm = NULL;
        return fail("shmat");
    }
    sem = sem_open(sem_name, O_CREAT | O_EXCL, 0600, 0);
    if (sem == SEM_FAILED) {
        return fail("sem_open");
    }
    printf("key 0x%08x id %d size %zu\n", (unsigned) key, shm_id, sizeof(struct Memory));
    step(1);
    char line[64];
    for (int n = 2; fgets(line, sizeof line, stdin) != NULL && strncmp(line, "quit", 4) != 0; n++) {
        step(n);
    }
    cleanup();
    return 0;
}
