package health.ordo.adapter.claims;

import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemStatus;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Ingests what a payer document says through the use cases: denials become work items (idempotent on payer and payer
 * claim key, so the same file, trace or resource twice creates nothing), reversals cancel the item they reverse.
 */
@Singleton
public class DenialIngestion {

    private final IngestWorkItemUseCase ingest;
    private final GetWorkItemQuery query;
    private final ChangeWorkItemStatusUseCase changeStatus;

    DenialIngestion(IngestWorkItemUseCase ingest, GetWorkItemQuery query, ChangeWorkItemStatusUseCase changeStatus) {
        this.ingest = ingest;
        this.query = query;
        this.changeStatus = changeStatus;
    }

    /**
     * Findings are applied in document order (consecutive denials in batches), so a reversal meets the denial a file
     * states before it. A denial of a claim whose item was cancelled (reversed by the payer, or closed by a person) is
     * new work: it is stored under the claim's key plus its content's fingerprint, so sending it again still creates
     * nothing.
     *
     * @param documents the interchanges or resources the findings came from
     * @param reversalNote what the cancelled item's history says about the reversal
     */
    public IngestReport ingest(TenantId tenant, int documents, List<ClaimFinding> findings, List<String> defects,
                               String reversalNote, Actor actor) {
        Tally tally = new Tally();
        List<ClaimFinding> denials = new ArrayList<>();
        for (ClaimFinding finding : findings) {
            switch (finding.kind()) {
                case DENIAL -> {
                    denials.add(finding);
                    if (denials.size() == IngestWorkItemUseCase.MAX_BATCH) {
                        ingestDenials(tenant, denials, actor, tally);
                    }
                }
                case REVERSAL -> {
                    ingestDenials(tenant, denials, actor, tally);
                    reverse(tenant, finding, reversalNote, actor, tally);
                }
                case ROUTINE -> tally.results.add(new IngestReport.ClaimResult(finding.claimRef(), "routine", null, finding.reason()));
                case REJECTED -> tally.results.add(new IngestReport.ClaimResult(finding.claimRef(), "rejected", null, finding.reason()));
            }
        }
        ingestDenials(tenant, denials, actor, tally);
        long rejected = tally.results.stream().filter(r -> r.outcome().equals("rejected")).count();
        long routine = tally.results.stream().filter(r -> r.outcome().equals("routine")).count();
        return new IngestReport(documents, findings.size(), tally.created, tally.duplicates, tally.conflicts, tally.reversals,
                (int) routine, (int) rejected, tally.results, new ArrayList<>(defects));
    }

    /** What the report counts so far. */
    private static final class Tally {
        final List<IngestReport.ClaimResult> results = new ArrayList<>();
        int created;
        int duplicates;
        int conflicts;
        int reversals;
    }

    private void reverse(TenantId tenant, ClaimFinding finding, String reversalNote, Actor actor, Tally tally) {
        WorkItem original = query.bySource(tenant, finding.original()).orElse(null);
        if (original != null && !original.status().isTerminal()) {
            changeStatus.apply(tenant, original.id(), LifecycleAction.CANCEL, reversalNote, actor);
            tally.reversals++;
            tally.results.add(new IngestReport.ClaimResult(finding.claimRef(), "reversal-applied", original.id().toString(), null));
        } else {
            tally.results.add(new IngestReport.ClaimResult(finding.claimRef(), "reversal-ignored", null,
                    original == null ? "no item for the reversed claim" : "the item is already closed"));
        }
    }

    /** Ingests the pending denials as one batch and empties the list. */
    private void ingestDenials(TenantId tenant, List<ClaimFinding> denials, Actor actor, Tally tally) {
        if (denials.isEmpty()) {
            return;
        }
        List<IngestOutcome> outcomes = ingest.ingestBatch(tenant, denials.stream().map(ClaimFinding::content).toList(), actor);
        for (int i = 0; i < outcomes.size(); i++) {
            IngestOutcome outcome = outcomes.get(i);
            WorkItemContent content = denials.get(i).content();
            if (outcome instanceof IngestOutcome.Conflict conflict && conflict.existing().status() == WorkItemStatus.CANCELLED) {
                outcome = ingest.ingestBatch(tenant, List.of(reissued(content)), actor).get(0);
            }
            record(denials.get(i).claimRef(), outcome, tally);
        }
        denials.clear();
    }

    /** The same content under the claim's key plus a digest of the content: a new item, stable across re-deliveries. */
    static WorkItemContent reissued(WorkItemContent content) {
        SourceReference source = new SourceReference(content.source().system(),
                content.source().externalId() + ":reissued:" + content.fingerprint().substring(0, 12));
        return new WorkItemContent(content.type(), source, content.title(), content.moneyAtStake(), content.dueAt(),
                content.hardDeadlineAt(), content.attributes(), content.queue());
    }

    private static void record(String ref, IngestOutcome outcome, Tally tally) {
        if (outcome instanceof IngestOutcome.Created c) {
            tally.created++;
            tally.results.add(new IngestReport.ClaimResult(ref, "created", c.item().id().toString(), null));
        } else if (outcome instanceof IngestOutcome.Duplicate d) {
            tally.duplicates++;
            tally.results.add(new IngestReport.ClaimResult(ref, "duplicate", d.item().id().toString(), null));
        } else if (outcome instanceof IngestOutcome.Conflict c) {
            tally.conflicts++;
            tally.results.add(new IngestReport.ClaimResult(ref, "conflict", c.existing().id().toString(),
                    "an item for this claim exists with different content"));
        } else if (outcome instanceof IngestOutcome.Rejected r) {
            tally.results.add(new IngestReport.ClaimResult(ref, "rejected", null, r.field() + ": " + r.reason()));
        }
    }
}
