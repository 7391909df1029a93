package health.ordo.application.service.claims;

import health.ordo.application.port.in.claims.CodeSetExistsException;
import health.ordo.application.port.in.claims.ManageCodeSetsUseCase;
import health.ordo.application.port.out.claims.CodeSetPort;
import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.domain.claims.BuiltInCodeSet;
import health.ordo.domain.claims.CarcCategory;
import health.ordo.domain.claims.CarcCode;
import health.ordo.domain.claims.CodeSet;
import health.ordo.domain.claims.CodeSetText;
import health.ordo.domain.claims.RarcCode;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The code sets in force, their versions, and loading newer lists for a tenant or the deployment. */
public final class CodeSetService implements ManageCodeSetsUseCase {

    /** Most codes one load may carry (X12's lists hold about 1,600 together). */
    static final int MAX_CODES = 5_000;

    private final CodeSetPort codeSets;
    private final TransactionPort transactions;
    private final Clock clock;

    public CodeSetService(CodeSetPort codeSets, TransactionPort transactions, Clock clock) {
        this.codeSets = codeSets;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public CodeSetView inForce(TenantId tenant) {
        return versions(tenant).get(0);
    }

    @Override
    public List<CodeSetView> versions(TenantId tenant) {
        List<CodePort> loaded = transactions.readOnly(tenant, () -> codeSets.loaded(tenant)).stream().map(CodePort::new).toList();
        CodeSet builtIn = BuiltInCodeSet.get();
        Optional<CodePort> inForce = loaded.stream().filter(l -> l.loaded.tenant()).findFirst()
                .or(() -> loaded.stream().filter(l -> !l.loaded.tenant()).findFirst());
        List<CodeSetView> views = new ArrayList<>();
        inForce.ifPresent(l -> views.add(l.view(true)));
        loaded.stream().filter(l -> inForce.isEmpty() || l != inForce.get()).forEach(l -> views.add(l.view(false)));
        views.add(new CodeSetView(builtIn.version(), Scope.BUILT_IN, inForce.isEmpty(), null, null, builtIn.carc().size(), builtIn.rarc().size()));
        return views;
    }

    /** A loaded version as the API shows it. */
    private record CodePort(CodeSetPort.Loaded loaded) {
        CodeSetView view(boolean inForce) {
            return new CodeSetView(loaded.version(), loaded.tenant() ? Scope.TENANT : Scope.DEPLOYMENT, inForce, loaded.loadedBy(),
                    loaded.loadedAt(), loaded.carcCodes(), loaded.rarcCodes());
        }
    }

    @Override
    public Optional<CarcCode> carc(TenantId tenant, String code) {
        return codes(tenant).carc(code);
    }

    @Override
    public Optional<RarcCode> rarc(TenantId tenant, String code) {
        return codes(tenant).rarc(code);
    }

    private CodeSet codes(TenantId tenant) {
        return transactions.readOnly(tenant, () -> codeSets.inForce(tenant)).orElseGet(BuiltInCodeSet::get);
    }

    @Override
    public CodeSetView load(TenantId tenant, Upload upload, Actor actor) {
        if (upload == null) {
            throw new InvalidValueException("body", "a code set needs a version and its codes");
        }
        String version = upload.version() == null ? "" : upload.version().strip();
        if (!version.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
            throw new InvalidValueException("version", "a version is 1 to 40 letters, digits, dots, dashes or underscores, e.g. x12-2026-11-01");
        }
        List<CarcEntry> carcEntries = upload.carc() == null ? List.of() : upload.carc();
        List<RarcEntry> rarcEntries = upload.rarc() == null ? List.of() : upload.rarc();
        if (carcEntries.isEmpty() && rarcEntries.isEmpty()) {
            throw new InvalidValueException("carc", "a code set load needs at least one CARC or RARC");
        }
        if (carcEntries.size() + rarcEntries.size() > MAX_CODES) {
            throw new InvalidValueException("carc", "at most " + MAX_CODES + " codes a load");
        }
        // every entry read before the transaction; only a CARC without a category waits for the set in force
        List<ParsedCarc> carcs = carcs(carcEntries);
        List<RarcCode> rarcs = rarcs(rarcEntries);
        Supplier<CodeSetView> save = () -> {
            if (codeSets.exists(tenant, version)) {
                throw new CodeSetExistsException(version);
            }
            CodeSet base = tenant == null ? codeSets.deploymentInForce().orElseGet(BuiltInCodeSet::get)
                    : codeSets.inForce(tenant).orElseGet(BuiltInCodeSet::get);
            CodeSet next = base.with(version, carcs.stream().map(carc -> carc.in(base)).toList(), rarcs);
            codeSets.save(tenant, next, actor.name(), clock.instant());
            return new CodeSetView(version, tenant == null ? Scope.DEPLOYMENT : Scope.TENANT, true, actor.name(), clock.instant(),
                    next.carc().size(), next.rarc().size());
        };
        return tenant == null ? transactions.acrossTenants(save) : transactions.inTransaction(tenant, save);
    }

    /**
     * A CARC entry read and checked; when it gave no category, {@code code} holds a stand-in one until the code set in
     * force tells it (or the load fails naming the entry's category).
     */
    private record ParsedCarc(int index, CarcCode code, boolean categoryGiven) {

        CarcCode in(CodeSet base) {
            if (categoryGiven) {
                return code;
            }
            CarcCategory known = base.carc(code.code()).map(CarcCode::category).orElseThrow(() -> new InvalidValueException(
                    "carc[" + index + "].category", "CARC " + code.code()
                            + " is new to the code set in force: Ordo cannot tell whether it denies, so its category is needed"));
            return new CarcCode(code.code(), code.description(), known, code.active(), code.start(), code.stop());
        }
    }

    private static List<ParsedCarc> carcs(List<CarcEntry> entries) {
        List<ParsedCarc> codes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CarcEntry e = entries.get(i);
            try {
                if (e == null) {
                    throw new InvalidValueException("code", "an entry needs a code");
                }
                boolean given = e.category() != null && !e.category().isBlank();
                CarcCategory category = given ? CodeSetText.category(e.category()) : CarcCategory.OTHER;
                codes.add(new ParsedCarc(i, new CarcCode(e.code(), e.description(), category,
                        CodeSetText.active(e.status() == null ? "" : e.status()), e.start(), e.stop()), given));
            } catch (InvalidValueException failure) {
                throw new InvalidValueException("carc[" + i + "]." + failure.field(), failure.getMessage());
            }
        }
        return codes;
    }

    private static List<RarcCode> rarcs(List<RarcEntry> entries) {
        List<RarcCode> codes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RarcEntry e = entries.get(i);
            try {
                if (e == null) {
                    throw new InvalidValueException("code", "an entry needs a code");
                }
                codes.add(new RarcCode(e.code(), e.description(), CodeSetText.kind(e.kind() == null ? "" : e.kind()),
                        CodeSetText.active(e.status() == null ? "" : e.status()), e.start(), e.stop()));
            } catch (InvalidValueException failure) {
                throw new InvalidValueException("rarc[" + i + "]." + failure.field(), failure.getMessage());
            }
        }
        return codes;
    }
}
