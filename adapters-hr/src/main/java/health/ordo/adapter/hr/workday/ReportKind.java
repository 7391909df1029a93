package health.ordo.adapter.hr.workday;

import com.fasterxml.jackson.databind.JsonNode;
import health.ordo.spi.CanonicalEvent;
import health.ordo.spi.SourceClosure;
import health.ordo.spi.WorkItemCommand;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one kind of Workday report entry means for the back office. Field names are those of a report built for Ordo
 * (documented in docs/connectors.md); each can be renamed per connector with the option {@code field.<Name>}.
 */
enum ReportKind {

    /** New hires and job changes: one EMPLOYEE_ONBOARDING item per onboarding task, due relative to the start date. */
    ONBOARDING("Event_ID") {
        @Override
        void map(Entry e, Settings settings, List<WorkItemCommand> commands, List<SourceClosure> closures) {
            String worker = e.required("Worker_ID");
            String eventId = e.optional("Event_ID") == null ? worker + "@" + e.required("Effective_Date") : e.optional("Event_ID");
            LocalDate start = e.date("Effective_Date");
            String status = e.optional("Event_Status");
            boolean withdrawn = status != null && WITHDRAWN.contains(status.toLowerCase(Locale.ROOT));
            String eventType = e.optional("Event_Type") == null ? "Hire" : e.optional("Event_Type");
            boolean first = true;
            for (Map.Entry<String, Integer> task : settings.tasks().entrySet()) {
                String key = "onboarding:" + eventId + ":" + task.getKey();
                if (withdrawn) {
                    closures.add(new SourceClosure(key, "the " + eventType.toLowerCase(Locale.ROOT) + " was " + status.toLowerCase(Locale.ROOT) + " in Workday"));
                    continue;
                }
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("workerId", worker);
                attributes.put("eventId", eventId);
                attributes.put("eventType", eventType);
                attributes.put("startDate", start.toString());
                attributes.put("onboardingTask", task.getKey());
                e.copy(attributes, "position", "Position");
                e.copy(attributes, "location", "Location");
                e.copy(attributes, "supervisoryOrganization", "Supervisory_Organization");
                e.copy(attributes, "costCenter", "Cost_Center");
                String who = e.optional("Worker") == null ? worker : e.optional("Worker");
                List<CanonicalEvent> events = first
                        ? List.of(new CanonicalEvent("EmployeeOnboarded", start.atStartOfDay().toInstant(ZoneOffset.UTC),
                        Map.of("workerId", worker, "eventType", eventType, "startDate", start.toString())))
                        : List.of();
                first = false;
                commands.add(new WorkItemCommand("EMPLOYEE_ONBOARDING", settings.system(), key,
                        "Onboarding: " + task.getKey().toLowerCase(Locale.ROOT).replace('_', ' ') + " for " + who + " (" + eventType
                                + ", starts " + start + ")", null, null, endOfDay(start.plusDays(task.getValue())),
                        // a task due after the start (I-9 section 2 within 3 days) binds at its own due date, not before it
                        endOfDay(task.getValue() > 0 ? start.plusDays(task.getValue()) : start),
                        attributes, events));
            }
        }
    },

