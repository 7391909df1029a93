package health.ordo.adapter.fhir;

import health.ordo.domain.sla.SlaClock;
import health.ordo.domain.workitem.WorkItemType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Ordo's FHIR conformance resources, built from the code that they describe so they cannot drift from it: the
 * CodeSystems and ValueSets of Ordo's codes, the {@code ordo-task} profile every Task claims, and the CapabilityStatement
 * of the server. Canonical URLs stay under {@code https://ordo.health/fhir} in every deployment (a code's system must
 * not change with the server that sends it); each deployment serves the resources under its own FHIR base, by id and by
 * {@code ?url=}, which is how validators and terminology clients resolve them.
 */
final class OrdoConformance {

    static final String FHIR_VERSION = "4.0.1";
    static final String VERSION = Optional.ofNullable(OrdoConformance.class.getPackage().getImplementationVersion()).orElse("0.1.0");
    static final String PUBLISHER = "Ordo";
    static final Date DATE = new Date(1_796_342_400_000L); // 2026-12-04, when these definitions were last changed
    static final String WORK_ITEM_TYPE_VS = TaskMapper.ORDO + "/ValueSet/work-item-type";
    static final String SLA_STATE_VS = TaskMapper.ORDO + "/ValueSet/sla-state";

    private OrdoConformance() {
    }

    /** Every conformance resource Ordo publishes, by resource type then id. */
    static Map<String, Map<String, MetadataResource>> all() {
        Map<String, Map<String, MetadataResource>> all = new LinkedHashMap<>();
        Map<String, MetadataResource> codeSystems = new LinkedHashMap<>();
        codeSystems.put("work-item-type", workItemTypes());
        codeSystems.put("sla-state", slaStates());
        codeSystems.put("task-input", taskInputs());
        all.put("CodeSystem", codeSystems);
        Map<String, MetadataResource> valueSets = new LinkedHashMap<>();
        valueSets.put("work-item-type", valueSet("work-item-type", WORK_ITEM_TYPE_VS, TaskMapper.TYPE_SYSTEM, "OrdoWorkItemTypes",
                "Ordo work item types", "Every type of work item Ordo handles."));
        valueSets.put("sla-state", valueSet("sla-state", SLA_STATE_VS, TaskMapper.SLA_SYSTEM, "OrdoSlaStates",
                "Ordo SLA clock states", "Every state of a work item's SLA clock."));
        all.put("ValueSet", valueSets);
        all.put("StructureDefinition", Map.of("ordo-task", taskProfile()));
        return all;
    }

    private static <T extends MetadataResource> T describe(T resource, String id, String url, String name, String title, String description) {
        resource.setId(id);
        resource.setUrl(url).setVersion(VERSION).setName(name).setTitle(title).setStatus(Enumerations.PublicationStatus.ACTIVE)
                .setExperimental(false).setDate(DATE).setPublisher(PUBLISHER).setDescription(description);
        return resource;
    }

