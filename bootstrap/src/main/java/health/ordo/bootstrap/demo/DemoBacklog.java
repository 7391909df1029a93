package health.ordo.bootstrap.demo;

import health.ordo.domain.shared.Money;
import health.ordo.domain.workitem.Attributes;
import health.ordo.domain.workitem.SourceReference;
import health.ordo.domain.workitem.WorkItemContent;
import health.ordo.domain.workitem.WorkItemType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic back-office backlog for the demo tenant: payer denials with real CARC codes, underpayments,
 * prior authorizations, Oracle invoice holds, SAP payment blocks, supplier and employee onboarding and payroll
 * exceptions, with deadlines spread over the coming weeks. Deterministic for a given anchor instant; carries
 * no patient data (claims are referred to by claim and account numbers only).
 */
final class DemoBacklog {

    private record Denial(String carc, String group, String reason, int appealDays) {
    }

    private static final String[] PAYERS = {"Aetna", "UnitedHealthcare", "Cigna", "Humana",
            "Blue Cross Blue Shield of Illinois", "Medicare Part B (Novitas)", "Texas Medicaid (TMHP)", "Anthem Blue Cross"};
    private static final Denial[] DENIALS = {
            new Denial("16", "CO", "claim lacks information needed for adjudication", 90),
            new Denial("50", "CO", "not deemed a medical necessity by the payer", 180),
            new Denial("197", "CO", "precertification/authorization absent", 60),
            new Denial("29", "CO", "time limit for filing has expired", 60),
            new Denial("18", "CO", "exact duplicate claim/service", 90),
            new Denial("22", "CO", "may be covered by another payer (coordination of benefits)", 90),
            new Denial("4", "CO", "procedure code inconsistent with the modifier", 120),
            new Denial("97", "CO", "payment included in another service already adjudicated", 120),
            new Denial("109", "CO", "not covered by this payer; submit to the correct payer", 90),
            new Denial("27", "PR", "expenses incurred after coverage terminated", 180)};
    private static final String[] SUPPLIERS = {"Medline Industries", "Cardinal Health", "Owens & Minor", "Stryker",
            "Baxter International", "Becton Dickinson", "McKesson Medical-Surgical", "Henry Schein", "Philips Healthcare",
            "Fisher Scientific"};
    private static final String[][] ORACLE_HOLDS = {{"QTY REC", "Quantity billed exceeds quantity received"},
            {"PRICE", "Invoice price exceeds purchase order price"}, {"AMT ORD", "Amount billed exceeds amount ordered"},
            {"QTY ORD", "Quantity billed exceeds quantity ordered"}, {"DIST VARIANCE", "Distribution total differs from invoice"},
            {"NEED RECEIPT", "Receipt required before payment"}};
    private static final String[][] SAP_BLOCKS = {{"A", "Blocked for payment"}, {"R", "Invoice verification"},
            {"V", "Payment clearing"}, {"I", "Price variance blocked"}};
    private static final String[] POSITIONS = {"Registered Nurse - ICU", "Respiratory Therapist", "Pharmacist",
            "Surgical Technologist", "Medical Laboratory Scientist", "Registered Nurse - Emergency", "Physical Therapist"};
    private static final String[][] ONBOARDING_TASKS = {{"LICENSE_VERIFICATION", "Verify state licence", "-5"},
            {"CREDENTIALING", "Primary-source credential verification", "-10"}, {"BADGE", "Issue badge and access", "-2"},
            {"PAYROLL_SETUP", "Set up payroll and direct deposit", "-3"}, {"EHR_ACCESS", "Provision EHR access", "-1"}};
    private static final String[] SITES = {"Main Campus", "North Clinic", "Westside Surgery Center"};

    private final Random random = new Random(20261124L);
    private final Instant anchor;
    private final List<WorkItemContent> items = new ArrayList<>();

    private DemoBacklog(Instant anchor) {
        this.anchor = anchor.truncatedTo(ChronoUnit.HOURS);
    }

