package io.leadproof.common;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.exception.spi.SQLExceptionConversionDelegate;
import org.hibernate.internal.util.JdbcExceptionHelper;
import org.hibernate.type.StandardBasicTypes;

/**
 * PostgreSQL as Hibernate knows it, except that a cancelled statement ({@code 57014}: statement timeout) becomes a
 * {@link StatementTimeoutException}, which the GraphQL layer reports with {@code extensions.code = TIMEOUT}. The
 * dialect is where Hibernate translates every {@link java.sql.SQLException} — from entity and native queries, from
 * flushes and from {@code Session.doReturningWork} — so this is the one place that sees them all. Configured with
 * {@code quarkus.hibernate-orm.dialect}; at the JPA boundary Hibernate wraps it in a
 * {@link jakarta.persistence.QueryTimeoutException}, which {@code quarkus.smallrye-graphql.unwrap-exceptions} peels
 * off again. It also declares the SQL functions queries call by name, with their result types.
 */
public class LeadProofPostgreSQLDialect extends PostgreSQLDialect {

    public LeadProofPostgreSQLDialect() {
    }

    public LeadProofPostgreSQLDialect(DialectResolutionInfo info) {
        super(info);
    }

    public LeadProofPostgreSQLDialect(DatabaseVersion version) {
        super(version);
    }

    @Override
    public SQLExceptionConversionDelegate buildSQLExceptionConversionDelegate() {
        SQLExceptionConversionDelegate postgres = super.buildSQLExceptionConversionDelegate();
        return (sqlException, message, sql) -> StatementTimeoutException.SQL_STATE.equals(JdbcExceptionHelper.extractSqlState(sqlException))
                ? new StatementTimeoutException(sqlException, sql)
                : postgres.convert(sqlException, message, sql);
    }

    /** The SLA rule (R__handoff_sla.sql), callable from entity queries. */
    @Override
    public void initializeFunctionRegistry(FunctionContributions contributions) {
        super.initializeFunctionRegistry(contributions);
        var types = contributions.getTypeConfiguration().getBasicTypeRegistry();
        var functions = contributions.getFunctionRegistry();
        functions.registerPattern("handoff_responded_at", "handoff_responded_at(?1, ?2, ?3)", types.resolve(StandardBasicTypes.INSTANT));
        functions.registerPattern("handoff_sla_breached", "handoff_sla_breached(?1, ?2, ?3)", types.resolve(StandardBasicTypes.BOOLEAN));
    }
}
