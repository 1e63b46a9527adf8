package dk.indkoebsscreening.system;

/**
 * A page number, page size or limit of an API list outside what the list gives: a 400 that names the parameter and
 * its bounds, rather than a list quietly cut to the maximum the caller did not ask for.
 */
public class PageOutOfRangeException extends RuntimeException {

    private final String parameter;
    private final int min;
    private final int max;

    PageOutOfRangeException(String parameter, long value, int min, int max) {
        super(parameter + "=" + value + " is outside " + min + ".." + max);
        this.parameter = parameter;
        this.min = min;
        this.max = max;
    }

    public String parameter() {
        return parameter;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }
}
