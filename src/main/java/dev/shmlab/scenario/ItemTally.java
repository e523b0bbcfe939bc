package dev.shmlab.scenario;

import dev.shmlab.shm.SharedMemory;

/**
 * A consumer's record of the items it took: one bit per item and producer, kept privately while
 * items flow (no shared write per item) and merged into the shared bitmaps at the end, where a
 * bit some other consumer already set is a duplicate. Items a consumer took twice itself, or
 * damaged ones, are counted at once.
 *
 * <pre>
 * shared, per producer p (0-based): bitmap at bitmapsOffset + p * bitmapLength (bit seq-1 set =
 * consumed), duplicates (long) at duplicatesOffset + p * duplicatesStride
 * </pre>
 */
final class ItemTally {
    /** What a consumer found an item to be. */
    enum Verdict {
        FIRST_TIME, DUPLICATE, CORRUPTED
    }

    private final int producers;
    private final long itemsPerProducer;
    private final long[][] seen;
    private final long[] duplicates;
    private final long[] taken;

    ItemTally(int producers, long itemsPerProducer) {
        this.producers = producers;
        this.itemsPerProducer = itemsPerProducer;
        this.seen = new long[producers][words(itemsPerProducer)];
        this.duplicates = new long[producers];
        this.taken = new long[producers];
    }

    /** Longs in one producer's bitmap. */
    static int words(long itemsPerProducer) {
        return Math.toIntExact((itemsPerProducer + 63) / 64);
    }

    /** Bytes of one producer's bitmap. */
    static long bitmapLength(long itemsPerProducer) {
        return 8L * words(itemsPerProducer);
    }

    Verdict record(RingSlots.Item item) {
        if (!item.intact() || item.producer < 1 || item.producer > producers || item.seq < 1 || item.seq > itemsPerProducer) {
            return Verdict.CORRUPTED;
        }
        int p = item.producer - 1;
        long index = item.seq - 1;
        int word = (int) (index >>> 6);
        long bit = 1L << index;
        if ((seen[p][word] & bit) != 0) {
            duplicates[p]++;
            return Verdict.DUPLICATE;
        }
        seen[p][word] |= bit;
        taken[p]++;
        return Verdict.FIRST_TIME;
    }

    /** Items taken for the first time from producer p (1-based). */
    long taken(int producer) {
        return taken[producer - 1];
    }

    /**
     * Sets this consumer's bits in the shared bitmaps and adds its duplicates there; returns the
     * duplicates found only now (items another consumer had taken too).
     */
    long mergeInto(SharedMemory data, long bitmapsOffset, long duplicatesOffset, long duplicatesStride) {
        long found = 0;
        long bitmapLength = bitmapLength(itemsPerProducer);
        for (int p = 0; p < producers; p++) {
            long overlap = 0;
            for (int w = 0; w < seen[p].length; w++) {
                long bits = seen[p][w];
                if (bits != 0) {
                    overlap += orInto(data, bitmapsOffset + p * bitmapLength + 8L * w, bits);
                }
            }
            found += overlap;
            data.getAndAddLong(duplicatesOffset + p * duplicatesStride, duplicates[p] + overlap);
        }
        return found;
    }

    /** Atomically ORs bits into the shared word; returns how many of them were already set. */
    private static int orInto(SharedMemory data, long offset, long bits) {
        while (true) {
            long old = data.getLongVolatile(offset);
            if (data.compareAndSetLong(offset, old, old | bits)) {
                return Long.bitCount(old & bits);
            }
        }
    }

    /** Items of producer p (0-based) marked consumed in the shared bitmap. */
    static long consumed(SharedMemory data, long bitmapOffset, long itemsPerProducer) {
        long count = 0;
        for (int w = 0; w < words(itemsPerProducer); w++) {
            count += Long.bitCount(data.getLong(bitmapOffset + 8L * w));
        }
        return count;
    }
}
