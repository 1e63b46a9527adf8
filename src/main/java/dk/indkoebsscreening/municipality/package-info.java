/**
 * The municipalities an installation serves and each one's settings ({@code municipality},
 * {@code municipality_group_mailbox}): name and letterhead, mail sender and group mailboxes, the scope table's policy
 * figures, the accessibility contact, the events' CloudEvents source and the areas it routes to the shared IT-service
 * organisation's experts (the model's {@code screeningGroups}); the first written at start from the configuration; kept
 * by the installation's administrators on {@code /admin/kommuner} and through {@code /api/municipalities};
 * {@link dk.indkoebsscreening.municipality.MunicipalityAdded} once a new one is committed, its tenant in the engine
 * created with it; the accessibility statement, which names the municipality's contact; whose rows a signed-in person's
 * request sees ({@code PeoplesReach}). Low in the graph: features read their municipality here. Uses web (the pages'
 * frame), process (the engine's tenants, the areas), security (who is signed in) and system.
 */
@ApplicationModule(displayName = "Municipalities", allowedDependencies = {"process", "security", "system", "web"})
package dk.indkoebsscreening.municipality;

import org.springframework.modulith.ApplicationModule;
