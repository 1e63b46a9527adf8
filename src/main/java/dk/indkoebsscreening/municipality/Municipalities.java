package dk.indkoebsscreening.municipality;

import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.RequestMemo;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.Tenancy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The municipalities of the installation and their settings, read by the features that act for one. */
@Service
public class Municipalities implements CurrentMunicipality {

    private static final String MEMO = "municipality:";

    private final MunicipalityRepository repository;
    private final InstallationProperties installation;

    Municipalities(MunicipalityRepository repository, InstallationProperties installation, FirstMunicipality first) {
        this.repository = repository;
        this.installation = installation;
        first.writeIfAbsent();
    }

    /** @throws NotFoundException no municipality has this id */
    public Municipality byId(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("No municipality " + id));
    }

    /** Once per HTTP request: a page asks for the settings of its municipality in many places. */
    public Optional<Municipality> find(String id) {
        return id == null ? Optional.empty() : RequestMemo.of(MEMO + id, () -> repository.find(id));
    }

    /** After this request changed a municipality's settings. */
    static void forgetWhatTheRequestRead() {
        RequestMemo.forget(MEMO);
    }

    /** By name. */
    public List<Municipality> all() {
        return repository.all();
    }

    /** The municipalities that route one or more areas to the shared organisation's experts. */
    public Set<String> sharingScreening() {
        return repository.sharingScreening();
    }

    /**
     * The municipality the current thread acts for ({@link Tenancy#currentTenant()}), else the installation's: work
     * outside any scope, or across all, acts for the installation's municipality (single-municipality mode).
     */
    @Override
    public Municipality current() {
        return byId(installation.municipalityOfTheWork());
    }

    /**
     * As {@link #current()}, but empty where the work acts for the shared organisation itself (its administrators and
     * experts outside a municipality's task), which is no municipality.
     */
    public Optional<Municipality> ofTheWork() {
        return find(installation.municipalityOfTheWork());
    }

    /**
     * Whose figures a page of figures (the dashboard, the steering report) shows: one who chooses (the shared
     * organisation's administrators, who act for no municipality of their own) gets the municipality chosen, or all
     * together (empty) when none is; anyone else their own, whatever the address says. An unknown municipality is a 404
     * ({@link NotFoundException}), as a mistyped address is.
     *
     * @param chosen a municipality's id from the address, or empty
     */
    public Optional<Municipality> shownTo(boolean chooses, String chosen) {
        if (!chooses) {
            return Optional.of(ofTheWork().orElseGet(this::current));
        }
        return chosen == null || chosen.isEmpty() ? Optional.empty() : Optional.of(byId(chosen));
    }
}
