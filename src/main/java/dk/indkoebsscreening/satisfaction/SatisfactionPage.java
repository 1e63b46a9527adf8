package dk.indkoebsscreening.satisfaction;

import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The requester's answer on the request's page ("Hvor tilfreds er du?"), back on the page after it: thanked, or with the
 * first thing to mend and what was typed (the page is the case file's; this module owns the form and its panel).
 */
@PageController
class SatisfactionPage {

    private final SatisfactionSurveys surveys;
    private final Validator validator;
    private final Choices choices;

    SatisfactionPage(SatisfactionSurveys surveys, Validator validator, Choices choices) {
        this.surveys = surveys;
        this.validator = validator;
        this.choices = choices;
    }

    @PostMapping("/anmodninger/{id}/tilfredshed")
    String answer(@PathVariable UUID id, @RequestParam(name = "score", required = false) String score,
                  @RequestParam(name = "comment", required = false) String comment,
                  @RequestParam(name = "anonymous", defaultValue = "false") boolean anonymous,
                  Authentication authentication, RedirectAttributes after) {
        SatisfactionForm form = new SatisfactionForm(score(score), comment, anonymous);
        Set<ConstraintViolation<SatisfactionForm>> problems = validator.validate(form);
        if (!problems.isEmpty()) {
            after.addFlashAttribute("satisfactionError", problems.stream()
                    .min(Comparator.comparing(problem -> problem.getPropertyPath().toString()))
                    .orElseThrow().getMessage());
            after.addFlashAttribute("satisfactionComment", comment == null ? null
                    : comment.substring(0, Math.min(comment.length(), SatisfactionForm.COMMENT_LENGTH)));
            return "redirect:/anmodninger/" + id + "#tilfredshed";
        }
        surveys.answer(id, form, CurrentUser.of(authentication));
        after.addFlashAttribute("saved", choices.message("satisfaction.thanks"));
        return "redirect:/anmodninger/" + id + "#tilfredshed";
    }

    /** A score that is no whole number is no score: the form asks again. */
    private static Integer score(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