    private static void narrative(org.hl7.fhir.r4.model.DomainResource resource, String title, Map<String, String> rows) {
        StringBuilder html = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>").append(escape(title)).append("</b></p>");
        if (!rows.isEmpty()) {
            html.append("<table><tbody>");
            rows.forEach((code, text) -> html.append("<tr><td>").append(escape(code)).append("</td><td>").append(escape(text)).append("</td></tr>"));
            html.append("</tbody></table>");
        }
        resource.getText().setStatus(Narrative.NarrativeStatus.GENERATED).setDivAsString(html.append("</div>").toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static CodeSystem codeSystem(String id, String url, String name, String title, String description,
                                         CodeSystem.CodeSystemContentMode content, Map<String, String> codes, String valueSet) {
        CodeSystem system = describe(new CodeSystem(), id, url, name, title, description);
        system.setCaseSensitive(true).setContent(content).setCount(codes.size());
        if (valueSet != null) {
            system.setValueSet(valueSet);
        }
        codes.forEach((code, display) -> system.addConcept().setCode(code).setDisplay(display));
        narrative(system, title, codes);
        return system;
    }

    static CodeSystem workItemTypes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (WorkItemType type : WorkItemType.values()) {
            String words = type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            codes.put(type.name(), Character.toUpperCase(words.charAt(0)) + words.substring(1));
        }
        return codeSystem("work-item-type", TaskMapper.TYPE_SYSTEM, "OrdoWorkItemType", "Ordo work item type",
                "The kinds of back-office work Ordo takes in: the Task.code of every Ordo Task.",
                CodeSystem.CodeSystemContentMode.COMPLETE, codes, WORK_ITEM_TYPE_VS);
    }

    static CodeSystem slaStates() {
        Map<String, String> codes = new LinkedHashMap<>();
        Map<SlaClock.State, String> meaning = Map.of(SlaClock.State.RUNNING, "Running, within its target",
                SlaClock.State.AT_RISK, "At risk of breaching its target", SlaClock.State.PAUSED, "Paused (on hold or outside business hours)",
                SlaClock.State.BREACHED, "Breached its target", SlaClock.State.MET, "Met: the item was done within its target",
                SlaClock.State.CANCELLED, "Cancelled with its item");
        for (SlaClock.State state : SlaClock.State.values()) {
            codes.put(state.name(), meaning.getOrDefault(state, state.name()));
        }
        return codeSystem("sla-state", TaskMapper.SLA_SYSTEM, "OrdoSlaState", "Ordo SLA clock state",
                "The state of a work item's service-level clock, carried in Task.businessStatus.",
                CodeSystem.CodeSystemContentMode.COMPLETE, codes, SLA_STATE_VS);
    }

    static CodeSystem taskInputs() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("moneyAtStake", "Money at stake");
        codes.put("resolution", "Resolution code the item was completed with");
        codes.put("denialCategory", "Denial category");
        codes.put("patientControlNumber", "Patient control number (opaque digest)");
        codes.put("claimResponse", "ClaimResponse the denial came from");
        codes.put("payer", "Payer");
        return codeSystem("task-input", TaskMapper.INPUT_SYSTEM, "OrdoTaskInput", "Ordo task input and output",
                "Names of the Task.input and Task.output parameters of Ordo Tasks: the work item's money at stake, its "
                        + "resolution and its source attributes. A fragment: sources add attributes of their own.",
                CodeSystem.CodeSystemContentMode.FRAGMENT, codes, null);
    }

    private static ValueSet valueSet(String id, String url, String system, String name, String title, String description) {
        ValueSet valueSet = describe(new ValueSet(), id, url, name, title, description);
        valueSet.getCompose().addInclude().setSystem(system);
        narrative(valueSet, title, Map.of("Includes", "every code of " + system));
        return valueSet;
    }

    static StructureDefinition taskProfile() {
        StructureDefinition profile = describe(new StructureDefinition(), "ordo-task", TaskMapper.PROFILE, "OrdoTask",
                "Ordo work item as a Task", "A work item of Ordo as a FHIR R4 Task: its id and source record as identifiers, its type "
                        + "as code, its priority, its binding deadline as restriction.period.end, its SLA state as businessStatus, "
                        + "its source system as requester.");
        profile.setFhirVersion(Enumerations.FHIRVersion._4_0_1).setKind(StructureDefinition.StructureDefinitionKind.RESOURCE)
                .setAbstract(false).setType("Task").setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Task")
                .setDerivation(StructureDefinition.TypeDerivationRule.CONSTRAINT);
        StructureDefinition.StructureDefinitionDifferentialComponent differential = profile.getDifferential();
        differential.addElement().setPath("Task").setId("Task");
        // in the order of the base definition's elements, as a differential must be
        element(differential, "Task.identifier", 1, "The work item id and the source record's id");
        element(differential, "Task.priority", 1, "From the priority score: stat 90+, asap 75+, urgent 50+, else routine");
        element(differential, "Task.code", 1, "The work item type").getBinding()
                .setStrength(Enumerations.BindingStrength.REQUIRED).setValueSet(WORK_ITEM_TYPE_VS);
        element(differential, "Task.authoredOn", 1, "When Ordo created the work item");
        element(differential, "Task.lastModified", 1, "When the work item last changed");
        element(differential, "Task.requester", 1, "The source system the work came from, by identifier");
        narrative(profile, "Ordo work item as a Task", Map.of("Task.identifier", "1..*", "Task.code", "1..1, required binding to "
                + WORK_ITEM_TYPE_VS, "Task.priority", "1..1", "Task.requester", "1..1", "Task.authoredOn", "1..1", "Task.lastModified", "1..1"));
        return profile;
    }

