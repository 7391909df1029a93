package health.ordo.adapter.hr.workday;

import com.fasterxml.jackson.databind.ObjectMapper;
import health.ordo.spi.Cursor;
import health.ordo.spi.PullResult;
import health.ordo.spi.SourceClosure;
import health.ordo.spi.WorkItemCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A Workday hire becomes onboarding tasks due relative to the start date; credentials, payroll and rescinded hires. */
class WorkdayReportSourceTest {

    private final FakeWorkday fake = new FakeWorkday();

    WorkdayReportSourceTest() throws IOException {
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void hire_becomesOneItemPerOnboardingTask_dueRelativeToTheStartDate_andARescindedHireClosesThem() {
        fake.hire("2026-12-14");
        fake.hire("2026-12-21").put("Event_Status", "Rescinded");

        PullResult result = WorkdayOnboardingTckTest.adapter(fake, WorkdayProviders.DEFAULT_TASKS).pull(Cursor.START, 10);

        assertThat(result.commands()).hasSize(4).allSatisfy(c -> {
            assertThat(c.type()).isEqualTo("EMPLOYEE_ONBOARDING");
            assertThat(c.hardDeadlineAt()).isEqualTo(Instant.parse("2026-12-14T23:59:59Z"));
            assertThat(c.attributes()).containsEntry("workerId", "E21001").containsEntry("position", "Registered Nurse - ICU");
        });
        assertThat(result.commands()).extracting(WorkItemCommand::externalId)
                .containsExactly("onboarding:HIRE-7001:CREDENTIAL_VERIFICATION", "onboarding:HIRE-7001:LICENSE_CHECK",
                        "onboarding:HIRE-7001:PAYROLL_SETUP", "onboarding:HIRE-7001:BADGE");
        assertThat(result.commands().get(0).dueAt()).isEqualTo(Instant.parse("2026-11-30T23:59:59Z"));
        assertThat(result.commands().get(3).dueAt()).isEqualTo(Instant.parse("2026-12-12T23:59:59Z"));
        assertThat(result.commands().get(0).events()).extracting(e -> e.type()).containsExactly("EmployeeOnboarded");
        assertThat(result.closures()).hasSize(4).extracting(SourceClosure::reason).allSatisfy(r -> assertThat(r).contains("rescinded"));
        assertThat(fake.tokensIssued.get()).as("one token, reused").isEqualTo(1);
    }

    @Test
    void aTaskDueAfterTheStartDate_isNotDueAfterItsOwnHardDeadline() {
        fake.hire("2026-12-14");
        PullResult result = WorkdayOnboardingTckTest.adapter(fake, "I9_VERIFICATION:3").pull(Cursor.START, 10);

        assertThat(result.commands()).singleElement().satisfies(c -> {
            assertThat(c.dueAt()).isEqualTo(Instant.parse("2026-12-17T23:59:59Z"));
            assertThat(c.hardDeadlineAt()).isEqualTo(Instant.parse("2026-12-17T23:59:59Z"));
        });
    }

    @Test
    void credentialsAndPayrollExceptions_mapToTheirTypes() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ReportKind.Settings settings = new ReportKind.Settings("workday", Map.of("BADGE", -2), 30, "USD");
        List<WorkItemCommand> commands = new ArrayList<>();
        List<SourceClosure> closures = new ArrayList<>();

        ReportKind.CREDENTIALS.map(new ReportKind.Entry(json.readTree("""
                {"Credential_ID":"LIC-RN-5521","Worker_ID":"E20017","Worker":"Dana Reyes","Credential_Type":"License",
                 "Credential_Name":"Registered Nurse License","Expiration_Date":"2027-01-31","Issuer":"Board of Nursing"}"""),
                Map.of(), "USD"), settings, commands, closures);
        ReportKind.PAYROLL_EXCEPTIONS.map(new ReportKind.Entry(json.readTree("""
                {"Exception_ID":"PX-88","Worker_ID":"E20017","Exception_Type":"Missing timesheet","Pay_Group":"Biweekly",
                 "Payment_Date":"2026-12-04","Amount":"2,145.60"}"""), Map.of(), "USD"), settings, commands, closures);
        ReportKind.PAYROLL_EXCEPTIONS.map(new ReportKind.Entry(json.readTree("""
                {"Exception_ID":"PX-89","Worker_ID":"E20018","Payment_Date":"2026-12-04","Status":"Resolved"}"""), Map.of(), "USD"),
                settings, commands, closures);

        assertThat(commands.get(0).type()).isEqualTo("CREDENTIAL_EXPIRY");
        assertThat(commands.get(0).hardDeadlineAt()).isEqualTo(Instant.parse("2027-01-31T23:59:59Z"));
        assertThat(commands.get(0).dueAt()).isEqualTo(Instant.parse("2027-01-01T23:59:59Z"));
        assertThat(commands.get(1).type()).isEqualTo("PAYMENT_EXCEPTION");
        assertThat(commands.get(1).amount()).isEqualByComparingTo("2145.60");
        assertThat(commands.get(1).hardDeadlineAt()).isEqualTo(Instant.parse("2026-12-04T23:59:59Z"));
        assertThat(closures).singleElement().satisfies(c -> assertThat(c.externalId()).isEqualTo("payroll:PX-89"));
    }

