/**
 * The risk-based scope of a request's screening ({@code request_scope}): which areas screen it and which flags
 * apply (DPIA likely, third-country transfer, EU tender, framework agreement, fast track), proposed by the
 * {@code bpmn/ScreeningScope.dmn} tables at submission and confirmed or changed by the coordinator at triage.
 * Uses process (the areas, the tables' names), municipality (its policy figures, inputs of the tables) and system.
 */
@ApplicationModule(displayName = "Screening scope", allowedDependencies = {"municipality", "process", "system"})
package dk.indkoebsscreening.scope;

import org.springframework.modulith.ApplicationModule;
