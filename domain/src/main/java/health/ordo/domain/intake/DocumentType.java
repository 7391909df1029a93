package health.ordo.domain.intake;

import health.ordo.domain.workitem.WorkItemType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of back-office correspondence Ordo classifies, each with the work it becomes and the fields read from it.
 * {@link #OTHER} is everything else: it is filed, not worked.
 */
public enum DocumentType {
    DENIAL_LETTER("Claim denial letter", WorkItemType.CLAIM_DENIAL,
            List.of(Field.PAYER, Field.MEMBER_ID, Field.PATIENT_ACCOUNT_NUMBER, Field.CLAIM_NUMBER, Field.NPI, Field.SERVICE_DATE_FROM,
                    Field.SERVICE_DATE_TO, Field.BILLED_AMOUNT, Field.PAID_AMOUNT, Field.CARC_CODES, Field.RARC_CODES,
                    Field.AUTHORIZATION_NUMBER, Field.APPEAL_DEADLINE)),
    EXPLANATION_OF_BENEFITS("Explanation of benefits / remittance advice", WorkItemType.CLAIM_DENIAL,
            List.of(Field.PAYER, Field.MEMBER_ID, Field.PATIENT_ACCOUNT_NUMBER, Field.CLAIM_NUMBER, Field.NPI, Field.SERVICE_DATE_FROM,
                    Field.SERVICE_DATE_TO, Field.BILLED_AMOUNT, Field.PAID_AMOUNT, Field.CARC_CODES, Field.RARC_CODES)),
    PRIOR_AUTH_DETERMINATION("Prior-authorization determination", WorkItemType.PRIOR_AUTHORIZATION,
            List.of(Field.PAYER, Field.MEMBER_ID, Field.NPI, Field.AUTHORIZATION_NUMBER, Field.SERVICE_DATE_FROM, Field.SERVICE_DATE_TO,
                    Field.APPEAL_DEADLINE)),
    MEDICAL_RECORDS_REQUEST("Medical-records request", WorkItemType.RECORDS_REQUEST,
            List.of(Field.PAYER, Field.MEMBER_ID, Field.PATIENT_ACCOUNT_NUMBER, Field.CLAIM_NUMBER, Field.NPI, Field.SERVICE_DATE_FROM,
                    Field.SERVICE_DATE_TO, Field.RESPONSE_DUE)),
    APPEAL_DECISION("Appeal decision", WorkItemType.CLAIM_DENIAL,
            List.of(Field.PAYER, Field.MEMBER_ID, Field.PATIENT_ACCOUNT_NUMBER, Field.CLAIM_NUMBER, Field.NPI, Field.SERVICE_DATE_FROM,
                    Field.SERVICE_DATE_TO, Field.BILLED_AMOUNT, Field.PAID_AMOUNT, Field.APPEAL_DEADLINE)),
    SUPPLIER_INVOICE("Supplier invoice", WorkItemType.INVOICE_HOLD,
            List.of(Field.SUPPLIER, Field.INVOICE_NUMBER, Field.PO_NUMBER, Field.TAX_ID, Field.BILLED_AMOUNT)),
    SUPPLIER_ONBOARDING("Supplier onboarding form (W-9, vendor set-up)", WorkItemType.SUPPLIER_ONBOARDING,
            List.of(Field.SUPPLIER, Field.TAX_ID)),
    CREDENTIAL_EXPIRY("Credential expiry notice", WorkItemType.CREDENTIAL_EXPIRY,
            List.of(Field.NPI, Field.EXPIRY_DATE)),
    REFERRAL("Referral", WorkItemType.REFERRAL,
            List.of(Field.PAYER, Field.MEMBER_ID, Field.NPI, Field.AUTHORIZATION_NUMBER)),
    OTHER("Other correspondence", null, List.of());

    private final String label;
    private final WorkItemType work;
    private final List<Field> fields;

    DocumentType(String label, WorkItemType work, List<Field> fields) {
        this.label = label;
        this.work = work;
        this.fields = fields;
    }

    public String label() {
        return label;
    }

    /** The work item type a document of this kind becomes, if any. */
    public Optional<WorkItemType> work() {
        return Optional.ofNullable(work);
    }

    /**
     * Whether documents of this kind are about a patient and so carry protected health information: all but supplier and
     * credential paperwork (and "other", which may be anything).
     */
    public boolean carriesPhi() {
        return this != SUPPLIER_INVOICE && this != SUPPLIER_ONBOARDING && this != CREDENTIAL_EXPIRY;
    }

    /** The fields read from a document of this kind, in the order they are shown. */
    public List<Field> fields() {
        return fields;
    }

    /** The type named by {@code value} (case-insensitive, dashes or spaces for underscores); empty when none. */
    public static Optional<DocumentType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (DocumentType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The fields Ordo reads from documents, with the names the API and the labelled corpus use. */
    public enum Field {
        PAYER("payer"), MEMBER_ID("memberId"), PATIENT_ACCOUNT_NUMBER("patientAccountNumber"), CLAIM_NUMBER("claimNumber"),
        NPI("npi"), SERVICE_DATE_FROM("serviceDateFrom"), SERVICE_DATE_TO("serviceDateTo"), BILLED_AMOUNT("billedAmount"),
        PAID_AMOUNT("paidAmount"), CARC_CODES("carcCodes"), RARC_CODES("rarcCodes"), AUTHORIZATION_NUMBER("authorizationNumber"),
        APPEAL_DEADLINE("appealDeadline"), RESPONSE_DUE("responseDue"), INVOICE_NUMBER("invoiceNumber"), PO_NUMBER("poNumber"),
        SUPPLIER("supplier"), TAX_ID("taxId"), EXPIRY_DATE("expiryDate");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<Field> byKey(String key) {
            for (Field field : values()) {
                if (field.key.equals(key)) {
                    return Optional.of(field);
                }
            }
            return Optional.empty();
        }
    }
}
