package io.leadproof.common;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;

/**
 * Around every {@code @Transactional} method, outside the transaction interceptor: when the transaction failed
 * because a statement was cancelled — also when that happened in the flush at commit, where JTA reports only a
 * {@code RollbackException} carrying the real failure as a suppressed exception — the caller gets the
 * {@link StatementTimeoutException} itself, so GraphQL answers {@code TIMEOUT} rather than a system error.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class StatementTimeoutTranslator {

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (Exception e) {
            StatementTimeoutException timeout = find(e);
            if (timeout != null && timeout != e) {
                throw timeout;
            }
            throw e;
        }
    }

    /** The statement timeout among the causes and suppressed exceptions of {@code failure}, or null. */
    public static StatementTimeoutException find(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        var todo = new ArrayDeque<Throwable>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof StatementTimeoutException timeout) {
                return timeout;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return null;
    }
}
