package dk.indkoebsscreening.system;

/**
 * Characters no input of ours may hold, whatever the field: NUL (PostgreSQL refuses it and the request would end in a
 * 500), the other C0 and C1 controls and DEL (a page would hide them), and halves of a surrogate pair (not text at
 * all). Tab and line breaks are text; whether a field takes them is the field's rule ({@link PlainText}).
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The index of the first character no input may hold, or -1. */
    public static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isForbiddenControl(c) || Character.isSurrogate(c) && !isPairedSurrogate(text, i)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isForbiddenControl(char c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }

    static boolean isPairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
