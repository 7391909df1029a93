package health.ordo.benchmarks;

import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.priority.ScoringInput;
import health.ordo.domain.score.ScoreExplanation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * In-process scoring throughput of a realistic policy (7 factors, 10 rules) over 1,000,000 varied items, on one
 * thread: {@code scoreAll} is the bulk path (score only), {@code explainAll} builds every full explanation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ScoringBenchmark {

    static final int ITEMS = 1_000_000;

    private ScoringInput[] inputs;
    private PriorityPolicy policy;

    @Setup
    public void setUp() {
        inputs = BenchmarkBacklog.inputs(ITEMS, 42);
        policy = BenchmarkBacklog.realisticPolicy();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public double scoreAll() {
        double sum = 0;
        for (ScoringInput input : inputs) {
            sum += policy.scoreValue(input);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long explainAll() {
        long rules = 0;
        for (ScoringInput input : inputs) {
            ScoreExplanation explanation = policy.explain(input);
            rules += explanation.rules().size();
        }
        return rules;
    }
}
