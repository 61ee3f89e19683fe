package io.leadproof.common;

import org.eclipse.microprofile.graphql.Description;

@Description("Sort direction.")
public enum OrderDirection {
    @Description("Smallest or oldest first.") ASC,
    @Description("Largest or newest first.") DESC
}
