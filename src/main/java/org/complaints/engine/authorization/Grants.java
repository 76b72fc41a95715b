package org.complaints.engine.authorization;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Authorization rows for one resource, written inside the running engine command. One command may grant the
 * same thing twice (two tasks created at once); the engine's unique key would refuse the second row, so rows
 * not yet flushed are looked up in the command's cache first, as the engine's own default provider does.
 */
public final class Grants {

    private Grants() {}

    public static void grant(
            Resource resource, String resourceId, String userId, String groupId, Permission... permissions) {
        AuthorizationEntity authorization = find(AUTH_TYPE_GRANT, resource, resourceId, userId, groupId);
        if (authorization == null) {
            authorization = newAuthorization(AUTH_TYPE_GRANT, resource, resourceId, userId, groupId);
            for (Permission permission : permissions) {
                authorization.addPermission(permission);
            }
            manager().insert(authorization);
        } else {
            for (Permission permission : permissions) {
                authorization.addPermission(permission);
            }
        }
    }

    /** A user-specific revoke: it outranks every group grant the user would otherwise inherit. */
    public static void revokeAll(Resource resource, String resourceId, String userId) {
        if (find(AUTH_TYPE_REVOKE, resource, resourceId, userId, null) == null) {
            AuthorizationEntity revoke = newAuthorization(AUTH_TYPE_REVOKE, resource, resourceId, userId, null);
            revoke.removePermission(Permissions.ALL);
            manager().insert(revoke);
        }
    }

    public static void removeUser(Resource resource, String resourceId, String userId) {
        manager().deleteAuthorizationsByResourceIdAndUserId(resource, resourceId, userId);
    }

    private static AuthorizationEntity newAuthorization(
            int type, Resource resource, String resourceId, String userId, String groupId) {
        AuthorizationEntity authorization = new AuthorizationEntity(type);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.setUserId(userId);
        authorization.setGroupId(groupId);
        return authorization;
    }

    private static AuthorizationEntity find(
            int type, Resource resource, String resourceId, String userId, String groupId) {
        CommandContext context = Context.getCommandContext();
        AuthorizationEntity cached = cached(context, type, resource, resourceId, userId, groupId);
        if (cached != null || createdInThisCommand(resource, resourceId)) {
            return cached;
        }
        if (resourceId == null) {
            return manager().findAuthorization(type, userId, groupId, resource, resourceId);
        }
        // every row naming the resource id, once per command: a task's creation grants its groups and readers on
        // the process instance and its history: several lookups of one id in one command
        return loadResource(context, resourceId) ? cached(context, type, resource, resourceId, userId, groupId) : null;
    }

    private static AuthorizationEntity cached(
            CommandContext context, int type, Resource resource, String resourceId, String userId, String groupId) {
        for (AuthorizationEntity cached :
                context.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)) {
            if (cached.getAuthorizationType() == type
                    && cached.getResourceType() == resource.resourceType()
                    && Objects.equals(cached.getResourceId(), resourceId)
                    && Objects.equals(cached.getUserId(), userId)
                    && Objects.equals(cached.getGroupId(), groupId)) {
                return cached;
            }
        }
        return null;
    }

    /** The resource ids whose rows the running command has loaded (into its entity cache); one command per thread. */
    private static final ThreadLocal<LoadedResources> LOADED = new ThreadLocal<>();

    private record LoadedResources(CommandContext context, Set<String> resourceIds) implements CommandContextListener {

        @Override
        public void onCommandContextClose(CommandContext commandContext) {
            forget(commandContext);
        }

        @Override
        public void onCommandFailed(CommandContext commandContext, Throwable t) {
            forget(commandContext);
        }

        private void forget(CommandContext commandContext) {
            if (LOADED.get() != null && LOADED.get().context() == commandContext) {
                LOADED.remove();
            }
        }
    }

    /** Loads every authorization row of the resource id into the command's cache; false if it had already. */
    private static boolean loadResource(CommandContext context, String resourceId) {
        LoadedResources loaded = LOADED.get();
        if (loaded == null || loaded.context() != context) {
            // a command run inside another one has a cache of its own: it loads for itself
            loaded = new LoadedResources(context, new HashSet<>());
            LOADED.set(loaded);
            context.registerCommandContextListener(loaded);
        }
        if (!loaded.resourceIds().add(resourceId)) {
            return false;
        }
        AuthorizationQueryImpl query = new AuthorizationQueryImpl();
        query.resourceId(resourceId);
        boolean checking = context.isAuthorizationCheckEnabled();
        context.disableAuthorizationCheck();
        try {
            manager().selectAuthorizationByQueryCriteria(query);
        } finally {
            context.setAuthorizationCheckEnabled(checking);
        }
        return true;
    }

    /**
     * Whether the task or process instance the resource id names was created by the running command: then no
     * authorization row can name it yet and the database need not be asked (most lookups of an intake are of this
     * kind).
     */
    public static boolean createdInThisCommand(Resource resource, String resourceId) {
        Class<?> entity;
        if (resource == Resources.TASK || resource == Resources.HISTORIC_TASK) {
            entity = TaskEntity.class;
        } else if (resource == Resources.PROCESS_INSTANCE || resource == Resources.HISTORIC_PROCESS_INSTANCE) {
            entity = ExecutionEntity.class;
        } else {
            return false;
        }
        CommandContext context = Context.getCommandContext();
        if (context == null || resourceId == null) {
            return false;
        }
        CachedDbEntity cached = context.getDbEntityManager().getDbEntityCache().getCachedEntity(entity, resourceId);
        return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
    }

    private static AuthorizationManager manager() {
        return Context.getCommandContext().getAuthorizationManager();
    }
}