    private static ElementDefinition element(StructureDefinition.StructureDefinitionDifferentialComponent differential, String path,
                                             int min, String definition) {
        ElementDefinition element = differential.addElement().setPath(path).setMin(min).setShort(definition);
        element.setId(path);
        return element;
    }

    /** The server's statement of what it does, with {@code base} its absolute FHIR base and {@code token} the OAuth token URL. */
    static CapabilityStatement capabilities(String base, String token) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setUrl(base + "/metadata").setVersion(VERSION).setName("OrdoFhirServer").setTitle("Ordo FHIR API")
                .setStatus(Enumerations.PublicationStatus.ACTIVE).setExperimental(false).setDate(DATE).setPublisher(PUBLISHER)
                .setDescription("Ordo's work items as FHIR R4 Tasks, read-only: read and search, with Ordo's code systems and "
                        + "Task profile.")
                .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.getSoftware().setName("Ordo").setVersion(VERSION);
        statement.getImplementation().setDescription("Ordo").setUrl(base);
        statement.addFormat("application/fhir+json").addFormat("json");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER)
                .setDocumentation("Every request but this statement and the conformance resources needs a bearer token.");
        rest.getSecurity().setCors(false).addService(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")))
                .setDescription("OAuth 2.0 bearer tokens: a client gets one from " + token + " (client credentials grant for "
                        + "API clients, password grant for users) and sends it as Authorization: Bearer. A worker sees the "
                        + "PHI of the items in the queues they serve; other Tasks come with it masked.");
        CapabilityStatement.CapabilityStatementRestResourceComponent task = rest.addResource().setType("Task")
                .setProfile(TaskMapper.PROFILE).setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED)
                .setReadHistory(false).setUpdateCreate(false).setConditionalCreate(false)
                .setConditionalRead(CapabilityStatement.ConditionalReadStatus.NOTSUPPORTED)
                .setConditionalUpdate(false).setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED)
                .setDocumentation("Work items. The default order is Ordo's priority order (_sort=-priority); _count up to 200; "
                        + "_total=accurate counts every match; unknown parameters are ignored and left out of the self link, "
                        + "or refused with Prefer: handling=strict.");
        task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        task.addSupportedProfile(TaskMapper.PROFILE);
        for (TaskSearchParameters.Supported parameter : TaskSearchParameters.Supported.values()) {
            task.addSearchParam().setName(parameter.code).setDefinition(parameter.definition)
                    .setType(Enumerations.SearchParamType.fromCode(parameter.type)).setDocumentation(parameter.documentation);
        }
        for (String type : all().keySet()) {
            CapabilityStatement.CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type)
                    .setDocumentation("Ordo's own " + type + " resources; no token needed");
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
            resource.addSearchParam().setName("url").setDefinition("http://hl7.org/fhir/SearchParameter/conformance-url")
                    .setType(Enumerations.SearchParamType.URI).setDocumentation("The canonical URL");
        }
        statement.getText().setStatus(Narrative.NarrativeStatus.GENERATED).setDivAsString(
                "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Ordo FHIR API " + escape(VERSION) + ", FHIR " + FHIR_VERSION
                        + ": Task (read, search), CodeSystem, ValueSet, StructureDefinition (read, search by url).</p></div>");
        return statement;
    }
}
