package dk.indkoebsscreening.example.kitos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** KITOS_ORGANIZATIONS and KITOS_ORGANIZATION_UUID: which organisation an event's municipality has, and what is refused. */
class OrganizationsTest {

    private static final String NORDBY = "0b6f7f0e-3c1a-4f57-9d0e-6a1c2b3d4e5f";
    private static final String SYDBY = "5d2c9a41-7b3e-4e8f-a1d6-9c0b8e7f6a52";

    @Test
    void theMapGivesEachNamedMunicipalityItsOrganisationAndOthersNone() {
        Organizations organizations = Organizations.of(" nordby=" + NORDBY + " , sydby=" + SYDBY.toUpperCase() + " ", null);

        assertThat(organizations.of("nordby")).contains(UUID.fromString(NORDBY));
        assertThat(organizations.of("sydby")).contains(UUID.fromString(SYDBY));
        assertThat(organizations.of("oestby")).isEmpty();
        assertThat(organizations.of(null)).isEmpty();
    }

    @Test
    void theOneOrganisationOfAnInstallationOfOneMunicipalityTakesEveryEvent() {
        Organizations organizations = Organizations.of(null, NORDBY);

        assertThat(organizations.of("nordby")).contains(UUID.fromString(NORDBY));
        assertThat(organizations.of("kommune")).contains(UUID.fromString(NORDBY));
        assertThat(organizations.of(null)).contains(UUID.fromString(NORDBY));
        assertThat(Organizations.of("", NORDBY).of(null)).as("an empty map is not set").contains(UUID.fromString(NORDBY));
    }

    @Test
    void bothVariablesOrNeitherAreRefused() {
        assertThatThrownBy(() -> Organizations.of("nordby=" + NORDBY, SYDBY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Set either KITOS_ORGANIZATIONS (several municipalities) or KITOS_ORGANIZATION_UUID");
        assertThatThrownBy(() -> Organizations.of(null, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Set KITOS_ORGANIZATIONS (municipality=organisation-uuid,…) or KITOS_ORGANIZATION_UUID");
    }

    @Test
    void aMalformedMapIsRefusedNamingTheEntry() {
        assertRefused("nordby:" + NORDBY, "KITOS_ORGANIZATIONS: \"nordby:" + NORDBY + "\" is not municipality=organisation-uuid");
        assertRefused("nordby=" + NORDBY + ",", "KITOS_ORGANIZATIONS: \"\" is not municipality=organisation-uuid");
        assertRefused("Nordby=" + NORDBY, "KITOS_ORGANIZATIONS: \"Nordby=" + NORDBY + "\" is not municipality=organisation-uuid");
        assertRefused("nordby=" + NORDBY + "=x", "is not municipality=organisation-uuid");
        assertRefused("nordby=1-2-3-4-5", "KITOS_ORGANIZATIONS: the organisation of nordby is not a UUID: \"1-2-3-4-5\"");
        assertRefused("nordby=", "KITOS_ORGANIZATIONS: the organisation of nordby is not a UUID: \"\"");
        assertRefused("nordby=" + NORDBY + ",nordby=" + SYDBY, "KITOS_ORGANIZATIONS names nordby twice");
        assertThatThrownBy(() -> Organizations.of(null, "not-a-uuid"))
                .hasMessage("KITOS_ORGANIZATION_UUID is not a UUID: \"not-a-uuid\"");
    }

    private static void assertRefused(String map, String message) {
        assertThatThrownBy(() -> Organizations.of(map, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
