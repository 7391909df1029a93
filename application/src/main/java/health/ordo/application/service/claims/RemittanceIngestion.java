package health.ordo.application.service.claims;

import health.ordo.application.port.in.claims.IngestRemittanceUseCase;
import health.ordo.application.port.in.claims.IngestReport;
import health.ordo.application.port.in.workitem.ChangeWorkItemStatusUseCase;
import health.ordo.domain.claims.AppealDeadlineRule;
import health.ordo.application.port.in.workitem.GetWorkItemQuery;
import health.ordo.application.port.in.workitem.IngestOutcome;
import health.ordo.application.port.in.workitem.IngestWorkItemUseCase;
import health.ordo.application.port.in.workitem.UnreadableDocumentException;
import health.ordo.application.port.out.claims.CodeSetPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.claims.BuiltInCodeSet;
import health.ordo.domain.claims.CodeSet;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.Provenance;
import health.ordo.domain.workitem.LifecycleAction;
import health.ordo.domain.workitem.WorkItem;
import health.ordo.spi.MalformedDocumentException;
import health.ordo.spi.claims.ClaimPayment;
import health.ordo.spi.claims.RemittanceAdvice;
import health.ordo.spi.claims.RemittanceReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ingestion of payer remittances for every format and path: the readers turn documents into the neutral payment
 * model, the claims rules ({@link RemittanceClassifier}) judge each claim with the tenant's code set in force, and what
 * they find goes through the work item use cases: denials become work items (idempotent on payer and payer claim key,
 * so the same file, trace or resource twice creates nothing), reversals cancel the item they reverse.
 */
public final class RemittanceIngestion implements IngestRemittanceUseCase {

    private final Map<String, RemittanceReader> readers = new LinkedHashMap<>();
    private final RemittanceClassifier classifier;
    private final CodeSetPort codeSets;
    private final IngestWorkItemUseCase ingest;
    private final GetWorkItemQuery query;
    private final ChangeWorkItemStatusUseCase changeStatus;
    private final TransactionPort transactions;

    public RemittanceIngestion(List<RemittanceReader> readers, AppealDeadlineRule appealRule, CodeSetPort codeSets,
                               IngestWorkItemUseCase ingest, GetWorkItemQuery query, ChangeWorkItemStatusUseCase changeStatus,
                               TransactionPort transactions) {
        this.transactions = transactions;
        readers.forEach(reader -> this.readers.put(reader.format(), reader));
        this.classifier = new RemittanceClassifier(appealRule);
        this.codeSets = codeSets;
        this.ingest = ingest;
        this.query = query;
        this.changeStatus = changeStatus;
    }

    @Override
    public Set<String> formats() {
        return Set.copyOf(readers.keySet());
    }

    @Override
    public IngestReport ingest(TenantId tenant, String format, byte[] document, Actor actor) {
        RemittanceReader reader = readers.get(format);
        if (reader == null) {
            throw new UnreadableDocumentException("format", "no reader for remittances in format '" + format + "'; known: " + readers.keySet());
        }
        RemittanceAdvice advice;
        try {
            advice = reader.read(document);
        } catch (MalformedDocumentException e) {
            throw new UnreadableDocumentException(e.getMessage(),
                    e.issues().stream().map(i -> new UnreadableDocumentException.Issue(i.location(), i.message())).toList());
        }
        return ingest(tenant, advice, actor, Provenance.inbound(actor.name()));
    }

    @Override
    public IngestReport ingest(TenantId tenant, RemittanceAdvice advice, Actor actor, Provenance provenance) {
        CodeSet codes = transactions.readOnly(tenant, () -> codeSets.inForce(tenant)).orElseGet(BuiltInCodeSet::get);
        List<ClaimFinding> findings = new ArrayList<>(advice.claims().size());
        for (ClaimPayment claim : advice.claims()) {
            findings.add(classifier.classify(claim, codes));
        }
        return ingest(tenant, advice.documents(), findings, advice.warnings(), advice.reversalNote(), actor, provenance);
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
    private IngestReport ingest(TenantId tenant, int documents, List<ClaimFinding> findings, List<String> defects,
                                String reversalNote, Actor actor, Provenance provenance) {
        Tally tally = new Tally(findings.size());
        List<Integer> denials = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            ClaimFinding finding = findings.get(i);
            switch (finding.kind()) {
                case DENIAL -> {
                    denials.add(i);
                    if (denials.size() == IngestWorkItemUseCase.MAX_BATCH) {
                        ingestDenials(tenant, findings, denials, actor, provenance, tally);
                    }
                }
                case REVERSAL -> {
                    ingestDenials(tenant, findings, denials, actor, provenance, tally);
                    reverse(tenant, i, finding, reversalNote, actor, tally);
                }
                case ROUTINE -> tally.results[i] = new IngestReport.ClaimResult(finding.claimRef(), "routine", null, finding.reason());
                case REJECTED -> tally.results[i] = new IngestReport.ClaimResult(finding.claimRef(), "rejected", null, finding.reason());
            }
        }
        ingestDenials(tenant, findings, denials, actor, provenance, tally);
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
            changeStatus.apply(tenant, original.id(), LifecycleAction.CANCEL,
                    finding.reason() == null ? reversalNote : reversalNote + " (" + finding.reason() + ")", actor);
            tally.reversals++;
            tally.results[index] = new IngestReport.ClaimResult(finding.claimRef(), "reversal-applied", original.id().toString(), null);
        } else {
            tally.results[index] = new IngestReport.ClaimResult(finding.claimRef(), "reversal-ignored", null,
                    original == null ? "no item for the reversed claim" : "the item is already closed");
        }
    }

    /** Ingests the pending denials (places in {@code findings}) as one batch and empties the list. */
    private void ingestDenials(TenantId tenant, List<ClaimFinding> findings, List<Integer> denials, Actor actor, Provenance provenance,
                               Tally tally) {
        if (denials.isEmpty()) {
            return;
        }
        List<IngestOutcome> outcomes = ingest.ingestBatch(tenant, denials.stream().map(i -> findings.get(i).content()).toList(), actor,
                provenance);
        for (int i = 0; i < outcomes.size(); i++) {
            IngestOutcome outcome = outcomes.get(i);
            ClaimFinding finding = findings.get(denials.get(i));
            if (outcome instanceof IngestOutcome.Conflict conflict && conflict.existing().status().isTerminal()) {
                outcome = ingest.ingestBatch(tenant, List.of(finding.content().reissued()), actor, provenance).get(0);
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
