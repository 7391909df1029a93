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
        Run run = new Run(tenant, actor, Provenance.inbound(actor.name()));
        RemittanceAdvice advice;
        try {
            advice = reader.stream(document, run::accept);
        } catch (MalformedDocumentException e) {
            throw new UnreadableDocumentException(e.getMessage(),
                    e.issues().stream().map(i -> new UnreadableDocumentException.Issue(i.location(), i.message())).toList());
        }
        return run.report(advice);
    }

    @Override
    public IngestReport ingest(TenantId tenant, RemittanceAdvice advice, Actor actor, Provenance provenance) {
        Run run = new Run(tenant, actor, provenance);
        advice.claims().forEach(run::accept);
        return run.report(advice);
    }

    /**
     * One document's ingestion, fed claim by claim in document order: denials are ingested in batches, so only one batch
     * of findings is held at a time, and a reversal first flushes the denials before it, so it meets the denial a file
     * states before it. The report lists the claims in document order. A changed denial of a claim whose item is closed
     * (cancelled by a reversal, or completed — an appeal the payer denied again) is new work: it is stored under the
     * claim's key plus its content's fingerprint, so sending it again still creates nothing.
     */
    private final class Run {
        private final TenantId tenant;
        private final Actor actor;
        private final Provenance provenance;
        private final CodeSet codes;
        private final List<IngestReport.ClaimResult> results = new ArrayList<>();
        private final List<Integer> pending = new ArrayList<>();
        private final List<ClaimFinding> pendingFindings = new ArrayList<>();
        private int created;
        private int duplicates;
        private int conflicts;
        private int reversed;

        Run(TenantId tenant, Actor actor, Provenance provenance) {
            this.tenant = tenant;
            this.actor = actor;
            this.provenance = provenance;
            this.codes = transactions.readOnly(tenant, () -> codeSets.inForce(tenant)).orElseGet(BuiltInCodeSet::get);
        }

        void accept(ClaimPayment claim) {
            ClaimFinding finding = classifier.classify(claim, codes);
            int place = results.size();
            results.add(null);
            switch (finding.kind()) {
                case DENIAL -> {
                    pending.add(place);
                    pendingFindings.add(finding);
                    if (pending.size() == IngestWorkItemUseCase.MAX_BATCH) {
                        flush();
                    }
                }
                case REVERSAL -> {
                    flush();
                    reverse(place, finding);
                }
                case ROUTINE -> results.set(place, new IngestReport.ClaimResult(finding.claimRef(), "routine", null, finding.reason()));
                case REJECTED -> results.set(place, new IngestReport.ClaimResult(finding.claimRef(), "rejected", null, finding.reason()));
            }
        }

        IngestReport report(RemittanceAdvice advice) {
            flush();
            int rejected = (int) results.stream().filter(r -> r.outcome().equals("rejected")).count();
            int routine = (int) results.stream().filter(r -> r.outcome().equals("routine")).count();
            return new IngestReport(advice.documents(), results.size(), created, duplicates, conflicts, reversed, routine, rejected,
                    List.copyOf(results), new ArrayList<>(advice.warnings()));
        }

        /** Ingests the pending denials as one batch. */
        private void flush() {
            if (!pending.isEmpty()) {
                List<IngestOutcome> outcomes = ingest.ingestBatch(tenant, pendingFindings.stream().map(ClaimFinding::content).toList(), actor,
                        provenance);
                for (int i = 0; i < outcomes.size(); i++) {
                    IngestOutcome outcome = outcomes.get(i);
                    ClaimFinding finding = pendingFindings.get(i);
                    if (outcome instanceof IngestOutcome.Conflict conflict && conflict.existing().status().isTerminal()) {
                        outcome = ingest.ingestBatch(tenant, List.of(finding.content().reissued()), actor, provenance).get(0);
                    }
                    results.set(pending.get(i), result(finding.claimRef(), outcome));
                }
                pending.clear();
                pendingFindings.clear();
            }
        }

        private void reverse(int place, ClaimFinding finding) {
            WorkItem original = query.bySource(tenant, finding.original()).orElse(null);
            if (original != null && !original.status().isTerminal()) {
                changeStatus.apply(tenant, original.id(), LifecycleAction.CANCEL,
                        finding.reason() == null ? "reversed by the payer" : "reversed by the payer: " + finding.reason(), actor);
                reversed++;
                results.set(place, new IngestReport.ClaimResult(finding.claimRef(), "reversal-applied", original.id().toString(), null));
            } else {
                results.set(place, new IngestReport.ClaimResult(finding.claimRef(), "reversal-ignored", null,
                        original == null ? "no item for the reversed claim" : "the item is already closed"));
            }
        }

        private IngestReport.ClaimResult result(String ref, IngestOutcome outcome) {
            if (outcome instanceof IngestOutcome.Created c) {
                created++;
                return new IngestReport.ClaimResult(ref, "created", c.item().id().toString(), null);
            } else if (outcome instanceof IngestOutcome.Duplicate d) {
                duplicates++;
                return new IngestReport.ClaimResult(ref, "duplicate", d.item().id().toString(), null);
            } else if (outcome instanceof IngestOutcome.Conflict c) {
                conflicts++;
                return new IngestReport.ClaimResult(ref, "conflict", c.existing().id().toString(),
                        "an item for this claim exists with different content");
            }
            IngestOutcome.Rejected r = (IngestOutcome.Rejected) outcome;
            return new IngestReport.ClaimResult(ref, "rejected", null, r.field() + ": " + r.reason());
        }
    }
}
