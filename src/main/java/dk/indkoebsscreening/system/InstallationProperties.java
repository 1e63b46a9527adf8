package dk.indkoebsscreening.system;

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
 * @param demo          the demo users and requests
 */
@Validated
@ConfigurationProperties("indkoeb")
public record InstallationProperties(@NotBlank String municipality,
                                     @DefaultValue("kommune") @Pattern(regexp = Tenancy.ID_PATTERN, message = "must be lower-case letters a-z, digits and hyphens, e.g. nordby")
                                     String municipalityId,
                                     @Pattern(regexp = "|https?://[^/?#\\s]+/*", message = "must be scheme, host and port only, e.g. https://indkoeb.kommune.dk")
                                     String publicBaseUrl,
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

    /** @param enabled create the demo users (password "demo") and two demo requests; only the demo profile sets it */
    public record Demo(boolean enabled) {
    }
}
