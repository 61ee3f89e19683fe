package io.leadproof.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/**
 * Feeds the current workspace to Hibernate's discriminator multitenancy, so every entity query
 * is filtered by workspace_id and every insert is stamped with it.
 */
@PersistenceUnitExtension
@RequestScoped
public class WorkspaceTenantResolver implements TenantResolver {

    /** Matches no workspace: the id pattern forbids a leading underscore. */
    static final String NO_WORKSPACE = "_none_";

    @Inject
    CurrentWorkspace workspace;

    @Override
    public String getDefaultTenantId() {
        return NO_WORKSPACE;
    }

    @Override
    public String resolveTenantId() {
        return workspace.id();
    }
}
