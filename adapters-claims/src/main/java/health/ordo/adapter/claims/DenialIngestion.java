package health.ordo.adapter.claims;

import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.WorkItem;
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
     * states before it, and the report lists them in that order. A changed denial of a claim whose item is closed
     * (cancelled by a reversal, or completed — an appeal the payer denied again) is new work: it is stored under the
     * claim's key plus its content's fingerprint, so sending it again still creates nothing.
     *
     * @param documents the interchanges or resources the findings came from
     * @param reversalNote what the cancelled item's history says about the reversal
     */
    public IngestReport ingest(TenantId tenant, int documents, List<ClaimFinding> findings, List<String> defects,
                               String reversalNote, Actor actor) {
        Tally tally = new Tally(findings.size());
        List<Integer> denials = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            ClaimFinding finding = findings.get(i);
            switch (finding.kind()) {
                case DENIAL -> {
                    denials.add(i);
                    if (denials.size() == IngestWorkItemUseCase.MAX_BATCH) {
                        ingestDenials(tenant, findings, denials, actor, tally);
                    }
                }
                case REVERSAL -> {
                    ingestDenials(tenant, findings, denials, actor, tally);
                    reverse(tenant, i, finding, reversalNote, actor, tally);
                }
                case ROUTINE -> tally.results[i] = new IngestReport.ClaimResult(finding.claimRef(), "routine", null, finding.reason());
                case REJECTED -> tally.results[i] = new IngestReport.ClaimResult(finding.claimRef(), "rejected", null, finding.reason());
            }
        }
        ingestDenials(tenant, findings, denials, actor, tally);
        List<IngestReport.ClaimResult> results = List.of(tally.results);
        long rejected = results.stream().filter(r -> r.outcome().equals("rejected")).count();
        long routine = results.stream().filter(r -> r.outcome().equals("routine")).count();
        return new IngestReport(documents, findings.size(), tally.created, tally.duplicates, tally.conflicts, tally.reversals,
                (int) routine, (int) rejected, results, new ArrayList<>(defects));
    }

    /** What the report counts so far; results by the finding's place in the document. */
    private static final class Tally {
        final IngestReport.ClaimResult[] results;
        int created;
        int duplicates;
        int conflicts;
        int reversals;

        Tally(int findings) {
            results = new IngestReport.ClaimResult[findings];
        }
    }

    private void reverse(TenantId tenant, int index, ClaimFinding finding, String reversalNote, Actor actor, Tally tally) {
        WorkItem original = query.bySource(tenant, finding.original()).orElse(null);
        if (original != null && !original.status().isTerminal()) {
            changeStatus.apply(tenant, original.id(), LifecycleAction.CANCEL, reversalNote, actor);
            tally.reversals++;
            tally.results[index] = new IngestReport.ClaimResult(finding.claimRef(), "reversal-applied", original.id().toString(), null);
        } else {
            tally.results[index] = new IngestReport.ClaimResult(finding.claimRef(), "reversal-ignored", null,
                    original == null ? "no item for the reversed claim" : "the item is already closed");
        }
    }

    /** Ingests the pending denials (places in {@code findings}) as one batch and empties the list. */
    private void ingestDenials(TenantId tenant, List<ClaimFinding> findings, List<Integer> denials, Actor actor, Tally tally) {
        if (denials.isEmpty()) {
            return;
        }
        List<IngestOutcome> outcomes = ingest.ingestBatch(tenant, denials.stream().map(i -> findings.get(i).content()).toList(), actor,
                Provenance.inbound(actor.name()));
        for (int i = 0; i < outcomes.size(); i++) {
            IngestOutcome outcome = outcomes.get(i);
            ClaimFinding finding = findings.get(denials.get(i));
            if (outcome instanceof IngestOutcome.Conflict conflict && conflict.existing().status().isTerminal()) {
                outcome = ingest.ingestBatch(tenant, List.of(finding.content().reissued()), actor, Provenance.inbound(actor.name())).get(0);
            }
            tally.results[denials.get(i)] = result(finding.claimRef(), outcome, tally);
        }
        denials.clear();
    }

    private static IngestReport.ClaimResult result(String ref, IngestOutcome outcome, Tally tally) {
        if (outcome instanceof IngestOutcome.Created c) {
            tally.created++;
            return new IngestReport.ClaimResult(ref, "created", c.item().id().toString(), null);
        } else if (outcome instanceof IngestOutcome.Duplicate d) {
            tally.duplicates++;
            return new IngestReport.ClaimResult(ref, "duplicate", d.item().id().toString(), null);
        } else if (outcome instanceof IngestOutcome.Conflict c) {
            tally.conflicts++;
            return new IngestReport.ClaimResult(ref, "conflict", c.existing().id().toString(),
                    "an item for this claim exists with different content");
        }
        IngestOutcome.Rejected r = (IngestOutcome.Rejected) outcome;
        return new IngestReport.ClaimResult(ref, "rejected", null, r.field() + ": " + r.reason());
    }
}
