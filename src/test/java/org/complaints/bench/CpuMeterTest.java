package org.complaints.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void groupsThreadsByWhatTheirTruncatedNamesStartWith() {
        assertThat(CpuMeter.kind("GC Thread#1")).isEqualTo("collector and safepoints");
        assertThat(CpuMeter.kind("G1 Conc#0")).isEqualTo("collector and safepoints");
        assertThat(CpuMeter.kind("VM Thread")).isEqualTo("collector and safepoints");
        assertThat(CpuMeter.kind("C2 CompilerThre")).isEqualTo("compiler");
        assertThat(CpuMeter.kind("C1 CompilerThre")).isEqualTo("compiler");
        assertThat(CpuMeter.kind("http-nio-41235-")).isEqualTo("web");
        assertThat(CpuMeter.kind("camundaTaskExec")).isEqualTo("job executor");
        assertThat(CpuMeter.kind("JobExecutor[org")).isEqualTo("job acquisition");
    }

    @Test
    void poolThreadsDifferingOnlyByTheirNumberAreOneKind() {
        assertThat(CpuMeter.kind("scheduling-1")).isEqualTo("scheduling");
        assertThat(CpuMeter.kind("scheduling-12")).isEqualTo("scheduling");
        assertThat(CpuMeter.kind("HttpClient-1-Se")).isEqualTo("HttpClient-1-Se");
        assertThat(CpuMeter.kind("main")).isEqualTo("main");
    }

    @Test
    void readsThisJvmAndItsThreadsFromProc() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        CpuMeter.Reading before = CpuMeter.read();
        double[] sink = {0};
        Thread spinner = new Thread(
                () -> {
                    long until = System.nanoTime() + 300_000_000L;
                    while (System.nanoTime() < until) {
                        sink[0] += Math.sqrt(sink[0] + 1);
                    }
                },
                "spinner-1");
        spinner.start();
        // read while the thread lives: a thread that has ended is no longer in /proc
        Thread.sleep(250);
        String since = before.since();
        spinner.join();
        assertThat(sink[0]).isPositive();
        assertThat(since)
                .matches("machine \\d+% busy over \\d+ cores \\(this JVM \\d+%: .*spinner \\d+%.*; "
                        + "PostgreSQL \\d+% of the machine\\)");
    }
}
