package health.ordo.spi;

import java.util.List;

/**
 * One batch from a source.
 *
 * @param commands   records that are (still) work, new or changed
 * @param closures   records the source resolved on its own since the cursor
 * @param rejections records that could not be mapped, with the reason
 * @param next       where the next pull starts; after the last record of this batch (good, closed or rejected)
 * @param hasMore    whether the source holds more records after {@code next} right now
 */
public record PullResult(List<WorkItemCommand> commands, List<SourceClosure> closures, List<Rejection> rejections, Cursor next,
                         boolean hasMore) {

    public PullResult {
        commands = List.copyOf(commands);
        closures = List.copyOf(closures);
        rejections = List.copyOf(rejections);
    }

    /** A batch without closures (sources that only ever report open work). */
    public PullResult(List<WorkItemCommand> commands, List<Rejection> rejections, Cursor next, boolean hasMore) {
        this(commands, List.of(), rejections, next, hasMore);
    }
}
