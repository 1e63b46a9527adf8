package dk.indkoebsscreening.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which municipalities a web request may act for and see ({@link TenantScopeFilter}). Every user of an installation of
 * one municipality belongs to it; the increment that signs users in per municipality derives the scope from the user
 * here.
 */
public interface TenantReach {

    Tenancy.Scope scopeOf(HttpServletRequest request);
}
