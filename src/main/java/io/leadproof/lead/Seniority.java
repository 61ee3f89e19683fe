package io.leadproof.lead;

import org.eclipse.microprofile.graphql.Description;

@Description("Seniority derived from the job title; drives FIT rules such as 'C-level title +10'.")
public enum Seniority {
    @Description("Chief officers, founders, owners, presidents.") C_LEVEL,
    @Description("Vice presidents and heads of a function at VP level.") VP,
    @Description("Directors and heads of a department.") DIRECTOR,
    @Description("Managers and team leads.") MANAGER,
    @Description("Individual contributors.") INDIVIDUAL_CONTRIBUTOR,
    @Description("Students, interns and job seekers.") STUDENT,
    @Description("No job title known.") UNKNOWN
}
