package health.ordo.application.service.connector;

import health.ordo.application.port.in.intake.IntakeDocumentsUseCase;
import health.ordo.application.port.out.connector.ConnectorRegistryPort.Connector;
import health.ordo.application.port.out.connector.ConnectorStatePort;
import health.ordo.domain.intake.IntakeDocument;
import health.ordo.domain.workitem.Actor;
import health.ordo.spi.DocumentFeed;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Delivers a connector's documents (a scan folder's files) to document intake in the connector's tenant, as channel
 * {@code connector:<name>}: each is stored, read, classified and turned into work or review exactly like an upload. A new
 * document counts as created, the same content again as a duplicate, one intake refuses as rejected (the feed keeps it aside
 * with the reason).
 */
final class ConnectorDocuments {

    private final Supplier<IntakeDocumentsUseCase> intakes;

    /** @param intakes the intake use case, looked up when first needed (intake itself needs what connectors need) */
    ConnectorDocuments(Supplier<IntakeDocumentsUseCase> intakes) {
        this.intakes = intakes;
    }

    ConnectorStatePort.Progress deliver(Connector connector, DocumentFeed feed) {
        IntakeDocumentsUseCase intake = intakes == null ? null : intakes.get();
        if (intake == null) {
            throw new IllegalStateException("connector " + connector.name() + " delivers documents, and this deployment runs no document intake");
        }
        String channel = "connector:" + connector.name();
        Actor actor = new Actor(channel, true);
        AtomicInteger duplicates = new AtomicInteger();
        DocumentFeed.Delivery delivery = feed.deliver((fileName, bytes) -> {
            IntakeDocumentsUseCase.Submitted submitted = intake.submit(connector.tenant(), bytes, fileName, channel, actor);
            if (submitted.duplicate()) {
                duplicates.incrementAndGet();
            }
            IntakeDocument d = submitted.document();
            return new DocumentFeed.Receipt(d.id().toString(), submitted.duplicate(), d.status().name(), outcome(d));
        });
        int fresh = delivery.taken() - duplicates.get();
        return new ConnectorStatePort.Progress(fresh, 0, 0, duplicates.get(), delivery.refused());
    }

    private static String outcome(IntakeDocument d) {
        StringBuilder line = new StringBuilder();
        if (d.classification() != null) {
            line.append(d.classification().type().name()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", d.classification().confidence()));
        }
        if (d.workItem() != null) {
            line.append(line.isEmpty() ? "" : ", ").append("work item ").append(d.workItem().value());
        }
        if (d.reviewItem() != null) {
            line.append(line.isEmpty() ? "" : ", ").append("review item ").append(d.reviewItem().value());
        }
        if (d.failure() != null) {
            line.append(line.isEmpty() ? "" : ", ").append("failed: ").append(d.failure());
        }
        return line.toString();
    }
}