    @Test
    void supplierRequest_isOnboardingWork_andItsApprovalClosesItWithSupplierApproved() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ReportKind.Settings settings = new ReportKind.Settings("workday", Map.of("BADGE", -2), 30, "USD");
        List<WorkItemCommand> commands = new ArrayList<>();
        List<SourceClosure> closures = new ArrayList<>();

        ReportKind.SUPPLIER_REQUESTS.map(new ReportKind.Entry(json.readTree("""
                {"Supplier_Request_ID":"SR-301","Supplier":"Intuitive Surgical","Supplier_Category":"Clinical supplies",
                 "Needed_By":"2026-12-10","Missing_Documents":"W-9"}"""), Map.of(), "USD"), settings, commands, closures);
        ReportKind.SUPPLIER_REQUESTS.map(new ReportKind.Entry(json.readTree("""
                {"Supplier_Request_ID":"SR-302","Supplier":"Stryker","Status":"Approved"}"""), Map.of(), "USD"), settings, commands, closures);

        assertThat(commands).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo("SUPPLIER_ONBOARDING");
            assertThat(c.hardDeadlineAt()).isEqualTo(Instant.parse("2026-12-10T23:59:59Z"));
            assertThat(c.attributes()).containsEntry("category", "Clinical supplies").containsEntry("missingInformation", true);
        });
        assertThat(closures).singleElement().satisfies(c -> {
            assertThat(c.externalId()).isEqualTo("supplier-request:SR-302");
            assertThat(c.events()).extracting(e -> e.type()).containsExactly("SupplierApproved");
        });
    }

    @Test
    void referenceFieldsReadAsTheirNames_andMultiInstanceFieldsAsTheirValues() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ReportKind.Settings settings = new ReportKind.Settings("workday", Map.of("BADGE", -2), 30, "USD");
        List<WorkItemCommand> commands = new ArrayList<>();

        ReportKind.SUPPLIER_REQUESTS.map(new ReportKind.Entry(json.readTree("""
                {"Supplier_Request_ID":{"id":"a1b2c3","descriptor":"SR-303"},
                 "Supplier":{"id":"3ab8f0e1c2","descriptor":"Stryker"},"Needed_By":"2026-12-10",
                 "Missing_Documents":[{"Document":"W-9"},{"Document":"Certificate of insurance"}]}"""), Map.of(), "USD"),
                settings, commands, new ArrayList<>());

        assertThat(commands).singleElement().satisfies(c -> {
            assertThat(c.externalId()).isEqualTo("supplier-request:a1b2c3");
            assertThat(c.title()).contains("Stryker").doesNotContain("3ab8f0e1c2");
            assertThat(c.attributes()).containsEntry("supplier", "Stryker").containsEntry("missingInformation", true)
                    .containsEntry("missingDocuments", "W-9, Certificate of insurance");
        });
    }
}
