package dev.shmlab.scenario;

/**
 * The data area of a {@code transports} run. The control page carries only coordination (who is
 * where, when the measured part started and ended, the last sequence of each test); payload
 * travels over the transport under test — only the shared-memory transports put it here too, in
 * the slot and the ring. Each side's words sit on their own 128-byte lines.
 *
 * <pre>
 *     0 writer line   0 long latencyFinalSeq   last sequence of the latency test (Long.MAX_VALUE until known)
 *                     8 long streamFinalSeq    last sequence of the stream test  (Long.MAX_VALUE until known)
 *                    16 long streamFirstMeasuredSeq   first sequence after the warm-up
 *                    24 long streamStartNanos  CLOCK_MONOTONIC when that message was sent
 *                    32 int  phase             {@link Phase}, for observers sampling CPU placement
 *                    36 int  writerTid
 *                    40 int  writerSetupStage  counted futex word (value, waiters)
 *   128 reader line 128 long streamEndNanos    when the reader verified the last stream message
 *                   136 long streamVerified    stream messages the reader verified
 *                   144 int  readerTid
 *                   148 int  tcpPort           the reader's listening port on 127.0.0.1
 *                   152 int  readerSetupStage  counted futex word (value, waiters)
 *   256 char[256] directory   private directory of the run (FIFOs, UNIX socket), written by the launcher
 *   512 char[64]  mqToReader, 576 char[64] mqToWriter   message queue names, written by the launcher
 *   640 int  mqFragmentBytes   the queues' mq_msgsize
 *  4096 int  echoFlag          counted futex word of the latency slot
 *  4224 int  handoffFlag       counted futex word of the single-slot stream
 *  8192 message slot           header + payload ({@link WireMessage})
 *  RING ring                   {@link ShmRing} (shared-memory transports only)
 * </pre>
 */
public final class TransportsDescriptor {
    public static final long LATENCY_FINAL_SEQ_OFFSET = 0;
    public static final long STREAM_FINAL_SEQ_OFFSET = 8;
    public static final long STREAM_FIRST_MEASURED_SEQ_OFFSET = 16;
    public static final long STREAM_START_NANOS_OFFSET = 24;
    public static final long PHASE_OFFSET = 32;
    public static final long WRITER_TID_OFFSET = 36;
    public static final long WRITER_SETUP_STAGE_OFFSET = 40;

    public static final long STREAM_END_NANOS_OFFSET = 128;
    public static final long STREAM_VERIFIED_OFFSET = 136;
    public static final long READER_TID_OFFSET = 144;
    public static final long TCP_PORT_OFFSET = 148;
    public static final long READER_SETUP_STAGE_OFFSET = 152;

    public static final long DIRECTORY_OFFSET = 256;
    public static final int DIRECTORY_LENGTH = 256;
    public static final long MQ_TO_READER_OFFSET = 512;
    public static final long MQ_TO_WRITER_OFFSET = 576;
    public static final int MQ_NAME_LENGTH = 64;
    public static final long MQ_FRAGMENT_BYTES_OFFSET = 640;

    public static final long ECHO_FLAG_OFFSET = 4096;
    public static final long HANDOFF_FLAG_OFFSET = 4224;
    public static final long SLOT_OFFSET = 8192;

    /** The control page alone: what transports that carry their payload elsewhere need. */
    public static final long CONTROL_LENGTH = 4096;

    /** What the writer is doing, published for observers (the benchmark samples CPU placement per phase). */
    public enum Phase {
        SETUP, LATENCY_WARMUP, LATENCY_MEASURED, STREAM_WARMUP, STREAM_MEASURED, DONE;

        public static Phase of(int ordinal) {
            Phase[] all = values();
            return ordinal >= 0 && ordinal < all.length ? all[ordinal] : SETUP;
        }
    }

    private TransportsDescriptor() {
    }

    /** Where the ring starts for messages of sizeBytes: the first page after the slot. */
    public static long ringOffset(long sizeBytes) {
        return align(SLOT_OFFSET + WireMessage.HEADER_LENGTH + sizeBytes, 4096);
    }

    /** The whole data area for a transport and message size. */
    public static long dataLength(boolean sharedMemory, long sizeBytes) {
        return sharedMemory ? ringOffset(sizeBytes) + ShmRing.TOTAL_LENGTH : CONTROL_LENGTH;
    }

    static long align(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
