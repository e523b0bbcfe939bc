package dev.shmlab.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Interface-mapped libc calls that are not on a hot path. C names; each method paraphrases its
 * man page. On glibc &ge; 2.34 every function here lives in libc itself (no librt/libpthread).
 * All return -1 (or {@code MAP_FAILED}, or NULL) and set errno on failure unless noted.
 */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    // ---- <sys/mman.h>, <fcntl.h>, <unistd.h>, <sys/stat.h>

    /** shm_open(3): opens /dev/shm/NAME; returns an fd, or -1 with errno (EEXIST, ENOENT, EACCES, EINVAL, ENAMETOOLONG). */
    int shm_open(String name, int oflag, int mode);

    /** shm_unlink(3): removes the name; mappings stay valid. -1 with ENOENT if absent, EACCES. */
    int shm_unlink(String name);

    /** open(2) with O_CREAT's mode argument always passed. Returns an fd or -1. */
    int open(String path, int flags, int mode);

    /** fchmod(2): sets the permission bits exactly (the umask does not apply); -1 with EPERM, EBADF. */
    int fchmod(int fd, int mode);

    /** chmod(2): as fchmod, by path (follows symbolic links: only for files shmlab itself created); -1 with ENOENT, EPERM. */
    int chmod(String path, int mode);

    /** ftruncate(2): sets the object's size; -1 with EINVAL, EFBIG, EPERM. */
    int ftruncate(int fd, long length);

    /** fstat(2): fills a 144-byte struct stat; -1 with EBADF. */
    int fstat(int fd, Pointer statbuf);

    /** mmap(2): returns the mapping's address or MAP_FAILED (-1) with errno (EACCES, EINVAL, ENOMEM). */
    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    /** munmap(2): 0 or -1 with EINVAL. */
    int munmap(Pointer addr, long length);

    /** msync(2): flushes a file-backed mapping; 0 or -1 with EINVAL, ENOMEM, EBUSY. */
    int msync(Pointer addr, long length, int flags);

    /** close(2): 0 or -1 with EBADF/EINTR (never retried: the fd is gone either way on Linux). */
    int close(int fd);

    /** mkfifo(3): creates a named pipe; 0 or -1 with EEXIST, ENOENT (no such directory), EACCES, ENAMETOOLONG. */
    int mkfifo(String path, int mode);

    // ---- System V IPC: <sys/ipc.h>, <sys/shm.h>, <sys/sem.h>

    /** ftok(3): key from an existing path's inode and device plus the low 8 bits of id; -1 with errno from stat(2). */
    int ftok(String pathname, int projId);

    /** shmget(2): segment id, or -1 with EEXIST, ENOENT, EINVAL (size vs SHMMIN/SHMMAX), EACCES, ENOSPC. */
    int shmget(int key, long size, int shmflg);

    /** shmat(2): attach address, or (void*)-1 with EACCES, EINVAL, EIDRM. */
    Pointer shmat(int shmid, Pointer shmaddr, int shmflg);

    /** shmdt(2): 0 or -1 with EINVAL. */
    int shmdt(Pointer shmaddr);

    /** shmctl(2): IPC_STAT fills a 112-byte struct shmid_ds; IPC_RMID marks for removal. -1 with EINVAL, EIDRM, EPERM, EACCES. */
    int shmctl(int shmid, int cmd, Pointer buf);

    /** semget(2): set id, or -1 with EEXIST, ENOENT, EINVAL, EACCES, ENOSPC. */
    int semget(int key, int nsems, int semflg);

    /** semop(2): 0, or -1 with EAGAIN (IPC_NOWAIT), EIDRM, EINTR, EINVAL. */
    int semop(int semid, Pointer sops, long nsops);

    /** semtimedop(2): as semop, plus -1 with EAGAIN when the relative timeout expires. */
    int semtimedop(int semid, Pointer sops, long nsops, Pointer timeout);

    /** semctl(2) for commands taking no argument (GETVAL, GETPID, GETNCNT, IPC_RMID): the value or -1. */
    int semctl(int semid, int semnum, int cmd);

    /** semctl(2) for SETVAL: 0 or -1 with EINVAL, ERANGE, EPERM. */
    int semctl(int semid, int semnum, int cmd, int value);

    /** semctl(2) for IPC_STAT: fills a 104-byte struct semid_ds; 0 or -1 with EINVAL, EIDRM, EACCES. */
    int semctl(int semid, int semnum, int cmd, Pointer buf);

    // ---- POSIX semaphores: <semaphore.h>

    /** sem_open(3): returns a sem_t*, or SEM_FAILED (NULL) with EEXIST, ENOENT, EACCES, EINVAL. */
    Pointer sem_open(String name, int oflag, int mode, int value);

    /** sem_close(3): 0 or -1 with EINVAL. */
    int sem_close(Pointer sem);

    /** sem_unlink(3): 0 or -1 with ENOENT, EACCES. */
    int sem_unlink(String name);

    /** sem_init(3) with pshared != 0 for a semaphore in shared memory; -1 with EINVAL (value &gt; SEM_VALUE_MAX). */
    int sem_init(Pointer sem, int pshared, int value);

    /** sem_destroy(3): 0 or -1 with EINVAL. */
    int sem_destroy(Pointer sem);

    // ---- process-shared robust mutexes: <pthread.h>. These return an error number, never set errno.

    int pthread_mutexattr_init(Pointer attr);

    int pthread_mutexattr_setpshared(Pointer attr, int pshared);

    int pthread_mutexattr_setrobust(Pointer attr, int robustness);

    int pthread_mutexattr_destroy(Pointer attr);

    int pthread_mutex_init(Pointer mutex, Pointer attr);

    /** pthread_mutex_consistent(3): marks a robust mutex whose owner died as usable again; EINVAL if not inconsistent. */
    int pthread_mutex_consistent(Pointer mutex);

    int pthread_mutex_destroy(Pointer mutex);

    // ---- POSIX message queues: <mqueue.h>

    /** mq_open(3): a queue descriptor or -1 with EEXIST, ENOENT, EINVAL (attr out of limits), EMFILE. */
    int mq_open(String name, int oflag, int mode, Pointer attr);

    /** mq_close(3): 0 or -1 with EBADF. */
    int mq_close(int mqdes);

    /** mq_unlink(3): 0 or -1 with ENOENT, EACCES. */
    int mq_unlink(String name);

    // ---- processes

    /** getpid(2): never fails. */
    int getpid();

    /** kill(2): 0 or -1 with ESRCH (no such process), EPERM. Signal 0 only checks existence. */
    int kill(int pid, int sig);

    /** geteuid(2): never fails. */
    int geteuid();

    /** gettid(2): the calling thread's id (the TID in /proc/PID/task/TID); never fails. */
    int gettid();

    /**
     * sched_setaffinity(2) with pid 0: restricts the calling thread to the CPUs set in the mask of
     * cpusetsize bytes; 0 or -1 with EINVAL (no allowed CPU in the mask), EPERM.
     */
    int sched_setaffinity(int pid, long cpusetsize, Pointer mask);

    /** strerror(3): the text of an errno value. */
    String strerror(int errnum);
}
