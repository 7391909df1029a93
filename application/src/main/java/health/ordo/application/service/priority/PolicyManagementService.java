package health.ordo.application.service.priority;

import health.ordo.application.port.in.priority.GetJobQuery;
import health.ordo.application.port.in.priority.JobStatus;
import health.ordo.application.port.in.priority.ManagePriorityPoliciesUseCase;
import health.ordo.application.port.in.priority.PolicyNotFoundException;
import health.ordo.application.port.out.priority.JobPort;
import health.ordo.application.port.out.priority.PriorityPolicyPort;
import health.ordo.application.port.out.priority.RescoringPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.approval.ApprovalGate;
import health.ordo.application.service.scoring.PriorityScoringService;
import health.ordo.domain.approval.ApprovalKind;
import health.ordo.domain.priority.PolicyDefinition;
import health.ordo.domain.priority.PolicyStatus;
import health.ordo.domain.priority.PriorityPolicy;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItemType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Drafts and activates policy versions; activation hands the re-scoring of the backlog to a background job. */
public final class PolicyManagementService implements ManagePriorityPoliciesUseCase, GetJobQuery {

    private final PriorityPolicyPort policies;
    private final RescoringPort rescoring;
    private final JobPort jobs;
    private final TransactionPort transactions;
    private final PriorityScoringService scoring;
    private final Clock clock;
    private final ApprovalGate gate;

    public PolicyManagementService(PriorityPolicyPort policies, RescoringPort rescoring, JobPort jobs,
                                   TransactionPort transactions, PriorityScoringService scoring, Clock clock) {
        this(policies, rescoring, jobs, transactions, scoring, clock, null);
    }

    /** @param gate maker-checker for policy activation; null where it does not apply */
    public PolicyManagementService(PriorityPolicyPort policies, RescoringPort rescoring, JobPort jobs,
                                   TransactionPort transactions, PriorityScoringService scoring, Clock clock, ApprovalGate gate) {
        this.gate = gate;
        this.policies = policies;
        this.rescoring = rescoring;
        this.jobs = jobs;
        this.transactions = transactions;
        this.scoring = scoring;
        this.clock = clock;
    }

    @Override
    public List<PriorityPolicy> list(TenantId tenant) {
        List<PriorityPolicy> all = new java.util.ArrayList<>(transactions.readOnly(tenant, () -> policies.loadAll(tenant)));
        all.add(0, builtin(tenant, all));
        return all;
    }

    /**
     * Ordo's built-in policy as the tenant sees it (read-only, id {@value PriorityPolicy#BUILTIN_ID}, version 0): ACTIVE while
     * no general policy of the tenant's is active, RETIRED once one is.
     */
    private static PriorityPolicy builtin(TenantId tenant, List<PriorityPolicy> stored) {
        PriorityPolicy builtin = PriorityPolicy.builtin(tenant);
        boolean superseded = stored.stream().anyMatch(p -> p.appliesTo() == null && p.status() == health.ordo.domain.priority.PolicyStatus.ACTIVE);
        return superseded ? builtin.retired() : builtin;
    }

    @Override
    public Optional<PriorityPolicy> get(TenantId tenant, String policyId, int version) {
        if (PriorityPolicy.BUILTIN_ID.equals(policyId) && version == 0) {
            List<PriorityPolicy> stored = transactions.readOnly(tenant, () -> policies.loadAll(tenant));
            return Optional.of(builtin(tenant, stored));
        }
        return transactions.readOnly(tenant, () -> policies.load(tenant, policyId, version));
    }

    @Override
    public PriorityPolicy draft(TenantId tenant, String policyId, WorkItemType appliesTo, String description,
                                PolicyDefinition definition, Actor actor) {
        InvalidValueException.require(!PriorityPolicy.BUILTIN_ID.equals(policyId), "policyId",
                "'builtin' is Ordo's own policy; choose another id");
        Objects.requireNonNull(definition, "definition");
        return transactions.inTransaction(tenant, () -> {
            int latest = policies.latestVersion(tenant, policyId);
            if (latest > 0) {
                PriorityPolicy previous = policies.load(tenant, policyId, latest).orElseThrow();
                InvalidValueException.require(previous.appliesTo() == appliesTo, "appliesTo",
                        "policy " + policyId + " applies to " + (previous.appliesTo() == null ? "all types" : previous.appliesTo())
                                + "; a new version cannot change that");
            }
            PriorityPolicy draft = new PriorityPolicy(policyId, tenant, appliesTo, latest + 1, PolicyStatus.DRAFT,
                    description, definition, clock.instant(), actor.name(), null);
            policies.insert(draft);
            return draft;
        });
    }

    @Override
    public JobStatus activate(TenantId tenant, String policyId, int version, Actor actor) {
        if (gate != null && gate.settings(tenant).requires(ApprovalKind.PRIORITY_POLICY_ACTIVATION)) {
            PriorityPolicy policy = transactions.readOnly(tenant, () -> policies.load(tenant, policyId, version))
                    .orElseThrow(() -> new PolicyNotFoundException(policyId, version));
            throw gate.hold(tenant, ApprovalKind.PRIORITY_POLICY_ACTIVATION, "priority policy " + policyId + " v" + version,
                    "activate priority policy " + policyId + " v" + version + (policy.description() == null ? "" : ": " + policy.description())
                            + " (re-scores every open item)",
                    Map.of("policyId", policyId, "version", Integer.toString(version)), actor.name());
        }
        return activateApproved(tenant, policyId, version, actor);
    }

    /** Activates without asking: the approved request's action, or a tenant without maker-checker for policies. */
    public JobStatus activateApproved(TenantId tenant, String policyId, int version, Actor actor) {
        JobStatus job = transactions.inTransaction(tenant, () -> {
            PriorityPolicy policy = policies.load(tenant, policyId, version)
                    .orElseThrow(() -> new PolicyNotFoundException(policyId, version));
            Instant now = clock.instant();
            if (policy.status() != PolicyStatus.ACTIVE) {
                policies.activate(tenant, policyId, version, now);
            }
            long total = rescoring.countScoredBefore(tenant, now);
            return jobs.createRescoreJob(tenant, "activate " + policyId + " v" + version + " by " + actor.name(), now, total, now);
        });
        scoring.invalidate(tenant);
        return job;
    }

    @Override
    public Optional<JobStatus> job(TenantId tenant, UUID id) {
        return transactions.readOnly(tenant, () -> jobs.load(tenant, id));
    }
}
