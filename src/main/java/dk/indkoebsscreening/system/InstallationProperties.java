package dk.indkoebsscreening.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who runs this installation and where its users reach it ({@code indkoeb.*}).
 *
 * @param municipality   the municipality's name, on the screening report
 * @param municipalityId the municipality's id, its tenant in the database and the engine ({@link Tenancy}); only
 *                       letters a-z, digits and hyphens, as it is kept once chosen
 * @param publicBaseUrl scheme, host and port users reach the application at, for redirects and links in mails;
 *                      empty only in the demo ({@code http://localhost} on the port the server listens on)
 * @param sharedOrganisation the shared IT-service organisation that runs the installation, when several
 *                      municipalities share it
 * @param demo          the demo users and requests
 */
@Validated
@ConfigurationProperties("indkoeb")
public record InstallationProperties(@NotBlank String municipality,
                                     @DefaultValue("kommune") @Pattern(regexp = Tenancy.ID_PATTERN, message = "must be lower-case letters a-z, digits and hyphens, e.g. nordby")
                                     String municipalityId,
                                     @Pattern(regexp = "|https?://[^/?#\\s]+/*", message = "must be scheme, host and port only, e.g. https://indkoeb.kommune.dk")
                                     String publicBaseUrl,
                                     @DefaultValue @Valid SharedOrganisation sharedOrganisation,
                                     @DefaultValue Demo demo) {

    /**
     * The scope of the work on this thread, else the installation's municipality's: work outside any scope acts for
     * the installation's municipality (single-municipality mode). The one place that says so, but for
     * {@link TenantDataSource}, which is made before this is bound.
     */
    public Tenancy.Scope scopeOfTheWork() {
        return Tenancy.current().orElseGet(() -> Tenancy.Scope.of(municipalityId));
    }

    /**
     * The municipality the work on this thread acts for, else the installation's: outside any scope, or across all
     * (work that acts for no single municipality but still needs one, such as a new process instance's tenant).
     */
    public String municipalityOfTheWork() {
        return Tenancy.currentTenant().orElse(municipalityId);
    }

    /**
     * The shared IT-service organisation: its people (group {@code shared-organisation}) screen the areas the
     * municipalities route to it and keep the installation. Their own rows (their absences, stand-ins, mail
     * preferences) belong to it as if it were a municipality, under this id, which no municipality may take.
     *
     * @param id   its tenant id (as a municipality's)
     * @param name its name, shown to the municipalities' people next to its experts' work
     */
    public record SharedOrganisation(@DefaultValue("faellesskab") @Pattern(regexp = Tenancy.ID_PATTERN, message = "must be lower-case letters a-z, digits and hyphens") String id,
                                     @DefaultValue("IT-fællesskabet") @NotBlank String name) {
    }

    /** @param enabled create the demo users (password "demo") and two demo requests; only the demo profile sets it */
    public record Demo(boolean enabled) {
    }
}
