package io.leadproof.common;

import java.sql.SQLException;

import org.hibernate.QueryTimeoutException;

import io.smallrye.graphql.api.ErrorCode;

/**
 * PostgreSQL cancelled a statement ({@code 57014 query_canceled}), normally because it ran longer than
 * {@code leadproof.db.statement-timeout}; the transaction it ran in is rolled back. Clients see
 * {@code extensions.code = TIMEOUT} and a message without SQL. {@link LeadProofPostgreSQLDialect} raises it for
 * every statement Hibernate runs, including raw JDBC inside {@code Session.doReturningWork}.
 */
@ErrorCode("TIMEOUT")
public class StatementTimeoutException extends QueryTimeoutException {

    public static final String SQL_STATE = "57014";
    static final String MESSAGE = "The request took too long in the database and was cancelled; nothing was changed."
            + " Ask for less (a smaller page, a narrower filter) or try again later.";

    public StatementTimeoutException(SQLException cause, String sql) {
        super(MESSAGE, cause, sql);
    }

    /** Only the safe text: the SQL and PostgreSQL's wording stay in the server log (the cause). */
    @Override
    public String getMessage() {
        return MESSAGE;
    }
}