    /** Credentials and licences: a CREDENTIAL_EXPIRY item due {@code lead-days} before the expiry, which is the hard deadline. */
    CREDENTIALS("Credential_ID") {
        @Override
        void map(Entry e, Settings settings, List<WorkItemCommand> commands, List<SourceClosure> closures) {
            String key = "credential:" + e.required("Credential_ID");
            LocalDate expiry = e.date("Expiration_Date");
            String status = e.optional("Status");
            if (status != null && status.equalsIgnoreCase("Renewed")) {
                closures.add(new SourceClosure(key, "the credential was renewed in Workday"));
                return;
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("workerId", e.required("Worker_ID"));
            attributes.put("expirationDate", expiry.toString());
            e.copy(attributes, "credentialType", "Credential_Type");
            e.copy(attributes, "credentialName", "Credential_Name");
            e.copy(attributes, "issuer", "Issuer");
            e.copy(attributes, "location", "Location");
            String who = e.optional("Worker") == null ? e.required("Worker_ID") : e.optional("Worker");
            String what = e.optional("Credential_Name") == null ? "credential" : e.optional("Credential_Name");
            commands.add(new WorkItemCommand("CREDENTIAL_EXPIRY", settings.system(), key, what + " of " + who + " expires " + expiry,
                    null, null, endOfDay(expiry.minusDays(settings.leadDays())), endOfDay(expiry), attributes, List.of()));
        }
    },

    /** Payroll exceptions: a PAYMENT_EXCEPTION item whose hard deadline is the payment date; resolved ones close. */
    PAYROLL_EXCEPTIONS("Exception_ID") {
        @Override
        void map(Entry e, Settings settings, List<WorkItemCommand> commands, List<SourceClosure> closures) {
            String key = "payroll:" + e.required("Exception_ID");
            String status = e.optional("Status");
            if (status != null && status.equalsIgnoreCase("Resolved")) {
                closures.add(new SourceClosure(key, "the payroll exception was resolved in Workday"));
                return;
            }
            LocalDate payment = e.date("Payment_Date");
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("workerId", e.required("Worker_ID"));
            attributes.put("paymentDate", payment.toString());
            e.copy(attributes, "exceptionType", "Exception_Type");
            e.copy(attributes, "payGroup", "Pay_Group");
            e.copy(attributes, "periodEndDate", "Period_End_Date");
            BigDecimal amount = e.decimal("Amount");
            String type = e.optional("Exception_Type") == null ? "payroll exception" : e.optional("Exception_Type");
            commands.add(new WorkItemCommand("PAYMENT_EXCEPTION", settings.system(), key,
                    type + " for worker " + e.required("Worker_ID") + " (pay date " + payment + ")", amount,
                    amount == null ? null : e.currency(), endOfDay(payment.minusDays(1)), endOfDay(payment), attributes, List.of()));
        }
    },

    /**
     * Suppliers waiting for approval (Workday supplier requests): a SUPPLIER_ONBOARDING item due by the requested date; an
     * approved supplier closes it and publishes {@code SupplierApproved}; a rejected one closes it.
     */
    SUPPLIER_REQUESTS("Supplier_Request_ID") {
        @Override
        void map(Entry e, Settings settings, List<WorkItemCommand> commands, List<SourceClosure> closures) {
            String key = "supplier-request:" + e.required("Supplier_Request_ID");
            String supplier = e.required("Supplier");
            String status = e.optional("Status") == null ? "" : e.optional("Status");
            if (status.equalsIgnoreCase("Approved")) {
                closures.add(new SourceClosure(key, "the supplier was approved in Workday", List.of(new CanonicalEvent("SupplierApproved",
                        null, Map.of("supplier", supplier, "supplierRequest", e.required("Supplier_Request_ID"))))));
                return;
            }
            if (status.equalsIgnoreCase("Denied") || status.equalsIgnoreCase("Rejected") || status.equalsIgnoreCase("Canceled")) {
                closures.add(new SourceClosure(key, "the supplier request was " + status.toLowerCase(Locale.ROOT) + " in Workday"));
                return;
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("supplier", supplier);
            e.copy(attributes, "supplierCategory", "Supplier_Category");
            if (e.optional("Supplier_Category") != null) {
                attributes.put("category", e.optional("Supplier_Category"));
            }
            e.copy(attributes, "requestedBy", "Requested_By");
            e.copy(attributes, "missingDocuments", "Missing_Documents");
            if (e.optional("Missing_Documents") != null) {
                attributes.put("missingInformation", true);
            }
            LocalDate needed = e.optional("Needed_By") == null ? null : e.date("Needed_By");
            commands.add(new WorkItemCommand("SUPPLIER_ONBOARDING", settings.system(), key, "Approve supplier " + supplier
                    + (needed == null ? "" : " (needed by " + needed + ")"), null, null, needed == null ? null : endOfDay(needed.minusDays(2)),
                    needed == null ? null : endOfDay(needed), attributes, List.of()));
        }
    },

    /** Workday Financials supplier invoices on hold: an INVOICE_HOLD item; invoices no longer on hold close theirs. */
    SUPPLIER_INVOICE_HOLDS("Supplier_Invoice_ID") {
        @Override
        void map(Entry e, Settings settings, List<WorkItemCommand> commands, List<SourceClosure> closures) {
            String key = "supplier-invoice:" + e.required("Supplier_Invoice_ID");
            String onHold = e.optional("On_Hold");
            if (onHold != null && (onHold.equals("0") || onHold.equalsIgnoreCase("false"))) {
                closures.add(new SourceClosure(key, "the supplier invoice is no longer on hold in Workday"));
                return;
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            String supplier = e.required("Supplier");
            attributes.put("supplier", supplier);
            e.copy(attributes, "invoiceNumber", "Invoice_Number");
            e.copy(attributes, "holdReason", "Hold_Reason");
            e.copy(attributes, "company", "Company");
            e.copy(attributes, "supplierCategory", "Supplier_Category");
            if (e.optional("Supplier_Category") != null) {
                attributes.put("category", e.optional("Supplier_Category"));
            }
            LocalDate due = e.optional("Due_Date") == null ? null : e.date("Due_Date");
            commands.add(new WorkItemCommand("INVOICE_HOLD", settings.system(), key,
                    "Workday supplier invoice " + (e.optional("Invoice_Number") == null ? e.required("Supplier_Invoice_ID") : e.optional("Invoice_Number"))
                            + " on hold (" + supplier + ")", e.decimal("Amount"), e.currency(), due == null ? null : endOfDay(due.minusDays(3)),
                    due == null ? null : endOfDay(due), attributes,
                    List.of(new CanonicalEvent("InvoiceReceived", null, Map.of("supplier", supplier)))));
        }
    };

    private static final List<String> WITHDRAWN = List.of("rescinded", "canceled", "cancelled", "denied");

    /** The report field that identifies an entry. */
    final String keyField;

    ReportKind(String keyField) {
        this.keyField = keyField;
    }

    abstract void map(Entry entry, Settings settings, List<WorkItemCommand> commands, List<SourceClosure> closures);

    private static Instant endOfDay(LocalDate date) {
        return date.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
    }

    /** Per-connector settings the kinds read. */
    record Settings(String system, Map<String, Integer> tasks, int leadDays, String defaultCurrency) {
    }

    /** One report entry, read through the connector's field names. */
    record Entry(JsonNode node, Map<String, String> fieldNames, String defaultCurrency) {

        String name(String field) {
            return fieldNames.getOrDefault(field, field);
        }

        /**
         * The field as text. A Workday reference ({@code {"descriptor": "Stryker", "id": "3ab8…"}}) reads as its
         * descriptor, or as its id for an identifier field ({@code …_ID}); a multi-instance field (an array) as its
         * values joined with ", ".
         */
        String optional(String field) {
            String text = text(node.get(name(field)), field.endsWith("_ID"));
            return text == null || text.isBlank() ? null : text.strip();
        }

        private static String text(JsonNode value, boolean identifier) {
            if (value == null || value.isNull() || value.isMissingNode()) {
                return null;
            }
            if (value.isArray()) {
                java.util.List<String> values = new java.util.ArrayList<>();
                value.forEach(element -> {
                    String text = text(element, identifier);
                    if (text != null && !text.isBlank()) {
                        values.add(text.strip());
                    }
                });
                return values.isEmpty() ? null : String.join(", ", values);
            }
            if (value.isObject()) {
                JsonNode preferred = identifier ? value.path("id") : value.path("descriptor");
                JsonNode fallback = identifier ? value.path("descriptor") : value.path("id");
                if (!preferred.isMissingNode() && !preferred.isNull()) {
                    return preferred.asText();
                }
                if (!fallback.isMissingNode() && !fallback.isNull()) {
                    return fallback.asText();
                }
                // a multi-instance row of one column, e.g. {"Document": "W-9"}
                return value.size() == 1 ? text(value.elements().next(), identifier) : null;
            }
            return value.asText();
        }

        String required(String field) {
            String value = optional(field);
            if (value == null) {
                throw new IllegalArgumentException(name(field) + " is missing");
            }
            return value;
        }

        LocalDate date(String field) {
            String value = required(field);
            try {
                return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name(field) + " is not a date: " + value);
            }
        }

        BigDecimal decimal(String field) {
            String value = optional(field);
            try {
                return value == null ? null : new BigDecimal(value.replace(",", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name(field) + " is not an amount: " + value);
            }
        }

        String currency() {
            String value = optional("Currency");
            return value == null ? defaultCurrency : value;
        }

        void copy(Map<String, Object> attributes, String attribute, String field) {
            String value = optional(field);
            if (value != null) {
                attributes.put(attribute, value);
            }
        }
    }

    /** Parses {@code CREDENTIAL_VERIFICATION:-14,BADGE:-2}: task → days relative to the start date. */
    static Map<String, Integer> tasks(String spec) {
        Map<String, Integer> tasks = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] kv = part.strip().split(":");
            try {
                tasks.put(kv[0].strip().toUpperCase(Locale.ROOT), Integer.parseInt(kv[1].strip()));
            } catch (RuntimeException e) {
                errors.add(part);
            }
        }
        if (!errors.isEmpty() || tasks.isEmpty()) {
            throw new IllegalArgumentException("onboarding tasks must look like TASK:-days,…; not " + errors);
        }
        return tasks;
    }
}
