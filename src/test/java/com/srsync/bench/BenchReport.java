package com.srsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Collects the benchmarks' tables: each section is printed when measured and kept as
 * target/bench/section-NN.md; target/bench/results.md is rebuilt from all sections with the machine
 * they were measured on.
 */
public final class BenchReport {
    private static final Path DIR = Path.of("target", "bench");

    private BenchReport() {}

    /** Writes one section (a markdown heading, a table and notes) and rebuilds results.md. */
    public static synchronized void section(int order, String markdown) {
        System.out.println("\n" + markdown);
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve("section-%02d.md".formatted(order)), markdown + "\n");
            List<String> parts = new ArrayList<>();
            parts.add("# shotgrid-resilio-sync benchmarks\n\n" + machine() + "\n");
            try (Stream<Path> files = Files.list(DIR)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("section-")).sorted().toList()) {
                    parts.add(Files.readString(f));
                }
            }
            Files.writeString(DIR.resolve("results.md"), String.join("\n", parts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) return Double.NaN;
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public static String ms(double value) {
        return value >= 100 ? "%.0f".formatted(value) : value >= 10 ? "%.1f".formatted(value) : "%.2f".formatted(value);
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return "Measured on %s: %d cores (%s), %d GiB memory, Java %s, %s.".formatted(
                java.time.LocalDate.now(), Runtime.getRuntime().availableProcessors(), cpu, memory >> 30,
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    public static String row(Object... cells) {
        return "| " + String.join(" | ", Arrays.stream(cells).map(String::valueOf).toList()) + " |";
    }
}
