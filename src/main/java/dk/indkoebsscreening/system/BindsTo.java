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

    /** One record, or the one of several that the target decides. */
    Class<? extends Record>[] value() default {};

    /**
     * Instead of naming them: the records are the type arguments of the beans implementing this generic interface, one
     * of which the target decides (a task's step, found in the module that owns it).
     */
    Class<?> stepsOf() default void.class;
}
