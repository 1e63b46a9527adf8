/**
 * Everything the models ({@code bpmn/}) and the code share, and the only door to Camunda's internals: the
 * keys and process variables ({@code ScreeningProcess}), the areas, verdicts and task types, the engine command
 * and gate, the engine clock, the native task queries and group look-ups ({@code IdentityTables}), the webapps' and
 * REST API's single sign-on, and the municipalities as the engine's tenants. Re-check this module
 * with every Camunda upgrade; and the contract of a task step ({@code TaskStep}), which the steps' modules implement.
 * Uses only system, for the input problems a step reports and the municipality work acts for.
 */
@ApplicationModule(displayName = "Process model and Camunda adapter", allowedDependencies = {"system"})
package dk.indkoebsscreening.process;

import org.springframework.modulith.ApplicationModule;
