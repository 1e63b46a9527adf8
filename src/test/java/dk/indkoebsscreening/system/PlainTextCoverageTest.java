package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/** Every text a person can send in, in every input form (the records named *Form), is checked by @PlainText. */
class PlainTextCoverageTest {

    @Test
    void everyTextOfEveryFormIsPlainText() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*Form")));
        List<String> forms = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dk.indkoebsscreening")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!type.isRecord()) {
                continue;
            }
            forms.add(type.getSimpleName());
            for (RecordComponent component : type.getRecordComponents()) {
                collectUnchecked(type.getSimpleName() + "." + component.getName(), component.getAnnotatedType(), unchecked);
            }
        }

        assertThat(forms).contains("PurchaseRequestForm", "TriageForm", "InformationForm", "ScreeningForm",
                "EscalationForm", "DecisionForm");
        assertThat(unchecked).isEmpty();
    }

    private static void collectUnchecked(String where, AnnotatedType type, List<String> unchecked) {
        if (type.getType() == String.class && !type.isAnnotationPresent(PlainText.class)) {
            unchecked.add(where);
        }
        // A row of a list (the decision's conditions) is checked field by field like the form itself.
        if (type.getType() instanceof Class<?> row && row.isRecord()) {
            for (RecordComponent component : row.getRecordComponents()) {
                collectUnchecked(where + "." + component.getName(), component.getAnnotatedType(), unchecked);
            }
        }
        if (type instanceof AnnotatedParameterizedType parameterized) {
            AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                collectUnchecked(where + "<" + i + ">", arguments[i], unchecked);
            }
        }
    }
}
