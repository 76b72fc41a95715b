package org.complaints.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap the JVM really used, read at every garbage collection: the sum of the pools' peaks overstates it (the
 * young pools peak just before a collection empties them, the old pool later), so it could even exceed the cap.
 * Before a collection the heap holds live objects and garbage (the most it ever held); after one, the live set.
 */
final class HeapWatch {

    private static final AtomicLong MOST_USED = new AtomicLong();
    private static final AtomicLong LARGEST_LIVE = new AtomicLong();
    private static final AtomicLong COLLECTIONS = new AtomicLong();
    // milliseconds the collections took, as the collector reports them; for G1's young and mixed collections the
    // application's threads stand still that long (its concurrent cycle reports separately and pauses little)
    private static final AtomicLong PAUSED_MILLIS = new AtomicLong();
    private static final AtomicLong PAUSES = new AtomicLong();
    private static final AtomicLong LONGEST_MILLIS = new AtomicLong();

    private HeapWatch() {}

    static void start() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    return;
                                }
                                var collection = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                var info = collection.getGcInfo();
                                COLLECTIONS.incrementAndGet();
                                // G1 names its concurrent work "G1 Concurrent GC" (JDK 20+): the threads keep running
                                // meanwhile
                                if (!collection.getGcName().contains("Concurrent")) {
                                    PAUSES.incrementAndGet();
                                    PAUSED_MILLIS.addAndGet(info.getDuration());
                                    LONGEST_MILLIS.accumulateAndGet(info.getDuration(), Math::max);
                                }
                                MOST_USED.accumulateAndGet(heapOnly(info.getMemoryUsageBeforeGc()), Math::max);
                                LARGEST_LIVE.accumulateAndGet(heapOnly(info.getMemoryUsageAfterGc()), Math::max);
                            },
                            null,
                            null);
        }
    }

    /** The heap used at the fullest moment seen (just before a collection), in MB. */
    static long mostUsedMegabytes() {
        return MOST_USED.get() / (1024 * 1024);
    }

    /** The largest heap left after a collection (what the run really needed to keep), in MB. */
    static long largestLiveMegabytes() {
        return LARGEST_LIVE.get() / (1024 * 1024);
    }

    static long collections() {
        return COLLECTIONS.get();
    }

    /** The collections' pauses so far; {@link Pauses#since} gives those of a scenario from this reading on. */
    static Pauses pauses() {
        return new Pauses(PAUSES.get(), PAUSED_MILLIS.get(), LONGEST_MILLIS.getAndSet(0));
    }

    /**
     * Collections that stopped the application's threads, in all and the longest. Taking a reading starts a new
     * longest, so a scenario's longest pause is the one read at its end.
     */
    record Pauses(long count, long millis, long longestMillis) {

        /** The pauses from this reading to now. */
        String since() {
            Pauses now = pauses();
            return String.format(
                    "%d collection pauses, %d ms in all, the longest %d ms",
                    now.count - count, now.millis - millis, now.longestMillis);
        }
    }

    // the notification lists every pool the collector touched; metaspace and code cache are not heap
    private static long heapOnly(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pools.get(pool.getName());
            if (usage != null && pool.getType() == MemoryType.HEAP) {
                used += usage.getUsed();
            }
        }
        return used;
    }
}
