package dk.indkoebsscreening.process;

import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Tenancy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/**
 * Every municipality is a Camunda tenant. The models are deployed once, without a tenant, and shared; each process
 * instance belongs to the municipality of the work that starts it ({@link Tenancy#currentTenant()}, else the
 * installation's municipality), a called process to its parent's, and Camunda gives its tasks, jobs, variables and
 * history the same tenant. The model's own code (delegates, listeners, expressions), also when the job executor runs
 * it, acts for the process instance's municipality, so what it writes to our tables belongs there.
 * <p>
 * Camunda's tenant check stays on: a user the engine knows (the operators in Cockpit and {@code /engine-rest}) sees
 * only the tenants their groups are members of ({@link CamundaTenants}). Camunda lets its built-in administrators'
 * group past every tenant check; here that group is the installation's operators, who get their permissions from
 * their authorizations instead and see the tenants their groups are members of. They may grant memberships (Camunda
 * Admin): operators of one municipality only, kept from the others, come with the sign-in per municipality.
 */
@Component
class TenancyPlugin extends AbstractProcessEnginePlugin {

    private final InstallationProperties installation;

    TenancyPlugin(InstallationProperties installation) {
        this.installation = installation;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new MunicipalityOfTheWork());
        configuration.setDelegateInterceptor(new InTheProcessMunicipality());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getAdminGroups().remove(Groups.CAMUNDA_ADMIN);
        configuration.setCommandCheckers(configuration.getCommandCheckers().stream()
                .map(checker -> checker instanceof TenantCommandChecker ? refusingAsForbidden(checker) : checker).toList());
    }

    /**
     * Camunda refuses a command on another tenant's instance, task or job with a plain engine exception, which both
     * REST APIs answer with 500; as an {@link AuthorizationException} it is answered 403, like every other refusal.
     */
    private static CommandChecker refusingAsForbidden(CommandChecker tenantCheck) {
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(), new Class<?>[] {CommandChecker.class},
                (proxy, method, arguments) -> {
                    try {
                        return method.invoke(tenantCheck, arguments);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof ProcessEngineException refusal && !(refusal instanceof AuthorizationException)) {
                            throw new AuthorizationException(refusal.getMessage());
                        }
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        CamundaTenants.claimUntenantedRows(engine, installation.municipalityId());
    }

    /** The municipality the work on this thread acts for, else the installation's (single-municipality mode). */
    private String municipalityOfTheWork() {
        return installation.municipalityOfTheWork();
    }

    private final class MunicipalityOfTheWork implements TenantIdProvider {

        @Override
        public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
            return context.getSuperExecution() != null ? context.getSuperExecution().getTenantId() : municipalityOfTheWork();
        }

        @Override
        public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
            return municipalityOfTheWork();
        }

        @Override
        public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
            return context.getExecution() != null ? context.getExecution().getTenantId() : municipalityOfTheWork();
        }
    }

    /** Runs the model's code acting for its process instance's municipality, on whichever thread the engine runs it. */
    private final class InTheProcessMunicipality extends DefaultDelegateInterceptor {

        @Override
        public void handleInvocation(DelegateInvocation invocation) throws Exception {
            String municipality = municipalityOf(invocation.getContextExecution());
            Exception failure = Tenancy.callAs(municipality, () -> {
                try {
                    super.handleInvocation(invocation);
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            if (failure != null) {
                throw failure;
            }
        }

        private String municipalityOf(BaseDelegateExecution execution) {
            String tenant = execution instanceof DelegateExecution processExecution ? processExecution.getTenantId() : null;
            return tenant != null ? tenant : municipalityOfTheWork();
        }
    }
}
