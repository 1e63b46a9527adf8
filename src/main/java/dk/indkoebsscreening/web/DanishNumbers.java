package dk.indkoebsscreening.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as people in a Danish municipality write them in a form: "250.000", "250 000", "250000",
 * "48.500,50", "250.000 kr.", "1,5 mio." (kroner), and whole numbers such as "1.200" users. A point
 * groups thousands and a comma starts the decimals, so "250.00" and "1.5" are refused as unclear rather
 * than guessed. A count of years or months may carry its unit and be a word up to twenty: "4 år", "4 år.", "fire år",
 * "6 mdr.", "seks måneder".
 */
public final class DanishNumbers {

    private static final Pattern AMOUNT = Pattern.compile(
            "(?<number>\\d{1,3}(?:[. ]\\d{3})+|\\d+)(?:,(?<fraction>\\d{1,2}))?"
                    + "(?:\\s*(?<million>mio\\.?|millioner|million))?(?:\\s*(?:kr\\.?|kroner|dkk))?");
    private static final Pattern MILLIONS_WITH_DECIMALS = Pattern.compile(
            "(?<number>\\d+)(?:,(?<fraction>\\d{1,6}))?\\s*(?:mio\\.?|millioner|million)(?:\\s*(?:kr\\.?|kroner|dkk))?");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,3}(?:[. ]\\d{3})+|\\d+");
    private static final Pattern YEARS = Pattern.compile("(?<count>.+?)\\s*(?:år|års|aar)\\.?");
    private static final Pattern MONTHS = Pattern.compile("(?<count>.+?)\\s*(?:måned|måneder|maaned|maaneder|mdr|md)\\.?");
    /** Counts written as words, as far as the forms' counts go (20 years). */
    private static final List<String> WORDS = List.of("nul", "et", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti",
            "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "atten", "nitten", "tyve");

    private DanishNumbers() {
    }

    /** An amount in kroner, or empty when the text is not one. */
    public static Optional<BigDecimal> amount(String text) {
        String normalized = normalize(text);
        Matcher millions = MILLIONS_WITH_DECIMALS.matcher(normalized);
        if (millions.matches()) {
            String fraction = millions.group("fraction");
            return Optional.of(plain(new BigDecimal(millions.group("number") + (fraction == null ? "" : "." + fraction))
                    .movePointRight(6)));
        }
        Matcher amount = AMOUNT.matcher(normalized);
        if (!amount.matches() || amount.group("million") != null) {
            return Optional.empty();
        }
        String digits = amount.group("number").replaceAll("[. ]", "");
        String fraction = amount.group("fraction");
        return Optional.of(new BigDecimal(digits + (fraction == null ? "" : "." + fraction)));
    }

    /** A whole number ("1.200"), or empty when the text is not one (a fraction such as "2,5" is not). */
    public static Optional<Long> whole(String text) {
        String normalized = normalize(text);
        if (!WHOLE.matcher(normalized).matches()) {
            return Optional.empty();
        }
        String digits = normalized.replaceAll("[. ]", "");
        return digits.length() > 15 ? Optional.empty() : Optional.of(Long.parseLong(digits));
    }

    /** A number of years ("4", "4 år", "4 år.", "fire år", "et år"), or empty when the text is not one. */
    public static Optional<Long> years(String text) {
        return count(text, YEARS);
    }

    /** A number of months ("6", "6 mdr.", "seks måneder"), or empty when the text is not one. */
    public static Optional<Long> months(String text) {
        return count(text, MONTHS);
    }

    private static Optional<Long> count(String text, Pattern withUnit) {
        String normalized = normalize(text);
        Matcher unit = withUnit.matcher(normalized);
        String count = unit.matches() ? unit.group("count") : normalized;
        int word = WORDS.indexOf(switch (count) {
            case "en", "én", "ét" -> "et";
            default -> count;
        });
        return word >= 0 ? Optional.of((long) word) : whole(count);
    }

    /** 1500000, not 1.5E+6. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Lower case, one kind of space, none around the ends ("1 000" may be typed with a no-break space). */
    private static String normalize(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
