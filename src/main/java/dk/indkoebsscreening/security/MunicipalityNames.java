package dk.indkoebsscreening.security;

import java.util.Optional;

/**
 * A municipality's name, for people choosing whose login to sign in through before anyone knows them; answered by the
 * municipality module, which knows the names but comes after this one.
 */
@FunctionalInterface
public interface MunicipalityNames {

    /** @return empty for an id no municipality has (yet) */
    Optional<String> nameOf(String municipality);
}
