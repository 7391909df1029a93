package health.ordo.domain.priority;

import java.util.Arrays;
import java.util.Comparator;

/** Kendall's tau-b rank correlation in O(n log n) (Knight's algorithm), ties handled. */
public final class KendallTau {

    private KendallTau() {
    }

    /** tau-b of two equally long score arrays; 1 when both order the items alike, -1 when reversed. */
    public static double tauB(double[] x, double[] y) {
        int n = x.length;
        if (n != y.length) {
            throw new IllegalArgumentException("arrays differ in length");
        }
        if (n < 2) {
            return 1;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]));
        long pairs = (long) n * (n - 1) / 2;
        long tiedX = 0;
        long tiedXY = 0;
        long runX = 1;
        long runXY = 1;
        for (int k = 1; k < n; k++) {
            boolean sameX = x[order[k]] == x[order[k - 1]];
            boolean sameXY = sameX && y[order[k]] == y[order[k - 1]];
            if (sameX) {
                runX++;
            } else {
                tiedX += runX * (runX - 1) / 2;
                runX = 1;
            }
            if (sameXY) {
                runXY++;
            } else {
                tiedXY += runXY * (runXY - 1) / 2;
                runXY = 1;
            }
        }
        tiedX += runX * (runX - 1) / 2;
        tiedXY += runXY * (runXY - 1) / 2;

        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            ys[k] = y[order[k]];
        }
        long swaps = mergeSortCountingSwaps(ys, new double[n], 0, n);
        long tiedY = 0;
        long runY = 1;
        for (int k = 1; k < n; k++) {
            if (ys[k] == ys[k - 1]) {
                runY++;
            } else {
                tiedY += runY * (runY - 1) / 2;
                runY = 1;
            }
        }
        tiedY += runY * (runY - 1) / 2;
        double numerator = pairs - tiedX - tiedY + tiedXY - 2.0 * swaps;
        double denominator = Math.sqrt((double) (pairs - tiedX) * (pairs - tiedY));
        return denominator == 0 ? 1 : numerator / denominator;
    }

    private static long mergeSortCountingSwaps(double[] values, double[] buffer, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int middle = (from + to) >>> 1;
        long swaps = mergeSortCountingSwaps(values, buffer, from, middle) + mergeSortCountingSwaps(values, buffer, middle, to);
        int left = from;
        int right = middle;
        int out = from;
        while (left < middle && right < to) {
            if (values[right] < values[left]) {
                swaps += middle - left;
                buffer[out++] = values[right++];
            } else {
                buffer[out++] = values[left++];
            }
        }
        while (left < middle) {
            buffer[out++] = values[left++];
        }
        while (right < to) {
            buffer[out++] = values[right++];
        }
        System.arraycopy(buffer, from, values, from, to - from);
        return swaps;
    }
}
