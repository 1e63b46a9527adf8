package dk.indkoebsscreening.municipality;

/**
 * The municipality the current work acts for ({@link Municipalities#current()}), for a feature that needs no more of
 * the municipalities: a rule table's inputs are then given by a lambda where the rules run without the application.
 */
@FunctionalInterface
public interface CurrentMunicipality {

    Municipality current();
}
