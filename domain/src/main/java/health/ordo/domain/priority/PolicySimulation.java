package health.ordo.domain.priority;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What would change if a draft policy replaced the active one, computed on a backlog without changing it: rank
 * changes, Kendall's tau between the two orders, items entering and leaving the top N, money at stake in the top N,
 * and how many items due within a few business days fall outside the top N.
 */
public final class PolicySimulation {

    /** One backlog item as both policies see it. */
    public record Row(String id, String title, BigDecimal amount, double deadlineBusinessDays, double activeScore,
                      double draftScore) {
    }

    /** An item entering or leaving the top N, with its rank before and after (1-based). */
    public record Move(String id, String title, int rankBefore, int rankAfter, double scoreBefore, double scoreAfter) {
    }

    /** The simulation's findings. */
    public record Report(int items, int rankChanges, double kendallTau, int topN, List<Move> entering, List<Move> leaving,
                         BigDecimal moneyInTopNBefore, BigDecimal moneyInTopNAfter, double deadlineWithinBusinessDays,
                         int urgentOutsideTopNBefore, int urgentOutsideTopNAfter) {
    }

    private PolicySimulation() {
    }

    /**
     * @param topN             size of the "top" the report looks at
     * @param urgentWithinDays items whose deadline lies within this many business days count as urgent
     */
    public static Report run(List<Row> rows, int topN, double urgentWithinDays) {
        Objects.requireNonNull(rows, "rows");
        int n = rows.size();
        int[] before = ranks(rows, true);
        int[] after = ranks(rows, false);
        int changes = 0;
        for (int i = 0; i < n; i++) {
            if (before[i] != after[i]) {
                changes++;
            }
        }
        double tau = KendallTau.tauB(rows.stream().mapToDouble(Row::activeScore).toArray(),
                rows.stream().mapToDouble(Row::draftScore).toArray());
        List<Move> entering = new ArrayList<>();
        List<Move> leaving = new ArrayList<>();
        BigDecimal moneyBefore = BigDecimal.ZERO;
        BigDecimal moneyAfter = BigDecimal.ZERO;
        int urgentBefore = 0;
        int urgentAfter = 0;
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            boolean topBefore = before[i] <= topN;
            boolean topAfter = after[i] <= topN;
            Move move = new Move(row.id(), row.title(), before[i], after[i], row.activeScore(), row.draftScore());
            if (topAfter && !topBefore) {
                entering.add(move);
            } else if (topBefore && !topAfter) {
                leaving.add(move);
            }
            BigDecimal amount = row.amount() == null ? BigDecimal.ZERO : row.amount();
            moneyBefore = topBefore ? moneyBefore.add(amount) : moneyBefore;
            moneyAfter = topAfter ? moneyAfter.add(amount) : moneyAfter;
            boolean urgent = !Double.isNaN(row.deadlineBusinessDays()) && row.deadlineBusinessDays() <= urgentWithinDays;
            urgentBefore += urgent && !topBefore ? 1 : 0;
            urgentAfter += urgent && !topAfter ? 1 : 0;
        }
        entering.sort(Comparator.comparingInt(Move::rankAfter));
        leaving.sort(Comparator.comparingInt(Move::rankBefore));
        return new Report(n, changes, tau, topN, entering, leaving, moneyBefore, moneyAfter, urgentWithinDays,
                urgentBefore, urgentAfter);
    }

    /** 1-based ranks by score desc, then deadline asc (none last), then id: the backlog order. */
    private static int[] ranks(List<Row> rows, boolean active) {
        Integer[] order = new Integer[rows.size()];
        Arrays.setAll(order, i -> i);
        Comparator<Integer> byScore = Comparator.comparingDouble(i -> -(active ? rows.get(i).activeScore() : rows.get(i).draftScore()));
        Arrays.sort(order, byScore
                .thenComparingDouble(i -> Double.isNaN(rows.get(i).deadlineBusinessDays()) ? Double.MAX_VALUE
                        : rows.get(i).deadlineBusinessDays())
                .thenComparing(i -> rows.get(i).id()));
        int[] ranks = new int[rows.size()];
        for (int position = 0; position < order.length; position++) {
            ranks[order[position]] = position + 1;
        }
        return ranks;
    }
}
