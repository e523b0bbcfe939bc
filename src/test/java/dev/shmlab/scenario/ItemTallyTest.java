package dev.shmlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.shm.SharedMemory;
import java.lang.foreign.Arena;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounded buffer's exactly-once bookkeeping finds what went wrong, not only what went right. */
class ItemTallyTest {
    private static final long ITEMS = 100;
    private static final long DUPLICATES_OFFSET = 0;
    private static final long BITMAPS_OFFSET = 64;

    private final Arena arena = Arena.ofConfined();
    private final SharedMemory shared = SharedMemory.of(arena.allocate(BITMAPS_OFFSET + 2 * ItemTally.bitmapLength(ITEMS), 8));

    @AfterEach
    void free() {
        arena.close();
    }

    private static RingSlots.Item item(int producer, long seq) {
        RingSlots.Item item = new RingSlots.Item();
        item.producer = producer;
        item.seq = seq;
        item.sentNanos = 42;
        item.checksum = RingSlots.checksum(seq, producer, 42);
        return item;
    }

    @Test
    void anItemTwoConsumersBothTookIsADuplicateAtTheMerge() {
        ItemTally first = new ItemTally(2, ITEMS);
        ItemTally second = new ItemTally(2, ITEMS);
        assertThat(first.record(item(1, 7))).isEqualTo(ItemTally.Verdict.FIRST_TIME);
        assertThat(second.record(item(1, 7))).isEqualTo(ItemTally.Verdict.FIRST_TIME);
        assertThat(first.mergeInto(shared, BITMAPS_OFFSET, DUPLICATES_OFFSET, 8)).isZero();
        assertThat(second.mergeInto(shared, BITMAPS_OFFSET, DUPLICATES_OFFSET, 8)).isEqualTo(1);
        assertThat(shared.getLong(DUPLICATES_OFFSET)).isEqualTo(1);
        assertThat(ItemTally.consumed(shared, BITMAPS_OFFSET, ITEMS)).isEqualTo(1);
    }

    @Test
    void anItemOneConsumerTookTwiceIsADuplicateAtOnce() {
        ItemTally tally = new ItemTally(2, ITEMS);
        tally.record(item(2, 100));
        assertThat(tally.record(item(2, 100))).isEqualTo(ItemTally.Verdict.DUPLICATE);
        tally.mergeInto(shared, BITMAPS_OFFSET, DUPLICATES_OFFSET, 8);
        assertThat(shared.getLong(DUPLICATES_OFFSET + 8)).isEqualTo(1);
    }

    @Test
    void itemsNobodyTookAreMissingFromTheSharedBitmap() {
        ItemTally tally = new ItemTally(2, ITEMS);
        for (long seq = 1; seq <= ITEMS; seq++) {
            if (seq != 64) {
                tally.record(item(2, seq));
            }
        }
        tally.mergeInto(shared, BITMAPS_OFFSET, DUPLICATES_OFFSET, 8);
        assertThat(ItemTally.consumed(shared, BITMAPS_OFFSET + ItemTally.bitmapLength(ITEMS), ITEMS)).isEqualTo(ITEMS - 1);
    }

    @Test
    void anItemWhoseChecksumDoesNotMatchIsCorruptedAndNotCounted() {
        ItemTally tally = new ItemTally(2, ITEMS);
        RingSlots.Item torn = item(1, 5);
        torn.seq = 6;
        assertThat(tally.record(torn)).isEqualTo(ItemTally.Verdict.CORRUPTED);
        assertThat(tally.taken(1)).isZero();
    }
}
