package dk.indkoebsscreening.attachment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * File names made safe to show and to offer for download: no folders ("../../etc/passwd" is "passwd"), no
 * control or direction-changing characters, none of the characters Windows refuses, none of the names Windows
 * keeps for its devices ("CON.txt" is "_CON.txt"), at most 200 characters with the extension kept. Markup needs no
 * special care: pages escape it, and downloads name it in the Content-Disposition header only.
 */
final class FileNames {

    static final int MAX_LENGTH = 200;
    private static final String FALLBACK = "bilag";
    /**
     * Windows opens a device, not a file, by these names, whatever the extension and the case, with spaces before
     * the extension too ("con .txt"): saving "NUL.pdf" loses it, "COM1.txt" writes to a serial port. Superscript
     * digits count as digits here.
     */
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|CONIN\\$|CONOUT\\$|(COM|LPT)[0-9\u00B9\u00B2\u00B3]) *");

    private FileNames() {
    }

    static String safe(String given) {
        if (given == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(given, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || isFormatting(c)) {
                return;
            }
            kept.appendCodePoint("<>:\"|?*".indexOf(c) >= 0 ? '_' : c);
        });
        name = kept.toString().strip().replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (name.isEmpty()) {
            return FALLBACK;
        }
        int firstDot = name.indexOf('.');
        if (WINDOWS_DEVICE.matcher(firstDot < 0 ? name : name.substring(0, firstDot)).matches()) {
            name = "_" + name;
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH - extension.length())).strip() + extension;
        }
        return name;
    }

    /**
     * The safe name with the extension of the type found in the content: "faktura.vbs" holding text is kept
     * as "faktura.vbs.txt", so nobody's computer runs it when it is opened; "foto.jpeg" stays as it is.
     */
    static String safe(String given, String type) {
        String name = safe(given);
        String extension = FileTypes.extension(type);
        String lower = name.toLowerCase(Locale.ROOT);
        if (extension == null || lower.endsWith(extension) || (extension.equals(".jpg") && lower.endsWith(".jpeg"))) {
            return name;
        }
        int room = MAX_LENGTH - extension.length(); // in characters as a person counts them, never half a surrogate pair
        String kept = name.codePointCount(0, name.length()) > room ? name.substring(0, name.offsetByCodePoints(0, room)) : name;
        return kept + extension;
    }

    /** Bidirectional overrides (U+202E turns "fdp.exe" around) and other invisible format characters. */
    private static boolean isFormatting(int c) {
        return Character.getType(c) == Character.FORMAT;
    }
}
