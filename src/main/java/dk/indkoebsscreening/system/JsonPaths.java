package dk.indkoebsscreening.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/** The field a JSON mapping error is about, in the dotted form used for validation errors. */
public final class JsonPaths {

    private JsonPaths() {
    }

    public static String of(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
