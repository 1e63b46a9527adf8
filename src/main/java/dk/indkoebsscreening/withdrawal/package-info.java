/**
 * The requester's withdrawal of a request not yet decided: the model's interrupting event sub-process ends every
 * open task and timer, the request becomes "Trukket tilbage" with its {@code request.withdrawn.v1} event, and the
 * fact {@code RequestWithdrawn} tells whoever had work on it. Uses events, history, process,
 * request, screening, security, system and web.
 */
@ApplicationModule(displayName = "Withdrawal",
        allowedDependencies = {"events", "history", "process", "request", "screening", "security", "system", "web"})
package dk.indkoebsscreening.withdrawal;

import org.springframework.modulith.ApplicationModule;
