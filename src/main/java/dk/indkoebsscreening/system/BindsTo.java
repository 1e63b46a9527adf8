package dk.indkoebsscreening.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The records a JSON body is bound to ({@link FormBinder}), on a handler's parameter that takes the body as a tree so
 * that every problem of it is reported at once: for whoever reads the API, and for the fuzz test that attacks each of
 * their fields. Every such parameter names them.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface BindsTo {

    /** One record, or the one of several that the target decides (a task's type). */
    Class<? extends Record>[] value();
}
