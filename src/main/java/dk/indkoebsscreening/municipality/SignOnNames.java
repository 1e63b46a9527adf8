package dk.indkoebsscreening.municipality;

import dk.indkoebsscreening.security.MunicipalityNames;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The names the login page offers its municipalities' logins by. */
@Component
class SignOnNames implements MunicipalityNames {

    private final Municipalities municipalities;

    SignOnNames(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public Optional<String> nameOf(String municipality) {
        return municipalities.find(municipality).map(Municipality::name);
    }
}