    /** About 500 work items anchored at the given instant. */
    static List<WorkItemContent> generate(Instant anchor) {
        DemoBacklog backlog = new DemoBacklog(anchor);
        backlog.denials(170);
        backlog.underpayments(60);
        backlog.priorAuthorizations(45);
        backlog.invoiceHolds(90);
        backlog.paymentBlocks(50);
        backlog.supplierOnboarding(25);
        backlog.employeeOnboarding(40);
        backlog.paymentExceptions(20);
        return List.copyOf(backlog.items);
    }

    private void denials(int count) {
        for (int i = 0; i < count; i++) {
            Denial denial = pick(DENIALS);
            String payer = pick(PAYERS);
            String claim = "CLM" + (4_100_000 + i * 37);
            Instant hardDeadline = daysFromNow(2, 70);
            add(WorkItemType.CLAIM_DENIAL, "payer-835", "835-" + claim,
                    "Denied claim " + claim + " (" + payer + "): " + denial.group() + "-" + denial.carc() + " " + denial.reason(),
                    money(80, 45_000), hardDeadline.minus(Duration.ofDays(5)), hardDeadline,
                    attrs("payer", payer, "carc", denial.carc(), "claimAdjustmentGroup", denial.group(), "claimId", claim,
                            "appealLimitDays", denial.appealDays(), "site", pick(SITES)));
        }
    }

    private void underpayments(int count) {
        for (int i = 0; i < count; i++) {
            String payer = pick(PAYERS);
            String claim = "CLM" + (5_200_000 + i * 53);
            BigDecimal contracted = money(400, 60_000).value();
            BigDecimal paid = contracted.multiply(BigDecimal.valueOf(0.55 + random.nextDouble() * 0.4)).setScale(2, RoundingMode.HALF_UP);
            add(WorkItemType.UNDERPAYMENT, "payer-835", "835-UP-" + claim,
                    "Underpaid claim " + claim + " (" + payer + "): paid " + paid + " of contracted " + contracted,
                    new Money(contracted.subtract(paid), "USD"), daysFromNow(5, 40), daysFromNow(45, 120),
                    attrs("payer", payer, "carc", "45", "claimAdjustmentGroup", "CO", "claimId", claim,
                            "contractedAmount", contracted, "paidAmount", paid));
        }
    }

    private void priorAuthorizations(int count) {
        String[][] procedures = {{"70553", "MRI brain with and without contrast"}, {"27447", "Total knee arthroplasty"},
                {"43239", "Upper GI endoscopy with biopsy"}, {"93458", "Left heart catheterization"},
                {"J9271", "Pembrolizumab infusion"}, {"29881", "Knee arthroscopy with meniscectomy"}};
        for (int i = 0; i < count; i++) {
            String[] procedure = pick(procedures);
            String payer = pick(PAYERS);
            Instant serviceDate = daysFromNow(1, 30);
            add(WorkItemType.PRIOR_AUTHORIZATION, "epic-referrals", "PA-" + (880_000 + i * 11),
                    "Prior authorization for " + procedure[1] + " (CPT " + procedure[0] + ") with " + payer,
                    money(900, 38_000), serviceDate.minus(Duration.ofDays(2)), serviceDate,
                    attrs("payer", payer, "cpt", procedure[0], "site", pick(SITES), "urgent", random.nextInt(5) == 0));
        }
    }

    private void invoiceHolds(int count) {
        for (int i = 0; i < count; i++) {
            String supplier = pick(SUPPLIERS);
            String[] hold = pick(ORACLE_HOLDS);
            String invoice = "INV-" + (300_100 + i * 7);
            Instant due = daysFromNow(-3, 45);
            boolean discount = random.nextInt(3) == 0;
            Map<String, Object> attributes = attrs("supplier", supplier, "holdName", hold[0], "holdReason", hold[1],
                    "invoiceNumber", invoice, "businessUnit", pick(SITES), "soleSource", random.nextInt(6) == 0);
            if (discount) {
                attributes.put("discountDate", LocalDate.ofInstant(due.minus(Duration.ofDays(20)), ZoneOffset.UTC).toString());
                attributes.put("discountPercent", new BigDecimal("2.0"));
            }
            add(WorkItemType.INVOICE_HOLD, "oracle-fusion", "HOLD-" + (300_100 + i),
                    "Invoice " + invoice + " from " + supplier + " on " + hold[0] + " hold", money(150, 250_000),
                    due.minus(Duration.ofDays(3)), due, attributes);
        }
    }

