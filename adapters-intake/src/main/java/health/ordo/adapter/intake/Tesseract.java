package health.ordo.adapter.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Optical character recognition with the {@code tesseract} command (Debian package {@code tesseract-ocr}) when the node
 * has it; without it, images and scans without a text layer have no text and go to a person.
 */
final class Tesseract {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final String command;
    private final boolean available;

    Tesseract(String command) {
        this.command = command;
        this.available = probe(command);
    }

    boolean available() {
        return available;
    }

    /** The text of an image file (PNG, TIFF with one or more pages, JPEG); empty when OCR is unavailable. */
    Optional<String> read(Path image) {
        if (!available) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(List.of(command, image.toString(), "stdout")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("OCR took longer than " + TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("OCR failed with exit code " + process.exitValue());
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("OCR could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("OCR interrupted", e);
        }
    }

    /** The text of image bytes, through a temporary file that is always deleted. */
    Optional<String> read(byte[] image, String suffix) {
        if (!available) {
            return Optional.empty();
        }
        Path file = null;
        try {
            file = Files.createTempFile("ordo-ocr-", suffix);
            Files.write(file, image);
            return read(file);
        } catch (IOException e) {
            throw new IllegalStateException("OCR could not write its input: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed by the system's temp cleaning
                }
            }
        }
    }

    private static boolean probe(String command) {
        try {
            Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
