package health.ordo.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (server and load clients) and by the embedded PostgreSQL (postmaster, its live processes,
 * and the backends that already ended, through the postmaster's children counters), read from {@code /proc} on Linux.
 * Differences between two readings, divided by the claims made, say what one claimed item costs each side — on a shared
 * machine more telling than throughput alone. Where {@code /proc} or the postmaster is not readable the PostgreSQL side
 * reads as zero.
 */
final class CpuMeter {

    /** One reading: nanoseconds of CPU of the JVM and of PostgreSQL. */
    record Reading(long jvmNanos, long postgresNanos) {

        String perClaim(Reading later, long claims) {
            if (claims == 0) {
                return "no claims";
            }
            return String.format(Locale.ROOT, "CPU per claimed item: JVM %.2f ms, PostgreSQL %.2f ms",
                    (later.jvmNanos - jvmNanos) / 1e6 / claims, (later.postgresNanos - postgresNanos) / 1e6 / claims);
        }
    }

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    private final Path postmasterPidFile;

    /** @param postgresDataDir the embedded server's data directory (its {@code postmaster.pid}); null for an external one */
    CpuMeter(Path postgresDataDir) {
        this.postmasterPidFile = postgresDataDir == null ? null : postgresDataDir.resolve("postmaster.pid");
    }

    Reading read() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Reading(jvm, postgresNanos());
    }

    private long postgresNanos() {
        if (postmasterPidFile == null || !Files.isReadable(postmasterPidFile)) {
            return 0;
        }
        try {
            long postmaster = Long.parseLong(Files.readAllLines(postmasterPidFile).get(0).trim());
            long[] own = stat(postmaster);
            if (own == null) {
                return 0;
            }
            // utime + stime + cutime + cstime of the postmaster (ended backends are its reaped children)
            long ticks = own[1] + own[2] + own[3] + own[4];
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String name = process.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    long[] child = stat(Long.parseLong(name));
                    if (child != null && child[0] == postmaster) {
                        ticks += child[1] + child[2];
                    }
                }
            }
            return ticks * TICK_NANOS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Parent pid, utime, stime, cutime, cstime of a process; null when it is gone. */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
            return new long[]{Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]), Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