    private void paymentBlocks(int count) {
        for (int i = 0; i < count; i++) {
            String supplier = pick(SUPPLIERS);
            String[] block = pick(SAP_BLOCKS);
            String document = String.valueOf(5_105_600_000L + i * 3);
            Instant due = daysFromNow(-2, 40);
            add(WorkItemType.PAYMENT_BLOCK, "sap-s4hana", "1000/" + document + "/2026",
                    "Supplier invoice " + document + " from " + supplier + " blocked: " + block[1], money(200, 180_000),
                    due.minus(Duration.ofDays(2)), due,
                    attrs("supplier", supplier, "paymentBlockingReason", block[0], "companyCode", "1000",
                            "fiscalYear", "2026", "supplierInvoice", document));
        }
    }

    private void supplierOnboarding(int count) {
        String[] newSuppliers = {"Apex Surgical Supply", "Lakeshore Biomedical", "Summit Infusion Partners",
                "Keystone Sterile Processing", "Northwind Lab Services"};
        String[] missing = {"W-9", "Certificate of insurance", "Bank account verification", "Sanctions screening", "BAA"};
        for (int i = 0; i < count; i++) {
            String supplier = pick(newSuppliers) + " #" + (i + 1);
            add(WorkItemType.SUPPLIER_ONBOARDING, "workday", "SUP-REQ-" + (7_000 + i),
                    "Onboard supplier " + supplier + ": " + pick(missing) + " outstanding", null,
                    daysFromNow(3, 30), null,
                    attrs("supplier", supplier, "category", random.nextBoolean() ? "Clinical supplies" : "Services",
                            "soleSource", random.nextInt(4) == 0));
        }
    }

    private void employeeOnboarding(int count) {
        for (int i = 0; i < count; i++) {
            String[] task = pick(ONBOARDING_TASKS);
            String position = pick(POSITIONS);
            Instant start = daysFromNow(7, 45);
            Instant due = start.plus(Duration.ofDays(Integer.parseInt(task[2])));
            add(WorkItemType.EMPLOYEE_ONBOARDING, "workday", "HIRE-" + (61_000 + i) + "-" + task[0],
                    task[1] + " for new hire " + (61_000 + i) + " (" + position + ")", null, due, start,
                    attrs("workerId", "W" + (61_000 + i), "position", position, "task", task[0], "site", pick(SITES),
                            "startDate", LocalDate.ofInstant(start, ZoneOffset.UTC).toString()));
        }
    }

    private void paymentExceptions(int count) {
        String[] exceptions = {"Missing timecard approval", "Overtime above policy threshold", "Retro pay rate change",
                "Negative net pay", "Shift differential mismatch"};
        for (int i = 0; i < count; i++) {
            String exception = pick(exceptions);
            Instant payDate = daysFromNow(1, 14);
            add(WorkItemType.PAYMENT_EXCEPTION, "workday", "PAYEX-" + (9_300 + i),
                    "Payroll exception: " + exception + " (worker W" + (52_000 + i * 13) + ")", money(40, 4_500),
                    payDate.minus(Duration.ofDays(1)), payDate,
                    attrs("workerId", "W" + (52_000 + i * 13), "exception", exception, "payGroup", "Biweekly"));
        }
    }

    private void add(WorkItemType type, String system, String externalId, String title, Money amount, Instant dueAt,
                     Instant hardDeadlineAt, Map<String, Object> attributes) {
        items.add(new WorkItemContent(type, new SourceReference(system, externalId), title, amount, dueAt, hardDeadlineAt,
                Attributes.of(attributes), null));
    }

    private Money money(int min, int max) {
        // Log-uniform: many small items, a few large ones, as in a real backlog.
        double value = Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
        return new Money(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP), "USD");
    }

    private Instant daysFromNow(int minDays, int maxDays) {
        return anchor.plus(Duration.ofHours(24L * minDays + random.nextInt(24 * (maxDays - minDays) + 1)));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static Map<String, Object> attrs(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
