/**
 * Supervision of data processors (GDPR art. 28): the processors of a registered system with personal data, the method
 * and interval of their supervision and the next date ({@code data_processor}), each supervision's result with what was
 * looked at ({@code processor_supervision}), the model's supervision task for the security group, its pages and API, and
 * the events {@code supervision.due.v1} and {@code supervision.recorded.v1}. Uses register (the systems), deadline (the
 * municipality's time zone), events, process, security, system and web.
 */
@ApplicationModule(displayName = "Supervision of data processors",
        allowedDependencies = {"deadline", "events", "process", "register", "request", "security", "system", "web"})
package dk.indkoebsscreening.supervision;

import org.springframework.modulith.ApplicationModule;
