package health.ordo.bootstrap.config;

import health.ordo.application.port.in.intake.IntakeModelsUseCase;
import health.ordo.application.port.out.audit.AuditLogPort;
import health.ordo.application.port.out.audit.ChangeTrailPort;
import health.ordo.application.port.out.intake.DocumentModelPort;
import health.ordo.application.port.out.intake.DocumentTextPort;
import health.ordo.application.port.out.intake.IntakeDocumentPort;
import health.ordo.application.port.out.intake.IntakeModelPort;
import health.ordo.application.port.out.intake.LanguageModelPort;
import health.ordo.application.port.out.intake.TrainingCorpusPort;
import health.ordo.application.port.out.tenant.TenantDirectoryPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.service.approval.ApprovalGate;
import health.ordo.application.service.intake.DocumentClassifier;
import health.ordo.application.service.intake.DocumentIntakeService;
import health.ordo.application.service.intake.IntakeModelService;
import health.ordo.application.service.intake.IntakeMonitoringRound;
import health.ordo.application.service.workitem.WorkItemIngestionService;
import health.ordo.application.service.workitem.WorkItemLifecycleService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/** Document intake's use cases: classification, the intake path, model governance and its rounds. */
@Factory
class IntakeFactory {

    @Singleton
    DocumentClassifier documentClassifier(DocumentModelPort models, IntakeModelPort registry, TrainingCorpusPort corpus,
                                          TransactionPort transactions) {
        return new DocumentClassifier(models, registry, corpus, transactions);
    }

    @Singleton
    DocumentIntakeService documentIntakeService(IntakeDocumentPort documents, DocumentTextPort reader, DocumentClassifier classifier,
                                                IntakeModelPort registry, WorkItemIngestionService ingest, WorkItemLifecycleService lifecycle,
                                                TransactionPort transactions, ChangeTrailPort trail, AuditLogPort auditLog, Clock clock,
                                                @Value("${ordo.intake.max-bytes:26214400}") long maxBytes,
                                                Optional<LanguageModelPort> languageModel) {
        return new DocumentIntakeService(documents, reader, classifier, registry, ingest, lifecycle, transactions, trail, auditLog, clock, maxBytes,
                languageModel.orElse(null));
    }

    @Singleton
    IntakeModelService intakeModelService(IntakeModelPort registry, DocumentModelPort models, TrainingCorpusPort corpus,
                                          DocumentClassifier classifier, IntakeDocumentPort documents, DocumentIntakeService intake,
                                          ApprovalGate gate, WorkItemIngestionService ingest, TransactionPort transactions,
                                          ChangeTrailPort trail, AuditLogPort auditLog, Clock clock) {
        return new IntakeModelService(registry, models, corpus, classifier, documents, intake, gate, ingest, transactions, trail, auditLog,
                clock);
    }

    @Singleton
    IntakeMonitoringRound intakeMonitoringRound(IntakeModelsUseCase models, TenantDirectoryPort tenants, TransactionPort transactions,
            IntakeModelPort registry, Clock clock, @Value("${ordo.intake.retrain-after-labels:25}") int retrainAfterLabels) {
        return new IntakeMonitoringRound(models, tenants, transactions, registry, clock, retrainAfterLabels);
    }
}
