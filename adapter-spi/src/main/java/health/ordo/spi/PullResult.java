package health.ordo.spi;

import health.ordo.spi.claims.ClaimPayment;

import java.util.List;

/**
 * One batch from a source.
 *
 * @param commands   records that are (still) work, new or changed
 * @param closures   records the source resolved on its own since the cursor
 * @param rejections records that could not be mapped, with the reason
 * @param next       where the next pull starts; after the last record of this batch (good, closed or rejected)
 * @param hasMore    whether the source holds more records after {@code next} right now
 * @param payments   claim payments a payer reported (a claims source): Ordo's claims rules decide what each is
 *                   (a denial, an underpayment, a reversal, routine), as for a pushed document
 */
public record PullResult(List<WorkItemCommand> commands, List<SourceClosure> closures, List<Rejection> rejections, Cursor next,
                         boolean hasMore, List<ClaimPayment> payments) {

    public PullResult {
        commands = List.copyOf(commands);
        closures = List.copyOf(closures);
        rejections = List.copyOf(rejections);
        payments = payments == null ? List.of() : List.copyOf(payments);
    }

    /** A batch of records and closures, without claim payments. */
    public PullResult(List<WorkItemCommand> commands, List<SourceClosure> closures, List<Rejection> rejections, Cursor next,
                      boolean hasMore) {
        this(commands, closures, rejections, next, hasMore, List.of());
    }

    /** A batch without closures (sources that only ever report open work). */
    public PullResult(List<WorkItemCommand> commands, List<Rejection> rejections, Cursor next, boolean hasMore) {
        this(commands, List.of(), rejections, next, hasMore);
    }
}
