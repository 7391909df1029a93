package health.ordo.spi;

import java.util.List;

/**
 * One batch from a source.
 *
 * @param next    where the next pull starts; after the last record of this batch (good or rejected)
 * @param hasMore whether the source holds more records after {@code next} right now
 */
public record PullResult(List<WorkItemCommand> commands, List<Rejection> rejections, Cursor next, boolean hasMore) {

    public PullResult {
        commands = List.copyOf(commands);
        rejections = List.copyOf(rejections);
    }
}
