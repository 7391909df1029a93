package health.ordo.application.port.in.claims;

import health.ordo.domain.claims.CarcCode;
import health.ordo.domain.claims.RarcCode;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The CARC and RARC lists remittances are judged with: the built-in lists, the deployment's newer versions and a tenant's
 * own. The one in force for a tenant is its own newest, else the deployment's newest, else the built-in lists. A loaded
 * version holds the codes of the set it was loaded on plus the codes loaded (a code listed again replaces its entry), and
 * never changes.
 */
public interface ManageCodeSetsUseCase {

    /** The version in force for the tenant. */
    CodeSetView inForce(TenantId tenant);

    /** Every version the tenant can see, the one in force first, then newest first, the built-in last. */
    List<CodeSetView> versions(TenantId tenant);

    /** A CARC as the set in force for the tenant has it. */
    Optional<CarcCode> carc(TenantId tenant, String code);

    /** A RARC as the set in force for the tenant has it. */
    Optional<RarcCode> rarc(TenantId tenant, String code);

    /**
     * Loads a newer list for the tenant, or for the whole deployment when {@code tenant} is null.
     *
     * @throws health.ordo.domain.shared.InvalidValueException naming the entry and field at fault (e.g. {@code carc[3].category})
     * @throws CodeSetExistsException when the version is loaded already
     */
    CodeSetView load(TenantId tenant, Upload upload, Actor actor);

    /** One version: where it comes from, who loaded it, how many codes it holds. */
    record CodeSetView(String version, Scope scope, boolean inForce, String loadedBy, Instant loadedAt, int carcCodes, int rarcCodes) {
    }

    /** Where a version comes from. */
    enum Scope { BUILT_IN, DEPLOYMENT, TENANT }

    /** A list to load: codes new or changed since the set it is loaded on. */
    record Upload(String version, List<CarcEntry> carc, List<RarcEntry> rarc) {
    }

    /**
     * One CARC as a published list states it, with Ordo's category; the category may be left out for a code the set in
     * force already holds (it keeps its category), never for a new one.
     */
    record CarcEntry(String code, String status, LocalDate start, LocalDate stop, String category, String description) {
    }

    /** One RARC; {@code kind} is ALERT or REMARK (REMARK when left out). */
    record RarcEntry(String code, String status, LocalDate start, LocalDate stop, String kind, String description) {
    }
}
