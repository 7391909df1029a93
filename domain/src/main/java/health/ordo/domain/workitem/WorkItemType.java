package health.ordo.domain.workitem;

/** The kinds of back-office work Ordo knows, each with the queue it lands in when nothing routes it elsewhere. */
public enum WorkItemType {
    CLAIM_DENIAL("denials"),
    UNDERPAYMENT("underpayments"),
    PRIOR_AUTHORIZATION("prior-auth"),
    INVOICE_HOLD("ap-exceptions"),
    PAYMENT_BLOCK("ap-exceptions"),
    PAYMENT_EXCEPTION("payroll-exceptions"),
    SUPPLIER_ONBOARDING("supplier-onboarding"),
    EMPLOYEE_ONBOARDING("hr-onboarding"),
    CREDENTIAL_EXPIRY("hr-credentialing"),
    /** A payer's or auditor's request for medical records or additional documentation, read from a document. */
    RECORDS_REQUEST("records-requests"),
    /** A patient referred by another provider, read from a document. */
    REFERRAL("referrals"),
    /** A document Ordo could not classify or read with enough confidence: a person confirms or corrects it. */
    DOCUMENT_REVIEW("document-review"),
    /** Raised by Ordo's own watch: an unusual day of arrivals, SLA attainment, aging or integration failures. */
    OPERATIONS_ALERT("operations-alerts");

    private final String defaultQueue;

    WorkItemType(String defaultQueue) {
        this.defaultQueue = defaultQueue;
    }

    /** Queue used when the item names none; routing rules (a later issue) will override this. */
    public String defaultQueue() {
        return defaultQueue;
    }

    /** Whether the queue is some type's default queue: such a queue holds work even before anyone configures it. */
    public static boolean isDefaultQueue(String queue) {
        for (WorkItemType type : values()) {
            if (type.defaultQueue.equals(queue)) {
                return true;
            }
        }
        return false;
    }
}
