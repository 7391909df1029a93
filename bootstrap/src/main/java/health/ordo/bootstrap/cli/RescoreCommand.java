package health.ordo.bootstrap.cli;

import health.ordo.application.port.in.priority.MaintainScoresUseCase;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Scores every open item again under its tenant's active policies, in batches, printing progress: each item scored
 * before the command started is taken once (a rescored item's score is newer than the start, so it is not taken again).
 */
@Prototype
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = "Score every open item of every tenant again under the active priority policies.")
final class RescoreCommand implements Callable<Integer> {

    @Option(names = "--batch", defaultValue = "1000", description = "items per transaction (default: ${DEFAULT-VALUE})")
    int batch;

    @Inject
    MaintainScoresUseCase scores;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (batch < 1 || batch > 10_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--batch must be between 1 and 10000");
        }
        PrintWriter out = spec.commandLine().getOut();
        Instant started = Instant.now();
        long total = 0;
        int done;
        do {
            // items scored before the start: the cut-off stays at the start however long the run takes
            done = scores.rescoreStale(Duration.between(started, Instant.now()), batch);
            total += done;
            if (done > 0) {
                out.printf("re-scored %d items%n", total);
                out.flush();
            }
        } while (done == batch);
        out.printf("done: %d open items re-scored in %d s%n", total, Duration.between(started, Instant.now()).toSeconds());
        return OrdoCli.OK;
    }
}
