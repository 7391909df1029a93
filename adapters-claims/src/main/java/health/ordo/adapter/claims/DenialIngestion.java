package health.ordo.adapter.claims;

import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.domain.workitem.WorkItemContent;
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
     * @param documents the interchanges or resources the findings came from
     * @param reversalNote what the cancelled item's history says about the reversal
     */
    public IngestReport ingest(TenantId tenant, int documents, List<ClaimFinding> findings, List<String> defects,
                               String reversalNote, Actor actor) {
        List<IngestReport.ClaimResult> results = new ArrayList<>();
        List<String> warnings = new ArrayList<>(defects);
        List<WorkItemContent> denials = new ArrayList<>();
        List<String> denialRefs = new ArrayList<>();
        int reversals = 0;
        for (ClaimFinding finding : findings) {
            switch (finding.kind()) {
                case DENIAL -> {
                    denials.add(finding.content());
                    denialRefs.add(finding.claimRef());
                }
                case REVERSAL -> {
                    WorkItem original = query.bySource(tenant, finding.original()).orElse(null);
                    if (original != null && !original.status().isTerminal()) {
                        changeStatus.apply(tenant, original.id(), LifecycleAction.CANCEL,
                                reversalNote, actor);
                        reversals++;
                        results.add(new IngestReport.ClaimResult(finding.claimRef(), "reversal-applied", original.id().toString(), null));
                    } else {
                        results.add(new IngestReport.ClaimResult(finding.claimRef(), "reversal-ignored", null,
                                original == null ? "no item for the reversed claim" : "the item is already closed"));
                    }
                }
                case ROUTINE -> results.add(new IngestReport.ClaimResult(finding.claimRef(), "routine", null, finding.reason()));
                case REJECTED -> results.add(new IngestReport.ClaimResult(finding.claimRef(), "rejected", null, finding.reason()));
            }
        }
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (int from = 0; from < denials.size(); from += IngestWorkItemUseCase.MAX_BATCH) {
            outcomes.addAll(ingest.ingestBatch(tenant, denials.subList(from, Math.min(denials.size(), from + IngestWorkItemUseCase.MAX_BATCH)), actor));
        }
        int created = 0;
        int duplicates = 0;
        int conflicts = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            IngestOutcome outcome = outcomes.get(i);
            String ref = denialRefs.get(i);
            if (outcome instanceof IngestOutcome.Created c) {
                created++;
                results.add(new IngestReport.ClaimResult(ref, "created", c.item().id().toString(), null));
            } else if (outcome instanceof IngestOutcome.Duplicate d) {
                duplicates++;
                results.add(new IngestReport.ClaimResult(ref, "duplicate", d.item().id().toString(), null));
            } else if (outcome instanceof IngestOutcome.Conflict c) {
                conflicts++;
                results.add(new IngestReport.ClaimResult(ref, "conflict", c.existing().id().toString(),
                        "an item for this claim exists with different content"));
            } else if (outcome instanceof IngestOutcome.Rejected r) {
                results.add(new IngestReport.ClaimResult(ref, "rejected", null, r.field() + ": " + r.reason()));
            }
        }
        long rejected = results.stream().filter(r -> r.outcome().equals("rejected")).count();
        long routine = results.stream().filter(r -> r.outcome().equals("routine")).count();
        return new IngestReport(documents, findings.size(), created, duplicates, conflicts, reversals,
                (int) routine, (int) rejected, results, warnings);
    }
}
