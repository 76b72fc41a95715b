package org.complaints.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecretBytesTest {

    @Test
    void givesTheLengthAskedForFromAThreadsOwnDrbg() {
        assertThat(SecretBytes.next(16)).hasSize(16);
        assertThat(SecretBytes.next(32)).hasSize(32);
        assertThat(SecretBytes.algorithm()).isEqualTo("DRBG");
    }

    @Test
    void neverRepeatsAValueAcrossThreadsWorkingAtOnce() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = IntStream.range(0, 8)
                    .<Future<?>>mapToObj(t -> pool.submit(() -> {
                        for (int i = 0; i < 2_000; i++) {
                            seen.add(HexFormat.of().formatHex(SecretBytes.next(16)));
                        }
                    }))
                    .toList();
            for (Future<?> done : work) {
                done.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // a generator shared wrongly, or seeded alike per thread, would repeat values
        assertThat(seen).hasSize(16_000);
    }
}
