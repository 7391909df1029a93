package health.ordo.adapter.persistence.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes a data directory safe to start on after the previous owner died (kill -9, power loss).
 * <p>
 * The owning JVM holds a file lock ({@code epg-lock}) while it runs; the operating system drops the lock
 * when that JVM dies, but the postgres server it started keeps running and keeps {@code postmaster.pid}.
 * So: if the lock is still held, a live Ordo owns the directory and we refuse to touch it. Otherwise a
 * postgres still running on this directory is an orphan: it gets a fast shutdown (SIGINT, which rolls back
 * open transactions and checkpoints), then SIGKILL if it does not exit. A pid file whose process is gone,
 * or belongs to something that is not postgres, is removed. Committed data is never at risk: PostgreSQL's
 * WAL recovery runs at the next start.
 */
final class StalePostmasterGuard {

    private static final Logger LOG = LoggerFactory.getLogger(StalePostmasterGuard.class);
    static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private StalePostmasterGuard() {
    }

    /** @throws IllegalStateException when another live process owns the directory */
    static void makeSafeToStart(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        requireNoLiveOwner(dataDir.resolve(ZONKY_LOCK_FILE));
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(StalePostmasterGuard::isPostgres);
        if (postmaster.isPresent()) {
            stop(postmaster.get());
        }
        if (Files.deleteIfExists(pidFile)) {
            LOG.warn("Removed stale postmaster.pid in {}", dataDir);
        }
    }

    private static void requireNoLiveOwner(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("The embedded PostgreSQL data directory " + lockFile.getParent()
                        + " is in use by another running Ordo; stop it or configure another ordo.embedded-postgres.data-dir");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("The embedded PostgreSQL data directory " + lockFile.getParent()
                    + " is already in use by this JVM", e);
        }
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres") || command.contains("/postgres"))
                .orElse(true); // command unknown (other user): assume it is, the lock check said nobody owns it
    }

    private static void stop(ProcessHandle postmaster) {
        LOG.warn("Found an orphaned embedded PostgreSQL (pid {}) left by a previous run; shutting it down", postmaster.pid());
        signal(postmaster, "INT");
        if (!awaitExit(postmaster, FAST_SHUTDOWN_WAIT)) {
            LOG.warn("PostgreSQL pid {} ignored the fast shutdown; killing it", postmaster.pid());
            postmaster.destroyForcibly();
            awaitExit(postmaster, Duration.ofSeconds(10));
        }
        // Backends of a killed postmaster exit on their own once they notice; wait for them to let go.
        postmaster.descendants().forEach(child -> awaitExit(child, Duration.ofSeconds(10)));
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
