package dk.indkoebsscreening.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders HTML pages. Marked separately from the JSON API's controllers so that
 * failures on a page become an error page ({@link PageExceptionHandler}), not a JSON body.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Controller
public @interface PageController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
