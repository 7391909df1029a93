package health.ordo.domain.workitem;

import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.Money;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a source says about a work item when it delivers it: everything but identity, lifecycle and score.
 * Its {@link #fingerprint()} tells a faithful re-delivery (same fingerprint) from a changed one.
 *
 * @param moneyAtStake   amount recoverable or blocked, or null for work without money (onboarding)
 * @param dueAt          when the work is due (internal target), or null
 * @param hardDeadlineAt the external deadline that cannot move (payer appeal limit, invoice due date), or null
 * @param queue          requested queue, or null for the type's default queue
 */
public record WorkItemContent(WorkItemType type, SourceReference source, String title, Money moneyAtStake,
                              Instant dueAt, Instant hardDeadlineAt, Attributes attributes, String queue) {

    public WorkItemContent {
        InvalidValueException.require(type != null, "type", "type is required");
        InvalidValueException.require(source != null, "source", "source is required");
        InvalidValueException.require(title != null && !title.isBlank(), "title", "title is required");
        InvalidValueException.require(title.length() <= 300, "title", "title is longer than 300 characters");
        InvalidValueException.require(queue == null || queue.matches("[a-z0-9][a-z0-9-]{0,62}"), "queue",
                "queue must be 1-63 lower-case letters, digits or dashes");
        title = title.strip();
        attributes = attributes == null ? Attributes.NONE : attributes;
        queue = queue == null ? type.defaultQueue() : queue;
    }

    /** SHA-256 over a canonical form of every field, hex-encoded. */
    public String fingerprint() {
        String canonical = String.join("\u001f", type.name(), source.system(), source.externalId(), title,
                moneyAtStake == null ? "" : moneyAtStake.value().stripTrailingZeros().toPlainString() + moneyAtStake.currency(),
                Objects.toString(dueAt, ""), Objects.toString(hardDeadlineAt, ""), attributes.canonicalForm(), queue);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    /**
     * This content as new work after its record's item was closed: a changed record of a closed item (a claim denied again
     * after an appeal or a reversal, a hold placed again on a released invoice) is new work, not a conflict with the
     * closed item. It is keyed under the record's key plus a digest of this content, so the same delivery again is still a
     * duplicate and creates nothing.
     */
    public WorkItemContent reissued() {
        SourceReference reissued = new SourceReference(source.system(), source.externalId() + ":reissued:" + fingerprint().substring(0, 12));
        return new WorkItemContent(type, reissued, title, moneyAtStake, dueAt, hardDeadlineAt, attributes, queue);
    }

    /** What a newer delivery of the record changed, as the item's history names it (empty when only the queue moved). */
    public List<String> changesTo(WorkItemContent delivered) {
        List<String> changed = new ArrayList<>();
        if (!delivered.title().equals(title)) {
            changed.add("title");
        }
        if (!Objects.equals(delivered.moneyAtStake(), moneyAtStake)) {
            changed.add("amount " + moneyAtStake + " → " + delivered.moneyAtStake());
        }
        if (!Objects.equals(delivered.dueAt(), dueAt)) {
            changed.add("dueAt → " + delivered.dueAt());
        }
        if (!Objects.equals(delivered.hardDeadlineAt(), hardDeadlineAt)) {
            changed.add("hardDeadlineAt → " + delivered.hardDeadlineAt());
        }
        if (!delivered.attributes().equals(attributes)) {
            changed.add("attributes");
        }
        return changed;
    }

    /** The earliest deadline that binds the work: the hard external one or the due date, whichever comes first. */
    public Instant bindingDeadline() {
        if (dueAt == null) {
            return hardDeadlineAt;
        }
        if (hardDeadlineAt == null) {
            return dueAt;
        }
        return dueAt.isBefore(hardDeadlineAt) ? dueAt : hardDeadlineAt;
    }
}
