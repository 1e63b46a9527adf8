package dk.indkoebsscreening.request;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The categories of personal data a system processes, in the terms of GDPR and Danish law, from the least to the most
 * sensitive. A request states every category that applies ({@link #NONE} alone, or any of the others): home care
 * processes both CPR numbers and health data.
 */
public enum PersonalData {
    NONE,
    ORDINARY,
    /** CPR numbers, which Danish law (databeskyttelsesloven § 11) treats separately. */
    CPR,
    /** Special categories under GDPR article 9 (health, ethnic origin, religion, union membership, ...). */
    SENSITIVE,
    /** Criminal convictions and offences under GDPR article 10 (databeskyttelsesloven § 8). */
    CRIMINAL;

    /** Each category once, least sensitive first: how a request keeps them and every reader shows them. */
    public static List<PersonalData> ordered(Collection<PersonalData> categories) {
        return categories.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** Whether the categories are a valid statement: at least one, and "none" only on its own. */
    public static boolean consistent(Collection<PersonalData> categories) {
        return !categories.isEmpty() && (!categories.contains(NONE) || categories.size() == 1);
    }

    /** The most sensitive of the categories (what the system register keeps of a request). */
    public static PersonalData mostSensitive(Collection<PersonalData> categories) {
        return categories.stream().max(Comparator.naturalOrder()).orElse(NONE);
    }

    /**
     * The single value the version 1 events carry in {@code personalData}, whose values are fixed: the most sensitive
     * category, article 9 above CPR numbers (a special category under GDPR against a national rule), and article 10,
     * which has no value of its own there, given as {@link #SENSITIVE}, the other category under a special regime.
     */
    public static PersonalData eventValue(Collection<PersonalData> categories) {
        PersonalData most = mostSensitive(categories);
        return most == CRIMINAL ? SENSITIVE : most;
    }
}
