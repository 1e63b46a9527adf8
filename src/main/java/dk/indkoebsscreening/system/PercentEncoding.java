package dk.indkoebsscreening.system;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Strict decoding of percent-encoded UTF-8, as in a query string or a form body: a malformed escape
 * ({@code %ZZ}, a lone {@code %}) or bytes that are not UTF-8 are an error, not silently dropped or
 * replaced, so a check sees exactly what a stricter or laxer decoder downstream could make of them.
 */
public final class PercentEncoding {

    private PercentEncoding() {
    }

    public static final class MalformedException extends Exception {

        MalformedException(String message) {
            super(message);
        }
    }

    /** Names and values of a query string or form body, decoded ({@code +} is a space). */
    public static List<Map.Entry<String, String>> parameters(String encoded) throws MalformedException {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(new SimpleEntry<>(decode(name), decode(value)));
        }
        return parameters;
    }

    public static String decode(String encoded) throws MalformedException {
        return decode(encoded, false);
    }

    /** For looking inside values that were encoded more than once: escapes that are not valid stay as they are. */
    public static String decodeLeniently(String encoded) {
        try {
            return decode(encoded, true);
        } catch (MalformedException e) {
            throw new IllegalStateException("Lenient decoding does not fail", e);
        }
    }

    private static String decode(String encoded, boolean lenient) throws MalformedException {
        if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && hex(encoded.charAt(i + 1)) >= 0 && hex(encoded.charAt(i + 2)) >= 0) {
                bytes.write(hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2)));
                i += 2;
            } else if (c == '%' && !lenient) {
                throw new MalformedException("Malformed percent-encoding at position " + i);
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                bytes.write('%');
            } else {
                int end = i + 1;
                while (end < encoded.length() && encoded.charAt(end) != '%' && encoded.charAt(end) != '+') {
                    end++;
                }
                bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        CodingErrorAction onError = lenient ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(onError)
                    .onUnmappableCharacter(onError)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("Percent-encoded bytes are not UTF-8");
        }
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would also take other scripts' digits). */
    public static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
