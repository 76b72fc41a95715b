package org.complaints.register;

/**
 * What an entry of the event log comes from, beyond its type: the task of a diagram version for a completed task,
 * the template for an e-mail. The evidence record reads an entry's ISO 10002 clause from it (the task's
 * documentation, the template's clause), never from the summary, which is text for people. Each part may be null.
 */
public record EventOrigin(String processDefinitionId, String taskDefinitionKey, String mailTemplate) {

    public static final EventOrigin NONE = new EventOrigin(null, null, null);

    public static EventOrigin task(String processDefinitionId, String taskDefinitionKey) {
        return new EventOrigin(processDefinitionId, taskDefinitionKey, null);
    }

    public static EventOrigin mail(String template) {
        return new EventOrigin(null, null, template);
    }
}
