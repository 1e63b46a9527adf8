/**
 * Everything the models ({@code bpmn/}) and the code share, and the only door to Camunda's internals: the
 * keys and process variables ({@code ScreeningProcess}), the areas, verdicts and task types, the engine command
 * and gate, the engine clock, the native task queries and the webapps' single sign-on. Re-check this module
 * with every Camunda upgrade. Uses nothing of ours.
 */
@ApplicationModule(displayName = "Process model and Camunda adapter", allowedDependencies = {})
package dk.indkoebsscreening.process;

import org.springframework.modulith.ApplicationModule;
