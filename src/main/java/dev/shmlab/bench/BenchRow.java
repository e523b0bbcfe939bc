package dev.shmlab.bench;

/**
 * One line of the bench table: a transport at a size, or a reference. Numbers not measured for
 * this line are -1 (latencies, counts) or NaN (rates).
 *
 * @param kind            "transport" or "reference"
 * @param name            the transport ({@code shm-futex}) or the reference ({@code memcpy}, {@code cache-line})
 * @param stream          how the stream test moved messages: ring, slot, stream, queue; "-" for none
 * @param copyMbPerSecond the single-thread copy ceiling at this size, measured in the same run
 * @param fractionOfCopy  MB/s divided by the ceiling
 * @param status          "ok", or what went wrong
 */
public record BenchRow(String kind, String name, String stream, long sizeBytes, long p50Nanos, long p99Nanos, long p999Nanos,
                       long roundTrips, double messagesPerSecond, double mbPerSecond, double copyMbPerSecond, double fractionOfCopy,
                       Placement latencyPlacement, Placement streamPlacement, String status) {

    public boolean ok() {
        return status.equals("ok");
    }
}
