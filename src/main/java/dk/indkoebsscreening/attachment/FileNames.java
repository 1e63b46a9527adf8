package dk.indkoebsscreening.attachment;

import java.text.Normalizer;

/**
 * File names made safe to show and to offer for download: no folders ("../../etc/passwd" is "passwd"), no
 * control or direction-changing characters, none of the characters Windows refuses, at most 200 characters
 * with the extension kept. Markup needs no special care: pages escape it, and downloads name it in the
 * Content-Disposition header only.
 */
final class FileNames {

    static final int MAX_LENGTH = 200;
    private static final String FALLBACK = "bilag";

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
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH - extension.length())).strip() + extension;
        }
        return name;
    }

    /** Bidirectional overrides (U+202E turns "fdp.exe" around) and other invisible format characters. */
    private static boolean isFormatting(int c) {
        return Character.getType(c) == Character.FORMAT;
    }
}
