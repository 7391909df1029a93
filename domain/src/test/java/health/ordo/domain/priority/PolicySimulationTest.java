package health.ordo.domain.priority;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PolicySimulationTest {

    private static double bruteForceTauB(double[] x, double[] y) {
        long concordant = 0;
        long discordant = 0;
        long tiesX = 0;
        long tiesY = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double dx = Math.signum(x[i] - x[j]);
                double dy = Math.signum(y[i] - y[j]);
                if (dx == 0 && dy == 0) {
                    continue;
                }
                if (dx == 0) {
                    tiesX++;
                } else if (dy == 0) {
                    tiesY++;
                } else if (dx == dy) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        return (concordant - discordant) / Math.sqrt((double) (concordant + discordant + tiesX) * (concordant + discordant + tiesY));
    }

    @Test
    void kendallTau_matchesTheBruteForceDefinitionWithTies() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            int n = 2 + random.nextInt(200);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(20);
                y[i] = random.nextBoolean() ? x[i] + random.nextInt(5) : random.nextInt(20);
            }
            assertThat(KendallTau.tauB(x, y)).isCloseTo(bruteForceTauB(x, y), within(1e-12));
        }
        assertThat(KendallTau.tauB(new double[]{1, 2, 3}, new double[]{3, 2, 1})).isEqualTo(-1.0);
    }

    @Test
    void simulation_reportsRankChangesTopNMovesMoneyAndUrgentItems() {
        List<PolicySimulation.Row> rows = List.of(
                new PolicySimulation.Row("a", "big, not urgent", new BigDecimal("50000"), 30, 90, 40),
                new PolicySimulation.Row("b", "urgent", new BigDecimal("100"), 1, 50, 95),
                new PolicySimulation.Row("c", "middle", new BigDecimal("900"), 10, 60, 60),
                new PolicySimulation.Row("d", "low", new BigDecimal("10"), Double.NaN, 10, 10));

        PolicySimulation.Report report = PolicySimulation.run(rows, 2, 2);

        assertThat(report.items()).isEqualTo(4);
        assertThat(report.rankChanges()).isEqualTo(2);
        assertThat(report.entering()).extracting(PolicySimulation.Move::id).containsExactly("b");
        assertThat(report.leaving()).extracting(PolicySimulation.Move::id).containsExactly("a");
        assertThat(report.moneyInTopNBefore()).isEqualByComparingTo("50900");
        assertThat(report.moneyInTopNAfter()).isEqualByComparingTo("1000");
        assertThat(report.urgentOutsideTopNBefore()).isEqualTo(1);
        assertThat(report.urgentOutsideTopNAfter()).isZero();
        assertThat(report.kendallTau()).isBetween(-1.0, 1.0);
    }
}
