package health.ordo.application.port.out.workitem;

import health.ordo.domain.workitem.WorkItem;

/** Stores work items with the history entries their changes produced. */
public interface SaveWorkItemPort {

    /**
     * Inserts a new item unless the tenant already has one from the same source record.
     *
     * @return true when inserted; false when the source record was already there (nothing written)
     */
    boolean insertIfSourceAbsent(WorkItem item, WorkItem.Changes changes);

    /**
     * {@link #insertIfSourceAbsent} for a batch of new items (their sources distinct) with their changes: the rows in
     * multi-row statements (a few hundred rows each), then the history of those inserted likewise.
     *
     * @return per item, in order: true when inserted; false when its source record was already there
     */
    boolean[] insertAllIfSourceAbsent(java.util.List<WorkItem> items, java.util.List<WorkItem.Changes> changes);

    /**
     * Writes the item's new state, guarded by the version it was loaded with.
     *
     * @throws ConcurrentUpdateException when someone else changed it since
     */
    void update(WorkItem item, WorkItem.Changes changes);

    /** Writes the item's source content (after {@link WorkItem#refreshFromSource}); call before {@link #update}. */
    void updateContent(WorkItem item);
}
