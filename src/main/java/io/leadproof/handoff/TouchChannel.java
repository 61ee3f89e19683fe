package io.leadproof.handoff;

import org.eclipse.microprofile.graphql.Description;

@Description("How a rep reached out to a lead.")
public enum TouchChannel {
    @Description("Phone call.") CALL,
    @Description("Email.") EMAIL,
    @Description("Meeting.") MEETING,
    @Description("Chat or social message.") MESSAGE,
    @Description("Anything else.") OTHER
}
