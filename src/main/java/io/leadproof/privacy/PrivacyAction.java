package io.leadproof.privacy;

import org.eclipse.microprofile.graphql.Description;

@Description("What a privacy audit entry records.")
public enum PrivacyAction {
    @Description("Personal data of the lead was erased (leadErase).") ERASE,
    @Description("Everything held about the lead was exported (leadExport).") EXPORT
}
