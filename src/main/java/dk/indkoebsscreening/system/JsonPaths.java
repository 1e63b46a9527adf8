package dk.indkoebsscreening.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/** Where in a JSON document something stands, in the dotted form used for validation errors ("conditions[2]"). */
public final class JsonPaths {

    /** Told of every key and every string of a document, with its path (a key's is the path of its value). */
    public interface TextVisitor<E extends Exception> {
        void text(String text, String path, boolean key) throws E;
    }

    private JsonPaths() {
    }

    public static <E extends Exception> void visitTexts(JsonNode node, TextVisitor<E> visitor) throws E {
        visitTexts(node, "", visitor);
    }

    private static <E extends Exception> void visitTexts(JsonNode node, String path, TextVisitor<E> visitor) throws E {
        if (node.isTextual()) {
            visitor.text(node.textValue(), path, false);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visitTexts(node.get(i), path + "[" + i + "]", visitor);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                visitor.text(field.getKey(), fieldPath, true);
                visitTexts(field.getValue(), fieldPath, visitor);
            }
        }
    }

    public static String of(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
