package dk.indkoebsscreening.security;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.CamundaTenants;
import dk.indkoebsscreening.system.InstallationProperties;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups the model and the application rely on, and the Camunda authorizations they
 * need: administrators get everything. The other groups get no webapp access: they work in this
 * application's pages, and grants an earlier version gave them (Tasklist, its filter) are revoked.
 * Administrators' Tasklist has one expression-free filter. Groups are every municipality's: a person's municipality is
 * their own tenant membership, and the administrators' group is a member of every municipality's tenant (they keep the
 * installation for the shared organisation).
 */
@Component
public class IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
    private static final String TASK_FILTER_NAME = "Mine opgaver";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final CamundaTenants tenants;
    private final InstallationProperties installation;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
                  FilterService filterService, TaskService taskService, CamundaTenants tenants,
                  InstallationProperties installation) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.tenants = tenants;
        this.installation = installation;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void createGroupsAndAuthorizations() {
        group(Groups.ADMINS, "Camunda-administratorer", "SYSTEM");
        group(Groups.STAFF, "Medarbejdere", "WORKFLOW");
        group(Groups.COORDINATORS, "Koordinatorer", "WORKFLOW");
        group(Groups.SHARED_ORGANISATION, installation.sharedOrganisation().name(), "WORKFLOW");
        for (Area area : Area.values()) {
            group(area.candidateGroup(), "Screening: " + area.name(), "WORKFLOW");
            group(area.sharedCandidateGroup(), installation.sharedOrganisation().name() + ": " + area.name(), "WORKFLOW");
        }
        for (Resource resource : Resources.values()) {
            grant(Groups.ADMINS, resource, Authorization.ANY, Permissions.ALL);
        }
        if (filterService.createFilterQuery().filterName(TASK_FILTER_NAME).count() == 0) {
            Filter filter = filterService.newTaskFilter(TASK_FILTER_NAME).setOwner(Groups.ADMINS);
            filter.setQuery(taskService.createTaskQuery());
            filterService.saveFilter(filter);
        }
        revokeWebappAccess(workflowGroups());
        tenants.ensure(installation.municipalityId(), installation.municipality());
        tenants.admit(installation.municipalityId(), List.of(Groups.ADMINS));
    }

    /**
     * Creates a user with the given groups unless it exists (used for demo users).
     *
     * @param municipality the municipality the user belongs to, or null for the shared organisation's people
     */
    public void user(String id, String firstName, String lastName, String password, List<String> groups, String municipality) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@demo.kommune.dk");
            user.setPassword(password);
            identityService.saveUser(user);
            groups.forEach(group -> identityService.createMembership(id, group));
            if (municipality != null) {
                identityService.createTenantUserMembership(municipality, id);
            }
            log.info("Created user {} in {} of {}", id, groups, municipality == null ? installation.sharedOrganisation().name() : municipality);
        }
    }

    private static List<String> workflowGroups() {
        List<String> groups = new ArrayList<>(List.of(Groups.STAFF, Groups.COORDINATORS, Groups.SHARED_ORGANISATION));
        for (Area area : Area.values()) {
            groups.add(area.candidateGroup());
            groups.add(area.sharedCandidateGroup());
        }
        return groups;
    }

    private void revokeWebappAccess(List<String> groups) {
        for (Resources resource : List.of(Resources.APPLICATION, Resources.FILTER)) {
            authorizationService.createAuthorizationQuery()
                    .groupIdIn(groups.toArray(String[]::new)).resourceType(resource).list()
                    .forEach(authorization -> {
                        authorizationService.deleteAuthorization(authorization.getId());
                        log.info("Revoked {} access of group {} (Camunda's webapps are for administrators)",
                                resource.resourceName(), authorization.getGroupId());
                    });
        }
    }

    private void group(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permissions permission) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (!exists) {
            Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorizationService.saveAuthorization(authorization);
        }
    }
}
